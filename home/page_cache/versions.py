"""The version numbers that make up a cached page's key."""

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
    for key in keys:
        # add() creates the counter only if it is missing; incr() is atomic in Redis
        # and in the local-memory cache, so concurrent bumps are never lost. A counter
        # the cache evicted starts again from the clock, not from a number it had
        # before: what was stored under that number must not become current again.
        cache.add(key, time.time_ns(), timeout=None)
        try:
            cache.incr(key)
        except ValueError:  # evicted between add() and incr()
            cache.set(key, time.time_ns(), timeout=None)


def bump_after_commit(keys):
    """Bump once the change is committed, so no request can cache the old content
    under the new versions."""
    from django.db import transaction

    if keys:
        transaction.on_commit(lambda: bump(page_cache(), keys))


def page_cache():
    from django.conf import settings

    return caches[settings.PAGE_CACHE_ALIAS]
