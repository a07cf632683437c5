"""For the test suite: fast, isolated, never sends real e-mail."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "candor-tests-only"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, whatever TASKS_BACKEND the machine sets; a test may queue them instead.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="candor-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="candor-test-private-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Limits and pages in the test database, as on a laptop: a test's entries roll back
# with it.
CACHES["limits"] = DATABASE_LIMITS_CACHE  # noqa: F405
CACHES["pages"] = DATABASE_PAGE_CACHE  # noqa: F405
PAGE_CACHE_ALIAS = "pages"
# Off, so every other test sees its page rendered; tests/home/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# No statistics unless a test gathers them: the query plans the tests check are the
# ones SQLite makes without (tests/home/test_sqlite_statistics.py checks the refresh).
SQLITE_OPTIMIZE_SECONDS = 0
# The source watcher's tests read a local server and need not be polite to it.
SOURCE_WATCHER_HOST_DELAY = 0
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
