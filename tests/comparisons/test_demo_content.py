"""Comparisons' part of the demo: enough products, criteria and facts for a prospect
to compare, comparisons that competitors win rows of, no page claiming neutrality, and
product pages search engines can show with their image, prices and rating."""

from comparisons.models import ComparisonPage, Criterion, Fact, Product, ProductPage
from home.models import SiteSettings
from home.search_text import JAPANESE_RUN
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
    criteria = set(Criterion.objects.in_source_language().values_list("pk", flat=True))
    # A price the vendor does not publish is left out, never made up.
    prices = set(
        Criterion.objects.in_source_language()
        .filter(pricing_role__in=Criterion.PRICE_ROLES)
        .values_list("pk", flat=True)
    )
    for product in Product.objects.in_source_language():
        recorded = set(product.facts.values_list("criterion", flat=True))
        assert recorded <= criteria and criteria - recorded <= prices, product
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


def test_every_demo_comparison_reads_in_japanese(client, demo_site):
    """Each English comparison has a published Japanese version that Japanese readers
    reach, in Japanese words: its own title, and a verdict on every product."""
    english = ComparisonPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 2
    for page in english:
        translation = page.get_translations().live().get(locale__language_code="ja")
        response = client.get(translation.url)
        assert response.status_code == 200, translation.url
        html = response.content.decode()
        assert translation.title != page.title and translation.title in html
        verdicts = [item.best_for for item in translation.compared_products.all()]
        assert len(verdicts) == len(page.compared_products.all())
        assert all(JAPANESE_RUN.search(verdict) for verdict in verdicts), verdicts


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


def demo_costs(client, slug, query):
    page = ComparisonPage.objects.get(slug=slug, locale__language_code="en")
    response = client.get(page.url + page.reverse_subpage("cost") + query)
    assert response.status_code == 200
    return {item["name"]: item for item in response.json()["products"]}


def test_the_demo_calculator_shows_every_kind_of_price_honestly(client, demo_site):
    """A competitor cheaper than ours, an annual-only plan, a minimum, an add-on and a
    plan with no published price, on the demo comparisons."""
    helpdesks = "fernhill-desk-vs-tidewell-desk-vs-quillory"
    chat = Criterion.objects.in_source_language().get(name="Live chat").pk
    monthly = demo_costs(client, helpdesks, "?seats=2")
    yearly_with_chat = demo_costs(client, helpdesks, f"?seats=10&billing=yearly&features={chat}")
    chats = demo_costs(client, "fernhill-chat-vs-quillory-vs-bramblecall", "?seats=3")

    assert monthly["Tidewell Desk"]["billed_yearly_only"]
    assert monthly["Tidewell Desk"]["charged_seats"] == 5
    assert yearly_with_chat["Quillory Support Suite"]["is_cheapest"]
    fernhill = yearly_with_chat["Fernhill Desk"]
    assert not fernhill["is_cheapest"]
    assert [feature["need"] for feature in fernhill["features"]] == ["addon"]
    assert chats["Bramblecall"]["reasons"] == ["no_price"]
    assert chats["Fernhill Chat"]["monthly"] == "54.00"


def test_the_demo_calculator_offers_no_pricing_detail_as_a_feature(client, demo_site):
    """ "Free plan" describes prices: ticking it would only show "included" next to a
    paid cost."""
    for page in ComparisonPage.objects.filter(locale__language_code="en"):
        response = client.get(page.url + page.reverse_subpage("cost"))
        offered = {item["name"] for item in response.json()["parameters"]["features"]}
        pricing = Criterion.objects.in_source_language().filter(group="Pricing")
        assert not offered & set(pricing.values_list("name", flat=True)), page.slug
