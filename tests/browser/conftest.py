"""Headless Chromium for tests that check what a person sees.

Uses Debian's Chromium (``apt-get install chromium``) through Playwright; where it
is missing the tests skip, unless CANDOR_REQUIRE_BROWSER is set (as in CI)."""

import os
import shutil
from pathlib import Path

from django.core.management import call_command
from django.db import connection

import pytest
from pytest_django.live_server_helper import LiveServer

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        message = "Chromium not found: install it with `apt-get install chromium`."
        if os.environ.get("CANDOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make between browser steps are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium):
    """Open a URL at a given viewport width (and any other of Playwright's context options,
    such as a touch screen); the context closes after the test."""
    contexts = []

    def open_at(url, width, height=900, **context_options):
        context = chromium.new_context(
            viewport={"width": width, "height": height}, **context_options
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def save(page, name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def restore_migrated_database(migrated):
    """Empty the database, then put back what migrations made: a transactional test
    before this module, or this module's own demo, leaves nothing else behind."""
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(migrated)


@pytest.fixture(scope="module")
def demo_content_served(django_db_setup, django_db_blocker):
    """The demo content behind a server of its own, loaded once for a module whose tests
    read it (or add records of their own), on the database as migrations made it, which
    it is left as after. Loading it for each test cost a quarter of the browser tests' time.

    pytest-django's ``live_server`` would make each test transactional, flushing the
    demo after the first one, hence a server started here."""
    migrated = django_db_setup
    if migrated is None:
        pytest.fail(
            "The browser tests found no test database. Run them with a test that uses one, "
            "e.g. `pytest tests/browser tests/home/test_home_page.py`."
        )
    with django_db_blocker.unblock():
        restore_migrated_database(migrated)
        call_command("load_demo_content", verbosity=0)
        server = LiveServer("localhost")
    yield server.url
    server.stop()
    with django_db_blocker.unblock():
        restore_migrated_database(migrated)


@pytest.fixture
def demo_site(demo_content_served, django_db_blocker):
    """The server's address, with the database open to the test for its queries."""
    with django_db_blocker.unblock():
        yield demo_content_served
