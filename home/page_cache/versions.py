"""The version numbers that make up a cached page's key."""

import secrets
import time

from django.core.cache import caches

GLOBAL = "page-cache:v:site"


def tree_key(path):
    """Bumped when a page changes: it, its sub-routes and its descendants."""
    return f"page-cache:v:tree:{path}"


def path_key(path):
    """Bumped when a listing changes: that one path, with any query string."""
    return f"page-cache:v:path:{path}"


def prefixes(path):
    """ "/compare/a/b/" -> ["/", "/compare/", "/compare/a/", "/compare/a/b/"]."""
    parts = [part for part in path.split("/") if part]
    return ["/"] + ["/" + "/".join(parts[:end]) + "/" for end in range(1, len(parts) + 1)]


# A page's rendition in another format ("/compare/a.md") shows the page ("/compare/a/").
RENDITION_SUFFIXES = (".md",)


def page_path(path):
    """The path of the page a path shows: itself, or the page it is a rendition of."""
    for suffix in RENDITION_SUFFIXES:
        if path.endswith(suffix) and not path.endswith("/" + suffix):
            return path.removesuffix(suffix) + "/"
    return path


def version_keys(path):
    """The counters whose values, read when a request arrives, are part of its key. A
    rendition goes stale with its page and with its own path."""
    tree = page_path(path)
    return [GLOBAL, path_key(path), *(tree_key(prefix) for prefix in prefixes(tree))]


def bump(cache, keys):
    """Give each counter a value it never had. A new random value rather than an
    increment: any cache can store it in one write (the database cache has no atomic
    increment), two processes bumping at once never lose a change (each write is new),
    and a counter the cache evicted never comes back to a number pages were stored
    under."""
    cache.set_many({key: new_version() for key in keys}, timeout=None)


def current(cache, keys, found):
    """The values of the counters ``keys`` (``found``: those already read). A counter
    never set, or evicted, gets a new value rather than reading as nothing: pages
    stored before it was evicted must not become current again."""
    missing = [key for key in keys if key not in found]
    if missing:
        fresh = {key: new_version() for key in missing}
        for key, value in fresh.items():
            cache.add(key, value, timeout=None)
        # Another process may have added it first: its value is the one that counts.
        found = {**found, **fresh, **cache.get_many(missing)}
    return tuple(found[key] for key in keys)


def site_version(request):
    """GLOBAL as this request sees it: read once, when first needed (home.process_memory
    keeps what every page reads of the site under it)."""
    version = getattr(request, "_site_version", None)
    if version is None:
        cache = page_cache()
        (version,) = current(cache, [GLOBAL], cache.get_many([GLOBAL]))
        request._site_version = version
    return version


def knows_site_version(request, version):
    """For the page cache, which reads GLOBAL with a page's other versions."""
    request._site_version = version


def new_version():
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def bump_after_commit(keys):
    """Bump once the change is committed, so no request can cache the old content
    under the new versions."""
    from django.db import transaction

    if keys:
        transaction.on_commit(lambda: bump(page_cache(), keys))


def page_cache():
    from django.conf import settings

    return caches[settings.PAGE_CACHE_ALIAS]
