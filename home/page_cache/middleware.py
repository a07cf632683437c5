from django.apps import apps
from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control

from home.page_cache import keys, versions
from home.page_cache.parameters import PageVisit, declared, declared_lists, normalised
from home.page_cache.visitors import holds_nothing_of_theirs

# Paths that are never pages: the admin, the API, documents and static files.
NEVER_CACHED = ("/admin/", "/api/", "/documents/", "/static/", "/media/")


class PageCacheMiddleware:
    """Serves Wagtail pages to anonymous visitors from the cache, and stores them.

    It sits before the session middleware, so a hit costs no database query. A visitor
    whose session holds anything (an editor, a private page's password) is never served
    someone else's page. Only responses that a page marked as shareable (see
    ``mark_cacheable``) and that carry nothing per-visitor are stored, under a key made
    of what the page varies by (see ``keys``), so the number of entries is bounded by
    the pages and the values they offer, not by what visitors send."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            return self.get_response(request)
        cache = versions.page_cache()
        host, path = keys.hostname(request), request.path
        version_keys = versions.version_keys(path)
        type_key = keys.page_type_key(host, path)
        # The versions and the page type in one round trip, the page in a second.
        found = cache.get_many([*version_keys, type_key])
        current = tuple(found.get(key, 0) for key in version_keys)
        page_type = served_page_type(found.get(type_key), current)
        if page_type is not None:
            query = normalised(request.GET, declared(page_type), declared_lists(page_type))
            encoding = keys.accepted_encoding(request)
            cached = cache.get(keys.page_key(host, path, query, encoding, current))
            if cached is not None:
                cached["X-Cache"] = "hit"
                return cached
        request.page_visit = PageVisit()
        response = self.get_response(request)
        if self.may_store(request, response, host):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response["X-Cache"] = "miss"
            if settings.CDN_CACHE_SECONDS:
                # A CDN may keep it too: Candor purges it there on every change.
                patch_cache_control(
                    response, public=True, max_age=0, s_maxage=settings.CDN_CACHE_SECONDS
                )
            visit = request.page_visit
            query = normalised(request.GET, visit.names, visit.lists)
            encoding = keys.stored_encoding(response)
            cache.set_many(
                {
                    keys.page_key(host, path, query, encoding, current): response,
                    type_key: (current, visit.page_type),
                },
                settings.PAGE_CACHE_SECONDS,
            )
        return response

    @staticmethod
    def may_use_cache(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and not request.path.startswith(NEVER_CACHED)
            and holds_nothing_of_theirs(request)
        )

    @staticmethod
    def may_store(request, response, host):
        visit = request.page_visit
        cache_control = {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        return (
            bool(visit.page_type)
            and visit.all_shown_as_asked(request.GET)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not cache_control & {"private", "no-store", "no-cache"}
            and keys.stored_encoding(response) in {"gzip", "identity"}
            and keys.names_the_site(request, host)
        )


def served_page_type(stored, current):
    """The page type that served the path under the current versions, if known: a
    page moved, deleted or replaced there has bumped them."""
    if stored is None or stored[0] != current:
        return None
    try:
        return apps.get_model(stored[1])
    except LookupError:
        return None


def mark_cacheable(page, request):
    """Called for every Wagtail page served: its response may be shared if nothing
    else (a form's CSRF cookie, a private Cache-Control) says otherwise, and it sees only
    the parameters its type declares."""
    visit = getattr(request, "page_visit", None)
    if visit is not None and not getattr(request, "is_preview", False):
        visit.serve(page, request)
