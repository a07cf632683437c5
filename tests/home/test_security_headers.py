"""Security headers on public pages and in the admin, with production settings."""

import hashlib
import importlib
import io
import json
import os
import re
import secrets
import subprocess
import sys
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.comparisons.factories import ProductPageFactory
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# What production changes about responses; databases, caches and storage stay the test ones.
RESPONSE_SETTINGS = {
    "DEBUG",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "ADMIN_CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
}


def production_environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "candor.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "candor.example,testserver",
    }


@pytest.fixture
def production_settings(monkeypatch):
    for name, value in production_environment().items():
        monkeypatch.setenv(name, value)
    # Settings read the environment when imported: import them afresh.
    importlib.reload(importlib.import_module("candor.settings.base"))
    production = importlib.reload(importlib.import_module("candor.settings.production"))
    overrides = {name: getattr(production, name) for name in dir(production) if name.isupper()}
    names = RESPONSE_SETTINGS & overrides.keys()
    with override_settings(**{name: overrides[name] for name in names}):
        yield production


def policy(header):
    directives = {}
    for directive in header.split(";"):
        name, _, value = directive.strip().partition(" ")
        directives[name] = value.split()
    return directives


@pytest.fixture
def https(client):
    client.defaults["HTTP_X_FORWARDED_PROTO"] = "https"
    return client


@pytest.fixture
def public_urls(site_settings, product_index):
    product_page = ProductPageFactory(parent=product_index)
    standard_page = StandardPageFactory(parent=site_settings.site.root_page)
    return ["/", product_index.url, product_page.url, standard_page.url]


def test_public_pages_get_a_strict_policy_and_hardened_headers(
    production_settings, https, public_urls
):
    for url in public_urls:
        response = https.get(url)
        assert response.status_code == 200, url
        csp = policy(response["Content-Security-Policy"])

        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert csp["default-src"] == ["'none'"]
        assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert "upgrade-insecure-requests" in csp
        hsts = dict(
            part.strip().partition("=")[::2]
            for part in response["Strict-Transport-Security"].split(";")
        )
        assert int(hsts["max-age"]) >= 365 * 24 * 3600 and "includeSubDomains" in hsts
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_plain_http_is_redirected_to_https(production_settings, client, public_urls):
    response = client.get(public_urls[1])

    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_cookies_are_secure_httponly_and_same_site(production_settings, https, admin_user):
    https.get("/admin/login/")
    response = https.post("/admin/login/", {"username": "admin", "password": "password"})

    assert response.status_code == 302
    session = response.cookies[django_settings.SESSION_COOKIE_NAME]
    csrf = response.cookies.get(django_settings.CSRF_COOKIE_NAME) or https.cookies.get(
        django_settings.CSRF_COOKIE_NAME
    )
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert csrf["secure"] and csrf["samesite"] == "Lax"


def test_the_admin_gets_its_own_relaxed_policy(production_settings, https, admin_user):
    https.force_login(admin_user)

    csp = policy(https.get("/admin/").headers["Content-Security-Policy"])

    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"] and csp["object-src"] == ["'none'"]


def test_a_preview_may_be_framed_by_this_site_only(
    production_settings, https, site_settings, editor_in_admin
):
    page = StandardPageFactory(parent=site_settings.site.root_page, title="How we compare")
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = {
        "title": "How we compare, revised",
        "slug": page.slug,
        "intro": "",
        "body": streamfield([("paragraph", rich_text("<p>Every value has a source.</p>"))]),
    }

    # What the admin's preview panel asks for (the browser test opens the panel).
    assert https.post(preview_url, nested_form_data(form)).json()["is_valid"]
    preview = https.get(preview_url, {"in_preview_panel": "true"})

    csp = policy(preview["Content-Security-Policy"])
    assert "How we compare, revised" in preview.content.decode()
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'none'"]
    # The page itself, outside the panel, still refuses every frame.
    public = policy(https.get(page.url)["Content-Security-Policy"])
    assert public["frame-ancestors"] == ["'none'"]


@pytest.mark.real_clock
def test_deployment_checks_report_nothing_with_production_settings():
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_environment(),
        capture_output=True,
        text=True,
        check=False,
        cwd=django_settings.BASE_DIR,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.real_clock
def test_production_refuses_to_start_with_a_development_key():
    environment = {**production_environment(), "SECRET_KEY": "candor-dev-only-not-for-production"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        cwd=django_settings.BASE_DIR,
    )

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def avatar_sources(client):
    """The avatars the admin shows the user: in the sidebar (drawn by script from its
    props) and on their account page."""
    sidebar = client.get("/admin/").content.decode()
    account = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    return [
        *(json.loads(f'"{url}"') for url in re.findall(r'"avatarUrl": "([^"]*)"', sidebar)),
        *(img["src"] for img in account.select(".avatar img, img.avatar")),
    ]


@pytest.fixture
def editor_in_admin(client, django_user_model):
    """An editor (Wagtail's Editors group) with an e-mail address gravatar would know."""
    editor = django_user_model.objects.create_user(
        username="edna", email="edna@fernhill.example", password="unused-here"
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return editor


def test_admin_avatars_come_from_the_site_not_a_third_party(
    production_settings, https, editor_in_admin
):
    """The admin's policy allows images from the site only; an avatar from a third
    party would be blocked, and would tell it which editor is at work."""
    email_hash = hashlib.md5(b"edna@fernhill.example").hexdigest()  # noqa: S324

    pages = [https.get(url).content.decode() for url in ("/admin/", "/admin/account/")]
    sources = avatar_sources(https)

    assert len(sources) >= 2, "the sidebar and the account page show the editor's avatar"
    for source in sources:
        assert urlsplit(source).netloc == "" and not source.startswith("//"), source
    for page in pages:
        assert email_hash not in page and "gravatar.com" not in page


def test_an_uploaded_avatar_is_shown_from_the_site(https, editor_in_admin):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), "teal").save(buffer, "PNG")
    profile = UserProfile.get_for_user(editor_in_admin)
    profile.avatar.save("edna.png", ContentFile(buffer.getvalue()))

    sources = avatar_sources(https)

    assert profile.avatar.url in sources
    assert profile.avatar.url.startswith(django_settings.MEDIA_URL)


def test_the_admin_policy_allows_the_media_storage_origin(
    production_settings, https, editor_in_admin, home_page, monkeypatch
):
    """Uploaded images (avatars, the image library) stored on S3 come from its domain."""
    monkeypatch.setattr(
        default_storage, "url", lambda name: f"https://media.fernhill.example/{name}"
    )

    for url in ("/admin/", "/"):
        csp = policy(https.get(url).headers["Content-Security-Policy"])
        assert "https://media.fernhill.example" in csp["img-src"], url
        assert "https://media.fernhill.example" not in csp.get("script-src", []), url
