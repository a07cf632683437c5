"""The address a request really came from.

Behind N trusted proxies, the client is the Nth address from the right of
X-Forwarded-For; anything further left was written by the client and can be
forged. With no trusted proxy, only the connection's own address counts."""

from django.conf import settings


def client_ip(request):
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= trusted:
            return forwarded[-trusted]
    return request.META.get("REMOTE_ADDR", "")


def client_ip_key(group, request):
    """Key function for django-ratelimit."""
    return client_ip(request)
