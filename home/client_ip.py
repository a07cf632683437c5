"""The address a request really came from.

Behind N trusted proxies, the client is the Nth address from the right of
X-Forwarded-For; anything further left was written by the client and can be
forged. With no trusted proxy, only the connection's own address counts."""

from django.conf import settings
from django.utils.crypto import salted_hmac


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


def client_digest(request, purpose):
    """A keyed hash of the client's address, different for each ``purpose``: enough to
    recognise the same client doing the same thing again without storing its address."""
    return salted_hmac(f"candor.client:{purpose}", client_ip(request)).hexdigest()
