import datetime
import importlib
import os
import sys

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.utils import timezone, translation

from wagtail.models import Locale, Site

import pytest
import time_machine

from home import process_memory
from home.models import SiteSettings
from tests.home.factories import HomePageFactory, serve_as_site_root, wagtail_root
from tests.query_counts import SIZES, data_for_the_module, measure, site_with_every_index

pytest_plugins = [
    "tests.comparisons.fixtures",
    "tests.comparisons.source_server",
    "tests.testimonials.fixtures",
    "tests.testimonials.advocate_fixtures",
]


def pytest_xdist_make_scheduler(config, log):
    """``--dist load``, a module at a time (tests/scheduling.py)."""
    if config.getvalue("dist") != "load":
        return None
    from tests.scheduling import LoadByModule

    return LoadByModule(config, log)


# Every test starts at this instant, so a date computed in a test or a factory cannot
# change under it at midnight. The clock ticks on from there (tick=True), so durations,
# timeouts and "seconds since the form was shown" still pass. A test that needs another
# instant travels there itself (time_machine.travel or the time_machine fixture).
FROZEN_AT = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=datetime.UTC)


def runs_on_the_real_clock(node):
    """Tests that hand times to another process see the real clock, not the travelled
    one: time-machine patches this interpreter only. Headless Chromium (``browser``)
    would drop a session cookie whose expiry the live server computed from a travelled
    clock; subprocesses and gunicorn servers (``real_clock``) compare their own time
    with the test's, e.g. a start instant of time.time() + 3."""
    return bool(node.get_closest_marker("browser") or node.get_closest_marker("real_clock"))


def is_test_database(connection):
    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    return connection.settings_dict["NAME"].startswith(TEST_DATABASE_PREFIX)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, and its contents as migrations made them (roles, Wagtail's root
    page and site), kept to put back after a test that empties the database, as Django's
    serialized_rollback does. None when there is no test database: pytest-django makes
    one only when a collected test asks for it, and the developer's own is not ours."""
    with django_db_blocker.unblock():
        if is_test_database(connection):
            return connection.creation.serialize_db_to_string()
    return None


@pytest.fixture(autouse=True)
def frozen_clock(request):
    if runs_on_the_real_clock(request.node):
        yield None
        return
    with time_machine.travel(FROZEN_AT, tick=True) as traveller:
        yield traveller


@pytest.fixture(scope="module")
def frozen_clock_for_module():
    """For module-scoped data (demo content loaded once): made an hour before the tests
    that read it start, on the same day, so nothing it holds is newer than what a test
    adds."""
    with time_machine.travel(FROZEN_AT - datetime.timedelta(hours=1), tick=True) as traveller:
        yield traveller


@pytest.fixture
def today(frozen_clock):
    """The date of the frozen clock, in the site's time zone."""
    return timezone.localdate()


@pytest.fixture
def home_page(db):
    """A home page serving as the root of the default site."""
    return serve_as_site_root(HomePageFactory(parent=wagtail_root()))


@pytest.fixture
def site_settings(home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.company_name = "Candor Test Co"
    site_settings.corrections_email = "corrections@candor.example"
    site_settings.save()
    return site_settings


@pytest.fixture(scope="session")
def shared_tmp_path(tmp_path_factory, worker_id):
    """A folder every test process of this run shares (pytest-xdist gives each worker a
    folder of its own under the run's)."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.fixture
def page_cache_on(settings):
    """Full-page caching on for anonymous visitors, as production has it."""
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached pages must not leak from one test into the next."""
    cache.clear()


@pytest.fixture(autouse=True)
def forgotten_process_memory():
    """What a process remembers of the site is tied to a version that a test's rolled
    back changes never bump: each test starts with nothing remembered."""
    process_memory.forget()


@pytest.fixture(autouse=True)
def default_language():
    """A request to a Japanese page leaves Japanese active in the thread (the locale
    middleware activates it and nothing puts it back): the next test starts in the
    site's default language whatever ran before it."""
    yield
    translation.deactivate()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, frozen_clock_for_module):
    """Loaded once for the module inside a transaction that is rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def measured_routes(request, django_db_setup, django_db_blocker, frozen_clock_for_module):
    """For a module of query counts: the addresses its ``routes(site, size)`` gives,
    each measured with the 1× site, then again once the site has grown to 10×."""
    with data_for_the_module(django_db_blocker):
        site = site_with_every_index()
        yield {size: measure(request.module.routes(site, size)) for size in SIZES}


@pytest.fixture
def demo_site(demo_content, db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_japanese(demo_site):
    """The locale of the demo's Japanese pages."""
    return Locale.objects.get(language_code="ja")


@pytest.fixture
def load_settings(monkeypatch):
    """Load ``candor.settings.<name>`` afresh, as a process started with only the given
    environment variables would; the running settings and sys.modules stay as they were."""
    package = importlib.import_module("candor.settings")

    def load(name, **environment):
        for variable in os.environ:
            if not variable.startswith("PYTEST_"):
                monkeypatch.delenv(variable)
        for variable, value in environment.items():
            monkeypatch.setenv(variable, value)
        modules = {key: sys.modules.pop(key) for key in list(sys.modules) if is_settings(key)}
        attributes = dict(vars(package))
        try:
            return importlib.import_module(f"candor.settings.{name}")
        finally:
            for key in [key for key in sys.modules if is_settings(key)]:
                del sys.modules[key]
            sys.modules.update(modules)
            for attribute in set(vars(package)) - set(attributes):
                delattr(package, attribute)
            for attribute, value in attributes.items():
                setattr(package, attribute, value)

    return load


def is_settings(module_name):
    return module_name.startswith("candor.settings.")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a change and then what waits for its commit, as in production (purging
    cached pages among it)."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run
