from django.apps import apps
from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control

from home.page_cache import coalescing, keys, versions
from home.page_cache.parameters import PageVisit, declared, declared_lists, normalised
from home.page_cache.visitors import holds_nothing_of_theirs

# Paths that are never pages: the admin, the API, documents and static files.
NEVER_CACHED = ("/admin/", "/api/", "/documents/", "/static/", "/media/")


class PageCacheMiddleware:
    """Serves Wagtail pages to anonymous visitors from the cache, and stores them.

    It sits before the session middleware, so a hit costs two reads of the page cache
    and nothing else (see ``coalescing`` for what a miss does). A visitor
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
        encoding = keys.accepted_encoding(request)
        # The versions and the page type in one round trip, the page in a second.
        found = cache.get_many([*version_keys, type_key])
        current = versions.current(cache, version_keys, found)
        versions.knows_site_version(request, current[0])  # GLOBAL's

        def lookup(stored_type):
            page_type = served_page_type(stored_type, current)
            if page_type is None:
                return None
            query = normalised(request.GET, declared(page_type), declared_lists(page_type))
            cached = cache.get(keys.page_key(host, path, query, encoding, current))
            if cached is not None:
                cached["X-Cache"] = "hit"
            return cached

        cached = lookup(found.get(type_key))
        if cached is not None:
            return cached
        render = coalescing.Render(
            cache, keys.render_key(host, request.get_full_path(), encoding, current)
        )
        if not render.acquire():
            cached = render.wait_for(lambda: lookup(cache.get(type_key)))
            if cached is not None:
                return cached
        stored = False
        try:
            response = self.render(request)
            stored = self.store(request, response, cache, host, path, current, type_key)
        finally:
            render.release(stored)
        return response

    def render(self, request):
        request.page_visit = PageVisit()
        return self.get_response(request)

    def store(self, request, response, cache, host, path, current, type_key):
        """Keep the response for the next visitors if it may be shared."""
        if not self.may_store(request, response, host):
            return False
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
        return True

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
