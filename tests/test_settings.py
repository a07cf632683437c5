"""Configuration comes from the environment, and production refuses unsafe defaults.

Each test loads a settings module afresh under an environment of its own (the
``load_settings`` fixture in tests/conftest.py) and checks what the settings do with it.
That production boots with these settings is checked by ``manage.py check --deploy`` in
tests/home/test_security_headers.py."""

import os
import subprocess
import sys

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from django.test import override_settings

import pytest

A_REAL_KEY = "x" * 50


@pytest.mark.parametrize("key", ["", "short", "candor-dev-only-not-for-production"])
def test_production_refuses_to_start_without_a_real_secret_key(load_settings, key):
    with pytest.raises(ImproperlyConfigured, match="Set SECRET_KEY"):
        load_settings("production", SECRET_KEY=key)


def test_production_starts_with_a_real_key_and_hardened_defaults(load_settings):
    production = load_settings("production", SECRET_KEY=A_REAL_KEY)

    assert production.DEBUG is False
    assert production.SECURE_HSTS_SECONDS == 31536000
    assert production.SESSION_COOKIE_SECURE is True
    assert production.STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_database_and_cache_come_from_the_environment(load_settings):
    default = load_settings("dev")
    configured = load_settings(
        "dev",
        DATABASE_URL="postgres://candor@db.example:5432/candor",
        REDIS_URL="redis://cache.example:6379/0",
    )

    assert default.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert default.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    database = configured.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example", 5432, "candor")
    cache = configured.CACHES["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.example:6379/0"


def test_allowed_hosts_come_from_the_environment(load_settings):
    production = load_settings(
        "production", SECRET_KEY=A_REAL_KEY, ALLOWED_HOSTS="candor.example, www.candor.example"
    )

    assert production.ALLOWED_HOSTS == ["candor.example", "www.candor.example"]


# Deploying and scaling: each optional service is switched on by its variables.


def test_media_goes_to_s3_compatible_storage_when_a_bucket_is_named(load_settings):
    storage = load_settings(
        "dev",
        AWS_STORAGE_BUCKET_NAME="candor-media",
        AWS_S3_ENDPOINT_URL="https://s3.eu-central.example",
    ).STORAGES["default"]

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "candor-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.eu-central.example"
    assert storage["OPTIONS"]["querystring_auth"] is False


def test_media_stays_on_local_disk_without_a_bucket(load_settings):
    storage = load_settings("dev").STORAGES["default"]

    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_search_uses_opensearch_or_elasticsearch_when_configured(load_settings):
    backend = load_settings(
        "dev",
        SEARCH_BACKEND="opensearch2",
        SEARCH_URLS="https://search-1.internal:9200, https://search-2.internal:9200",
    ).WAGTAILSEARCH_BACKENDS["default"]

    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["https://search-1.internal:9200", "https://search-2.internal:9200"]


def test_search_uses_the_database_by_default_and_refuses_an_unknown_backend(load_settings):
    default = load_settings("dev").WAGTAILSEARCH_BACKENDS["default"]

    assert default == {"BACKEND": "home.search_backend"}
    with pytest.raises(ValueError, match="SEARCH_BACKEND='solr'"):
        load_settings("dev", SEARCH_BACKEND="solr")


def test_a_cdn_is_purged_through_wagtails_frontend_cache_when_configured(load_settings):
    dev = load_settings(
        "dev",
        FRONTEND_CACHE="cloudflare",
        CLOUDFLARE_BEARER_TOKEN="token",  # noqa: S106
        CLOUDFLARE_ZONEID="zone",
    )

    assert dev.WAGTAILFRONTENDCACHE["default"]["BACKEND"].endswith("CloudflareBackend")
    assert dev.WAGTAILFRONTENDCACHE["default"]["ZONEID"] == "zone"
    assert "wagtail.contrib.frontend_cache" in dev.INSTALLED_APPS
    assert dev.CDN_CACHE_SECONDS == 300


def test_without_a_cdn_pages_carry_no_shared_cache_header(load_settings):
    dev = load_settings("dev")

    assert dev.WAGTAILFRONTENDCACHE == {}
    assert "wagtail.contrib.frontend_cache" not in dev.INSTALLED_APPS
    assert dev.CDN_CACHE_SECONDS == 0


def test_redis_holds_the_cache_and_database_connections_are_reused(load_settings):
    dev = load_settings(
        "dev",
        REDIS_URL="redis://cache.internal:6379/0",
        DATABASE_URL="postgres://candor@db.internal:5432/candor",
    )

    assert dev.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert dev.DATABASES["default"]["CONN_MAX_AGE"] > 0


# E-mail and background tasks.

MAIL_SETTINGS = (
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "EMAIL_TIMEOUT",
    "DEFAULT_FROM_EMAIL",
)


def mail_connection(settings_module):
    """The connection Django opens with these settings (without connecting)."""
    values = {name: getattr(settings_module, name) for name in MAIL_SETTINGS}
    with override_settings(**values):
        return get_connection(), values["DEFAULT_FROM_EMAIL"]


def test_smtp_settings_come_from_the_environment(load_settings):
    starttls, sender = mail_connection(
        load_settings(
            "production",
            SECRET_KEY=A_REAL_KEY,
            EMAIL_HOST="smtp.candor.example",
            EMAIL_HOST_USER="candor",
            EMAIL_HOST_PASSWORD="app-password",  # noqa: S106
            EMAIL_TIMEOUT="7",
            DEFAULT_FROM_EMAIL="Candor <news@candor.example>",
        )
    )
    implicit_tls, _ = mail_connection(
        load_settings(
            "production",
            SECRET_KEY=A_REAL_KEY,
            EMAIL_HOST="smtp.candor.example",
            EMAIL_PORT="465",
        )
    )

    assert type(starttls).__module__ == "django.core.mail.backends.smtp"
    assert (starttls.host, starttls.port, starttls.username, starttls.password) == (
        "smtp.candor.example",
        587,
        "candor",
        "app-password",
    )
    assert (starttls.use_tls, starttls.use_ssl, starttls.timeout) == (True, False, 7)
    assert sender == "Candor <news@candor.example>"
    assert (implicit_tls.port, implicit_tls.use_tls, implicit_tls.use_ssl) == (465, False, True)


def test_mail_is_printed_on_the_console_until_a_server_is_named(load_settings):
    connection, _ = mail_connection(load_settings("dev"))

    assert type(connection).__module__ == "django.core.mail.backends.console"
    assert load_settings("dev").EMAIL_TIMEOUT == 10, "a mail server that never answers gives up"


def test_tasks_run_at_once_in_development_and_queue_for_a_worker_in_production(load_settings):
    def backend(name, **env):
        return load_settings(name, **env).TASKS["default"]["BACKEND"]

    assert backend("dev").endswith("ImmediateBackend")
    assert backend("dev", TASKS_BACKEND="database") == "django_tasks_db.DatabaseBackend"
    assert backend("production", SECRET_KEY=A_REAL_KEY) == "django_tasks_db.DatabaseBackend"
    with pytest.raises(ValueError, match="TASKS_BACKEND='celery'"):
        load_settings("dev", TASKS_BACKEND="celery")


NOT_FOUND_LOGGED = """
import django, logging
django.setup()
logging.getLogger("django.request").warning("Not Found: /nowhere/")
logging.getLogger("candor.example").warning("Something to look at")
"""


@pytest.mark.real_clock
@pytest.mark.parametrize("debug", ["true", "false"])
def test_a_404_in_the_development_server_log_appears_once(debug):
    """Django's own console handler and the site's both printed every warning of
    Django's loggers (each 404's "Not Found" line twice)."""
    environment = {
        **{name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "candor.settings.dev",
        "DEBUG": debug,
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", NOT_FOUND_LOGGED],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=django_settings.BASE_DIR,
    )

    assert result.stderr.count("Not Found: /nowhere/") == 1, result.stderr
    assert result.stderr.count("Something to look at") == 1, result.stderr


def test_opensearch_and_elasticsearch_read_japanese_with_kuromoji(load_settings):
    backend = load_settings("dev", SEARCH_BACKEND="elasticsearch9").WAGTAILSEARCH_BACKENDS[
        "default"
    ]

    analysis = backend["INDEX_SETTINGS"]["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": "kuromoji", "mode": "search"}


def test_a_cluster_without_the_japanese_plugin_may_keep_the_standard_analyser(load_settings):
    backend = load_settings(
        "dev", SEARCH_BACKEND="opensearch3", SEARCH_ANALYZER="standard"
    ).WAGTAILSEARCH_BACKENDS["default"]

    assert backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"] == {
        "type": "standard"
    }
    with pytest.raises(ValueError, match="SEARCH_ANALYZER='mecab'"):
        load_settings("dev", SEARCH_BACKEND="opensearch3", SEARCH_ANALYZER="mecab")
