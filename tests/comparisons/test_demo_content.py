"""Comparisons' part of the demo: enough products, criteria and facts for a prospect
to compare, comparisons that competitors win rows of, no page claiming neutrality, and
product pages search engines can show with their image, prices and rating."""

from comparisons.models import ComparisonPage, Criterion, Fact, Product, ProductPage
from home.models import SiteSettings
from tests.comparisons.test_rich_results import application, assert_rich_result
from tests.home.test_demo_content import SELF_PRAISE
from tests.home.test_structured_data import graph_of, only, render


def test_demo_content_covers_what_a_prospect_needs(demo_site):
    assert Product.objects.ours().count() >= 3
    assert Product.objects.competitors().count() >= 3
    assert Criterion.objects.in_source_language().count() >= 12
    assert Criterion.objects.values("group").distinct().count() >= 3
    assert (
        Fact.objects.in_source_language().count()
        >= Product.objects.in_source_language().count() * 12
    )
    freshness = SiteSettings.for_site(demo_site).freshness_limit_days
    assert Fact.objects.stale(freshness).exists()
    for product in Product.objects.in_source_language():
        assert set(product.facts.values_list("criterion", flat=True)) == set(
            Criterion.objects.in_source_language().values_list("pk", flat=True)
        ), product
    assert ProductPage.objects.live().count() >= 3


def test_every_demo_comparison_has_rows_competitors_win(demo_site):
    comparisons = ComparisonPage.objects.live()
    assert comparisons.count() >= 2
    for comparison in comparisons:
        table = comparison.build_table(SiteSettings.for_site(demo_site).freshness_limit_days)
        assert len(table.columns) >= 3 and len(table.rows) >= 10
        assert len(table.groups) >= 3
        assert table.competitor_wins, f"{comparison} shows our product winning every row"


def test_demo_product_and_comparison_pages_never_claim_neutrality(client, demo_site):
    pages = list(ProductPage.objects.live()) + list(ComparisonPage.objects.live())
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert not SELF_PRAISE.search(response.content.decode()), page.url


def test_a_competitor_wins_the_demo_support_hours_by_their_ranking(demo_site):
    hours = Criterion.objects.in_source_language().get(name="Vendor support hours")
    helpdesks = ComparisonPage.objects.get(
        slug="fernhill-desk-vs-tidewell-desk-vs-quillory", locale__language_code="en"
    )

    table = helpdesks.build_table(SiteSettings.for_site(demo_site).freshness_limit_days)

    assert hours.is_ranked and hours.ranked_texts[0] == "24/7"
    [row] = [row for row in table.competitor_wins if row.criterion == hours]
    assert [column.product.name for column in row.winners] == ["Tidewell Desk"]


def test_every_demo_product_page_qualifies_in_both_languages(client, demo_site):
    pages = ProductPage.objects.live().select_related("locale")
    assert {page.locale.language_code for page in pages} == {"en", "ja"}
    for page in pages:
        app = application(render(client, page.url))
        assert_rich_result(app)
        language = page.locale.language_code
        assert only(graph_of(render(client, page.url)), "WebPage")["inLanguage"] == language
        # Every plan with a price is offered; the one priced on request is not.
        priced = [p["name"] for p in page.plans if p["price"] is not None]
        assert [offer["name"] for offer in app["offers"]] == priced
