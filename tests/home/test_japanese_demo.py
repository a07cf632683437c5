"""The demo site in Japanese, under /ja/: the same pages, translated with Wagtail's
localisation, and English keeping its own paths."""

from wagtail.models import Locale, Page

import pytest

from comparisons.models import ComparisonPage, ProductPage
from home.models import HomePage

JAPANESE_PATHS = [
    "/ja/",
    "/ja/products/",
    "/ja/products/fernhill-desk/",
    "/ja/compare/",
    "/ja/compare/fernhill-desk-vs-tidewell-desk-vs-quillory/",
    "/ja/how-we-compare/",
]


@pytest.mark.parametrize("path", JAPANESE_PATHS)
def test_japanese_pages_are_served_under_ja(client, demo_japanese, path):
    response = client.get(path)

    assert response.status_code == 200
    assert '<html lang="ja"' in response.content.decode()


def test_english_keeps_its_paths(client, demo_site):
    for path in ("/", "/products/fernhill-desk/", "/compare/"):
        response = client.get(path)
        assert response.status_code == 200
        assert '<html lang="en"' in response.content.decode()


def test_the_home_product_and_comparison_pages_are_translations_of_the_english_ones(demo_japanese):
    for model in (HomePage, ProductPage, ComparisonPage):
        translated = model.objects.filter(locale=demo_japanese, live=True).first()
        assert translated is not None, model.__name__
        original = translated.get_translation(Locale.get_default())
        assert original.live and original.pk != translated.pk


def test_loading_twice_adds_no_second_translation(demo_japanese):
    from django.core.management import call_command

    before = Page.objects.filter(locale=demo_japanese).count()
    call_command("load_demo_content", verbosity=0)

    assert Page.objects.filter(locale=demo_japanese).count() == before
