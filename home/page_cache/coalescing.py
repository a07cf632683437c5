"""One render per stale page, however many visitors ask for it at once.

A change makes every page it shows stale at the same moment (saving the site settings:
every page). Without this, each request for a popular page arriving before the first
render is stored would render it too, on every worker of every app server: the
"stampede" that makes the minute after a publish the slowest of the day.

The first request for a URL under the current versions takes a lock in the shared
page cache (``add``, atomic in Redis and in the database cache) and renders; the
others wait for what it stores and are served that. They never get an older page: the
lock and the page are keyed by the versions read after the change committed (see
``versions.bump_after_commit``). A render that is not stored (an error, a form, a
page that varies per visitor) says so in the lock, and waiting requests render for
themselves at once, as do requests that have waited ``WAIT_SECONDS``."""

import time

from django.conf import settings

RENDERING, NOT_STORED = "rendering", "not-stored"
# How long a lock lasts if its holder dies mid-render, and how long others wait.
LOCK_SECONDS = 10
WAIT_SECONDS = 5
POLL_SECONDS = 0.02


class Render:
    """The lock on one URL's render: ``acquire`` it, ``release`` it with whether the
    page was stored."""

    def __init__(self, cache, key):
        self.cache = cache
        self.key = key
        self.held = False

    def acquire(self):
        self.held = self.cache.add(self.key, RENDERING, timeout=LOCK_SECONDS)
        return self.held

    def release(self, stored):
        if not self.held:
            return
        self.held = False
        if stored:
            self.cache.delete(self.key)
        else:
            # Later requests for it render at once instead of waiting on each other;
            # the versions in the key change with the next change.
            self.cache.set(self.key, NOT_STORED, timeout=settings.PAGE_CACHE_SECONDS)

    def wait_for(self, lookup):
        """The page another request is rendering, once it is stored; None if it will
        not be (then the caller renders it itself)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            page = lookup()
            if page is not None:
                return page
            if self.cache.get(self.key) != RENDERING:
                # Released: stored (look once more) or not stored.
                return lookup()
            time.sleep(POLL_SECONDS)
        return None
