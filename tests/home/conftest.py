from django.core.management import call_command
from django.db import transaction

from wagtail.models import Site

import pytest


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, frozen_clock_for_module):
    """Loaded once for the module inside a transaction that is rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(demo_content, db):
    return Site.objects.get(is_default_site=True)
