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


@pytest.fixture
def japanese(demo_site):
    return Locale.objects.get(language_code="ja")


@pytest.mark.parametrize("path", JAPANESE_PATHS)
def test_japanese_pages_are_served_under_ja(client, japanese, path):
    response = client.get(path)

    assert response.status_code == 200
    assert '<html lang="ja"' in response.content.decode()


def test_english_keeps_its_paths(client, demo_site):
    for path in ("/", "/products/fernhill-desk/", "/compare/"):
        response = client.get(path)
        assert response.status_code == 200
        assert '<html lang="en"' in response.content.decode()


def test_the_home_product_and_comparison_pages_are_translations_of_the_english_ones(japanese):
    for model in (HomePage, ProductPage, ComparisonPage):
        translated = model.objects.filter(locale=japanese, live=True).first()
        assert translated is not None, model.__name__
        original = translated.get_translation(Locale.get_default())
        assert original.live and original.pk != translated.pk


def test_the_japanese_product_page_keeps_each_recommended_alternative(client, japanese):
    english = ProductPage.objects.get(locale=Locale.get_default(), slug="fernhill-desk")
    japanese_page = english.get_translation(japanese)

    html = client.get(japanese_page.url).content.decode()

    assert "顧客対応の大半が電話である" in html
    assert [item.alternative_id for item in japanese_page.not_suitable_for.all()] == [
        item.alternative_id for item in english.not_suitable_for.all()
    ]


def test_the_japanese_comparison_shows_the_same_table_in_the_same_order(client, japanese):
    japanese_page = ComparisonPage.objects.get(locale=japanese)
    english = japanese_page.get_translation(Locale.get_default())

    html = client.get(japanese_page.url).content.decode()

    assert "Fernhill Desk・Tidewell Desk・Quillory Support Suite の比較" in html
    assert [c.product_id for c in japanese_page.compared_products.all()] == [
        c.product_id for c in english.compared_products.all()
    ]
    assert cells_of(japanese_page) == cells_of(english)


def cells_of(comparison):
    return [
        [(row.criterion.pk, cell.fact and cell.fact.pk, cell.is_best) for cell in row.cells]
        for row in comparison.build_table(180).rows
    ]


def test_loading_twice_adds_no_second_translation(japanese):
    from django.core.management import call_command

    before = Page.objects.filter(locale=japanese).count()
    call_command("load_demo_content", verbosity=0)

    assert Page.objects.filter(locale=japanese).count() == before
