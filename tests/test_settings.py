"""Configuration comes from the environment, and production refuses unsafe defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def django_setting(settings_module, expression, **env):
    """Evaluate a settings expression in a fresh interpreter with the given environment."""
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import os, django\n"
            "if os.environ.get('DJANGO_SETUP') != '0': django.setup()\n"
            f"from django.conf import settings; print({expression})",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    for key in ("", "short", "candor-dev-only-not-for-production"):
        result = django_setting("candor.settings.production", "settings.DEBUG", SECRET_KEY=key)
        assert result.returncode != 0
        assert "Set SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_key_and_hardened_defaults():
    result = django_setting(
        "candor.settings.production",
        "settings.DEBUG, settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE,"
        " settings.STORAGES['staticfiles']['BACKEND']",
        SECRET_KEY="x" * 50,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "False 31536000 True whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_database_and_cache_come_from_the_environment():
    default = django_setting(
        "candor.settings.dev",
        "settings.DATABASES['default']['ENGINE'], settings.CACHES['default']['BACKEND']",
    )
    configured = django_setting(
        "candor.settings.dev",
        "settings.DATABASES['default']['ENGINE'], settings.CACHES['default']['BACKEND']",
        DATABASE_URL="postgres://candor@db.example:5432/candor",
        REDIS_URL="redis://cache.example:6379/0",
    )

    assert default.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ]
    assert configured.stdout.split() == [
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_allowed_hosts_come_from_the_environment():
    result = django_setting(
        "candor.settings.production",
        "settings.ALLOWED_HOSTS",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="candor.example, www.candor.example",
    )
    assert result.stdout.strip() == "['candor.example', 'www.candor.example']"


# Deploying and scaling: each optional service is switched on by its variables.


def settings_value(settings_module, expression, **env):
    """Read a value from a settings module without setting Django up, for services whose
    client library is an optional extra (pip install ".[s3]")."""
    module = settings_module.rsplit(".", 1)[-1]
    return django_setting(
        settings_module,
        f"__import__('candor.settings.{module}', fromlist=['x']).{expression}",
        DJANGO_SETUP="0",
        **env,
    )


def test_media_goes_to_s3_compatible_storage_when_a_bucket_is_named():
    result = settings_value(
        "candor.settings.dev",
        'STORAGES["default"]',
        AWS_STORAGE_BUCKET_NAME="candor-media",
        AWS_S3_ENDPOINT_URL="https://s3.eu-central.example",
    )

    storage = eval(result.stdout)  # noqa: S307
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "candor-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.eu-central.example"
    assert storage["OPTIONS"]["querystring_auth"] is False


def test_media_stays_on_local_disk_without_a_bucket():
    result = django_setting("candor.settings.dev", 'settings.STORAGES["default"]["BACKEND"]')

    assert result.stdout.strip() == "django.core.files.storage.FileSystemStorage"


def test_search_uses_opensearch_or_elasticsearch_when_configured():
    result = django_setting(
        "candor.settings.dev",
        'settings.WAGTAILSEARCH_BACKENDS["default"]',
        SEARCH_BACKEND="opensearch2",
        SEARCH_URLS="https://search-1.internal:9200, https://search-2.internal:9200",
    )

    backend = eval(result.stdout)  # noqa: S307
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["https://search-1.internal:9200", "https://search-2.internal:9200"]


def test_search_uses_the_database_by_default_and_refuses_an_unknown_backend():
    default = django_setting("candor.settings.dev", 'settings.WAGTAILSEARCH_BACKENDS["default"]')
    unknown = django_setting("candor.settings.dev", "1", SEARCH_BACKEND="solr")

    assert "home.search_backend" in default.stdout
    assert unknown.returncode != 0 and "SEARCH_BACKEND='solr'" in unknown.stderr


def test_a_cdn_is_purged_through_wagtails_frontend_cache_when_configured():
    result = django_setting(
        "candor.settings.dev",
        '(settings.WAGTAILFRONTENDCACHE, "wagtail.contrib.frontend_cache" in '
        "settings.INSTALLED_APPS, settings.CDN_CACHE_SECONDS)",
        FRONTEND_CACHE="cloudflare",
        CLOUDFLARE_BEARER_TOKEN="token",
        CLOUDFLARE_ZONEID="zone",
    )

    caches, installed, cdn_seconds = eval(result.stdout)  # noqa: S307
    assert caches["default"]["BACKEND"].endswith("CloudflareBackend")
    assert caches["default"]["ZONEID"] == "zone"
    assert installed and cdn_seconds == 300


def test_without_a_cdn_pages_carry_no_shared_cache_header():
    result = django_setting(
        "candor.settings.dev", "(settings.WAGTAILFRONTENDCACHE, settings.CDN_CACHE_SECONDS)"
    )

    assert eval(result.stdout) == ({}, 0)  # noqa: S307


def test_redis_holds_the_cache_and_database_connections_are_reused():
    result = django_setting(
        "candor.settings.dev",
        '(settings.CACHES["default"]["BACKEND"], settings.DATABASES["default"]["CONN_MAX_AGE"])',
        REDIS_URL="redis://cache.internal:6379/0",
        DATABASE_URL="postgres://candor@db.internal:5432/candor",
    )

    backend, conn_max_age = eval(result.stdout)  # noqa: S307
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert conn_max_age > 0


# E-mail and background tasks.


def settings_json(settings_module, expression, **env):
    result = django_setting(settings_module, f"__import__('json').dumps({expression})", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


MAIL = (
    "[settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT,"
    " settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD, settings.EMAIL_USE_TLS,"
    " settings.EMAIL_USE_SSL, settings.DEFAULT_FROM_EMAIL,"
    " __import__('django.core.mail').core.mail.get_connection().timeout]"
)


def test_smtp_settings_come_from_the_environment():
    starttls = settings_json(
        "candor.settings.production",
        MAIL,
        SECRET_KEY="x" * 50,
        EMAIL_HOST="smtp.candor.example",
        EMAIL_HOST_USER="candor",
        EMAIL_HOST_PASSWORD="app-password",  # noqa: S106
        EMAIL_TIMEOUT="7",
        DEFAULT_FROM_EMAIL="Candor <news@candor.example>",
    )
    implicit_tls = settings_json(
        "candor.settings.production",
        "[settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL]",
        SECRET_KEY="x" * 50,
        EMAIL_HOST="smtp.candor.example",
        EMAIL_PORT="465",
    )

    assert starttls == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.candor.example",
        587,
        "candor",
        "app-password",
        True,
        False,
        "Candor <news@candor.example>",
        7,
    ]
    assert implicit_tls == [465, False, True]


def test_mail_is_printed_on_the_console_until_a_server_is_named():
    backend, timeout = settings_json(
        "candor.settings.dev", "[settings.EMAIL_BACKEND, settings.EMAIL_TIMEOUT]"
    )

    assert backend == "django.core.mail.backends.console.EmailBackend"
    assert timeout == 10, "a mail server that never answers still gives up"


def test_tasks_run_at_once_in_development_and_queue_for_a_worker_in_production():
    backend = 'settings.TASKS["default"]["BACKEND"]'

    assert settings_json("candor.settings.dev", backend).endswith("ImmediateBackend")
    assert settings_json("candor.settings.dev", backend, TASKS_BACKEND="database") == (
        "django_tasks_db.DatabaseBackend"
    )
    assert settings_json("candor.settings.production", backend, SECRET_KEY="x" * 50) == (
        "django_tasks_db.DatabaseBackend"
    )
    unknown = django_setting("candor.settings.dev", "1", TASKS_BACKEND="celery")
    assert unknown.returncode != 0 and "TASKS_BACKEND='celery'" in unknown.stderr
