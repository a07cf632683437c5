"""For deployment: every secret and host comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, MIDDLEWARE, SECRET_KEY, env_bool, tasks

DEBUG = False

if not SECRET_KEY or SECRET_KEY.startswith("candor-") or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random value (at least 40 characters), for example "
        "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

STORAGES = {
    "default": STORAGES["default"],  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# E-mail and Wagtail's tasks wait in the database for the worker (manage.py db_worker),
# so no request waits on the mail server.
TASKS = tasks(default="database")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True}
}

# Only for the benchmark (make bench): a bare view as the ceiling, uploaded images served
# by Django, and a count of queries per response when a request asks for it. Never set
# it in a deployment.
CANDOR_BENCH = env_bool("CANDOR_BENCH")
if CANDOR_BENCH:
    MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
