"""Settings shared by every environment. Anything that differs between a laptop
and production is read from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from .services import frontend_caches, media_storage, private_media_storage, search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "site"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "comparisons",
    "testimonials",
    "wagtail.contrib.forms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.api.v2",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "axes",
    "csp",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "home.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached page is served without touching the database.
    "home.page_cache.middleware.PageCacheMiddleware",
    # Below the page cache, so a page is compressed once and stored that way.
    "home.compression.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, which refuses hosts that ALLOWED_HOSTS does not name.
    "home.process_memory.RememberedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A page refused for failing an honesty check: a message, not an error page.
    "home.honesty_admin.PublishingRefusedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "candor.urls"
WSGI_APPLICATION = "candor.wsgi.application"

TEMPLATES = [
    {
        # Django's, freeing what a template was given once it is rendered.
        "BACKEND": "home.template_backend.DjangoTemplates",
        "NAME": "django",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite next to the code unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent visitors on the embedded default: write-ahead logging, waiting for a
    # lock instead of failing, and taking the write lock when a transaction starts.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# SQLite's planner statistics are refreshed at most this often per process (seconds;
# 0: none gathered at all): see home/sqlite_statistics.py.
SQLITE_OPTIMIZE_SECONDS = int(os.environ.get("SQLITE_OPTIMIZE_SECONDS", "3600"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# Without Redis, whole pages, their versions and their render locks are shared by every
# process of the machine (app server workers, commands, the task worker) in a table
# created by home's migrations, so a change made in one reaches all at once.
DATABASE_PAGE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "candor_page_cache",
    # Pages are ~10-50 KB; when full, a third goes.
    "OPTIONS": {
        "MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "5000")),
        "CULL_FREQUENCY": 3,
    },
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "candor",
        }
    }
else:
    CACHES = {
        # Fragments of pages, in each process (their keys carry the page cache's
        # versions, so a process's copy is never stale).
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "candor",
            # Each process holds at most this many entries; when full, the least
            # recently used third goes.
            "OPTIONS": {"MAX_ENTRIES": 1000, "CULL_FREQUENCY": 3},
        },
        "pages": DATABASE_PAGE_CACHE,
    }

# Full-page cache for anonymous visitors: Redis when REDIS_URL is set, otherwise the
# database. Entries are invalidated on every change they show (home.page_cache); 0 turns
# it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_ALIAS = "default" if REDIS_URL else "pages"
# A visitor with a session cookie is served the cached page if the session holds
# nothing; with Redis that check is a cache read. A process's local memory is no place
# for sessions: a logout would not reach the other processes.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

AUTHENTICATION_BACKENDS = [
    # Refuses logins while an address or account is locked out (django-axes).
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins lock that username from that address for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "home.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the root, Japanese under /ja/. The public UI comes from locale/*;
# editors translate pages, products and criteria with wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ja", "日本語")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation of a page is a draft, published as any page is (by someone who may
# publish, through the workflow), not live at once because its original is.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["candor.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Advocates' photos while no reader may see them (pending, rejected, taken down): kept
# out of MEDIA_ROOT and never served; moderators see them in the admin (testimonials.photos).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
PRIVATE_MEDIA_STORAGE = private_media_storage(os.environ)
# How long a moderator may reconsider a rejection before its photo is deleted.
TESTIMONIAL_REJECTED_PHOTO_DAYS = int(os.environ.get("TESTIMONIAL_REJECTED_PHOTO_DAYS", "30"))

# E-mail goes to an SMTP server once EMAIL_HOST names one, else to the console. It is
# sent by background tasks (TASKS below), never while a visitor waits.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
# Seconds before a silent mail server counts as down (the task fails and is retried).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "candor@localhost")

# Background tasks (e-mail, and Wagtail's own: reference index, image focal points, CDN
# purges). "immediate" runs them at once in the process that queues them; "database"
# queues them in the database for a worker process: python manage.py db_worker.
# E-mail has a queue of its own (home.tasks), worked by its own worker in production.
TASK_QUEUES = ["default", "email"]
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks(default):
    kind = os.environ.get("TASKS_BACKEND", default)
    if kind not in TASK_BACKENDS:
        raise ValueError(f"TASKS_BACKEND={kind!r}: use one of {', '.join(TASK_BACKENDS)}.")
    return {"default": {"BACKEND": TASK_BACKENDS[kind], "QUEUES": TASK_QUEUES}}


TASKS = tasks(default="immediate")

# The source watcher (comparisons/sources/): how it reads the pages facts cite.
SOURCE_WATCHER_TIMEOUT = float(os.environ.get("SOURCE_WATCHER_TIMEOUT", "10"))
SOURCE_WATCHER_MAX_BYTES = int(os.environ.get("SOURCE_WATCHER_MAX_BYTES", str(2 * 1024 * 1024)))
# Seconds between two requests to the same host.
SOURCE_WATCHER_HOST_DELAY = float(os.environ.get("SOURCE_WATCHER_HOST_DELAY", "5"))
# "" : "CandorSourceWatcher/1.0 (+<WAGTAILADMIN_BASE_URL>/how-we-compare/)".
SOURCE_WATCHER_USER_AGENT = os.environ.get("SOURCE_WATCHER_USER_AGENT", "")
# Never in production: sources on private networks are refused (tests read a local server).
SOURCE_WATCHER_ALLOW_PRIVATE = False
# The only ports the watcher connects to (tests add their local server's).
SOURCE_WATCHER_ALLOWED_PORTS = [80, 443]

# Testimonial submissions: anti-abuse limits.
TESTIMONIAL_RATE_LIMIT = os.environ.get("TESTIMONIAL_RATE_LIMIT", "5/m")
TESTIMONIAL_MIN_SECONDS = int(os.environ.get("TESTIMONIAL_MIN_SECONDS", "4"))
TESTIMONIAL_PHOTO_MAX_BYTES = 5 * 1024 * 1024
TESTIMONIAL_PHOTO_MAX_PIXELS = 4000
# Reports of an inaccuracy on a comparison: the same anti-abuse limits.
INACCURACY_REPORT_RATE_LIMIT = os.environ.get("INACCURACY_REPORT_RATE_LIMIT", "5/m")
INACCURACY_REPORT_MIN_SECONDS = int(os.environ.get("INACCURACY_REPORT_MIN_SECONDS", "4"))
# Demo requests (the form pages editors build): the same anti-abuse limits.
DEMO_REQUEST_RATE_LIMIT = os.environ.get("DEMO_REQUEST_RATE_LIMIT", "5/m")
DEMO_REQUEST_MIN_SECONDS = int(os.environ.get("DEMO_REQUEST_MIN_SECONDS", "4"))
# How many reverse proxies in front of the app append to X-Forwarded-For (0: none).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "home.client_ip.client_ip"
# Limits (sends per client address, used form tokens, counted referral visits) have a cache
# of their own, which full pages cannot evict, shared by every app server: Redis when
# REDIS_URL is set, otherwise a table created by home's migrations (home.limits_cache).
# An entry given no lifetime keeps a day, so a limit per day or less never resets early.
DATABASE_LIMITS_CACHE = {
    "BACKEND": "home.limits_cache.LimitsDatabaseCache",
    "LOCATION": "candor_limits",
    "TIMEOUT": 24 * 3600,
    "OPTIONS": {"MAX_ENTRIES": 100_000},
}
# Redis evicts by memory across the whole instance, whatever the key prefix: where pages
# fill it, limits belong in an instance of their own (LIMITS_REDIS_URL, maxmemory-policy
# noeviction).
LIMITS_REDIS_URL = os.environ.get("LIMITS_REDIS_URL", REDIS_URL)
if LIMITS_REDIS_URL:
    CACHES["limits"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": LIMITS_REDIS_URL,
        "KEY_PREFIX": "candor-limits",
        "TIMEOUT": 24 * 3600,
    }
else:
    CACHES["limits"] = DATABASE_LIMITS_CACHE
RATELIMIT_USE_CACHE = "limits"

# Public pages load nothing but their own files. Embeds of the testimonial widget
# are allowed per response (home.csp); every other page refuses to be framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
    }
}
# Wagtail's admin needs inline scripts and styles; it still may only load its own files.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Uploads are raster images only: an SVG can carry script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]

# Avatars come from the site: the one an editor uploads, or Wagtail's default. Gravatar
# would be a third party the admin's policy blocks, told which editor is at work.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Candor")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = search_backends(os.environ)
WAGTAILFRONTENDCACHE = frontend_caches(os.environ)
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
# How long a CDN may keep a page; 0 sends no shared-cache header at all.
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "300" if WAGTAILFRONTENDCACHE else "0"))
# The public read-only API under /api/v2/: items per response, requests per client address.
WAGTAILAPI_LIMIT_MAX = 50
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/m")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Everything goes to the console once, through the root logger. Django's own "django"
# logger would also print to a console handler of its own while DEBUG is on, so each
# 404's "Not Found" line appeared twice; it hands its records up to the root instead.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}
