"""Configuration comes from the environment, and production refuses unsafe defaults."""

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
            f"import django; django.setup(); from django.conf import settings; print({expression})",
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
