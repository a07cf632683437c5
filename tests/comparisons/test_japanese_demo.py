"""Comparisons' pages in the demo's Japanese: a translated product page keeps each
recommended alternative, a translated comparison shows the same table."""

from wagtail.models import Locale

from bs4 import BeautifulSoup

from comparisons.models import ComparisonPage, ExitGuidePage, ProductPage


def test_the_japanese_product_page_keeps_each_recommended_alternative(client, demo_japanese):
    english = ProductPage.objects.get(locale=Locale.get_default(), slug="fernhill-desk")
    japanese_page = english.get_translation(demo_japanese)

    html = client.get(japanese_page.url).content.decode()

    assert "顧客対応の大半が電話である" in html
    assert [item.alternative_id for item in japanese_page.not_suitable_for.all()] == [
        item.alternative_id for item in english.not_suitable_for.all()
    ]


def test_each_japanese_comparison_shows_the_same_table_in_the_same_order(client, demo_japanese):
    japanese_pages = ComparisonPage.objects.filter(locale=demo_japanese)
    assert {page.title for page in japanese_pages} == {
        "Fernhill Desk・Tidewell Desk・Quillory Support Suite の比較",
        "Fernhill Chat・Quillory Support Suite・Bramblecall の比較",
    }
    for japanese_page in japanese_pages:
        english = japanese_page.get_translation(Locale.get_default())

        html = client.get(japanese_page.url).content.decode()

        assert japanese_page.title in html
        assert [c.product_id for c in japanese_page.compared_products.all()] == [
            c.product_id for c in english.compared_products.all()
        ]
        assert cells_of(japanese_page) == cells_of(english)


def test_the_japanese_demo_guide_is_in_japanese(client, demo_japanese):
    english = ProductPage.objects.get(locale=Locale.get_default(), slug="fernhill-desk")
    guide = ExitGuidePage.objects.child_of(english).get().get_translation(demo_japanese)

    html = client.get(guide.url).content.decode()
    text = BeautifulSoup(html, "html.parser").main.get_text(" ", strip=True)

    assert "Fernhill Desk の解約とデータの持ち出し" in text
    assert "解約手数料はかかりません" in text
    assert "データの持ち出し" in text


def cells_of(comparison):
    return [
        [(row.criterion.pk, cell.fact and cell.fact.pk, cell.is_best) for cell in row.cells]
        for row in comparison.build_table(180).rows
    ]
