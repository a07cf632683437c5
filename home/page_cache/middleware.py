import hashlib

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control

from home.page_cache import versions

# Paths that are never pages: the admin, the API, documents and static files.
NEVER_CACHED = ("/admin/", "/api/", "/documents/", "/static/", "/media/")


class PageCacheMiddleware:
    """Serves Wagtail pages to anonymous visitors from the cache, and stores them.

    It sits before the session middleware, so a hit costs no database query. Only a
    request without a session cookie counts as anonymous: editors always get the page
    fresh, and a visitor whose session holds anything of theirs is never served someone
    else's page. Only responses that a page marked as shareable (see ``mark_cacheable``)
    and that carry nothing per-visitor are stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            return self.get_response(request)
        cache = versions.page_cache()
        key = self.key_for(request, versions.current(cache, request.path))
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self.may_store(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response["X-Cache"] = "miss"
            if settings.CDN_CACHE_SECONDS:
                # A CDN may keep it too: Candor purges it there on every change.
                patch_cache_control(
                    response, public=True, max_age=0, s_maxage=settings.CDN_CACHE_SECONDS
                )
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def may_use_cache(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(NEVER_CACHED)
        )

    @staticmethod
    def may_store(request, response):
        cache_control = {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        return (
            getattr(request, "page_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not cache_control & {"private", "no-store", "no-cache"}
        )

    @staticmethod
    def key_for(request, current_versions):
        # Pages are stored as sent: compressed for clients that accept gzip, plain for others.
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
        url = f"{encoding} {request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(url.encode()).hexdigest()
        return f"page-cache:page:{digest}:" + ".".join(map(str, current_versions))


def mark_cacheable(request):
    """Called for every Wagtail page served: its response may be shared if nothing
    else (a form's CSRF cookie, a private Cache-Control) says otherwise."""
    if not getattr(request, "is_preview", False):
        request.page_cacheable = True
