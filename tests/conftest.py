from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Locale, Site

import pytest

from home.models import SiteSettings
from tests.home.factories import HomePageFactory, serve_as_site_root, wagtail_root

pytest_plugins = [
    "tests.comparisons.fixtures",
    "tests.testimonials.fixtures",
    "tests.testimonials.advocate_fixtures",
]


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


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached pages must not leak from one test into the next."""
    cache.clear()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """Loaded once for the module inside a transaction that is rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(demo_content, db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_japanese(demo_site):
    """The locale of the demo's Japanese pages."""
    return Locale.objects.get(language_code="ja")
