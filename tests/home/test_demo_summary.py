"""The loader's closing line says what it created, and only that: not what editors
added before it ran, nor anything it removed."""

import re
from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from wagtail.models import Page

import pytest

from comparisons.models import Product
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def load():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def created(summary):
    """{"pages": 43, "products": 6, ...} from "Demo content: created 43 pages, ..."."""
    return {
        name: int(count) for count, name in re.findall(r"(\d+) ([a-zA-Z -]+?)(?:,|\.$)", summary)
    }


def test_pages_an_editor_added_before_the_demo_are_kept_and_not_counted_as_its_own():
    """On a fresh install an editor adds a page under Wagtail's "Welcome" page, then
    starts the site, which loads the demo: their page stays, and is not in the count."""
    welcome = Page.objects.get(depth=2)
    editors_page = StandardPageFactory(parent=welcome, title="Our support hours")

    summary = created(load())

    assert Page.objects.filter(pk=editors_page.pk).exists()
    plain = ContentType.objects.get_for_model(Page)
    demo_pages = Page.objects.exclude(content_type=plain).exclude(pk=editors_page.pk)
    assert summary["pages"] == demo_pages.count()
    assert summary["products"] == Product.objects.in_source_language().count()


def test_with_an_editors_product_the_demo_loads_nothing():
    Product.objects.create(name="Our own desk", vendor="Us", summary="Ours.")

    output = load()

    assert "already loaded" in output
    assert Product.objects.in_source_language().count() == 1
