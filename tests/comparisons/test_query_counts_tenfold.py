"""Every public page of comparisons and products, and each of their routes, costs as
many queries with ten times the data as with a small catalogue's, in English and in
Japanese: the number is pinned, so a query added to a page shows here.

The catalogue is built and measured once for the module, at 1× and then at 10×."""

from decimal import Decimal

import pytest
from wagtail_factories import ImageFactory

from comparisons.models import Criterion, NotSuitableFor
from tests.comparisons.factories import (
    CriterionFactory,
    ExitGuidePageFactory,
    FactFactory,
    ProductFactory,
    ProductPageFactory,
    correct_every_fact,
    plan,
    translate_half,
)
from tests.comparisons.fixtures import build_comparison_grid
from tests.home.translations import in_japanese
from tests.query_counts import (
    assert_same_at_1x_and_10x,
)
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = [pytest.mark.django_db, pytest.mark.tenfold]


def priced(page):
    """A monthly seat price for every product the comparison compares."""
    monthly = Criterion.objects.filter(pricing_role="seat_monthly").first() or CriterionFactory(
        name="Price per seat, billed monthly",
        group="Pricing",
        kind=Criterion.Kind.NUMBER,
        direction=Criterion.Direction.LOWER,
        unit="USD / seat / month",
        pricing_role="seat_monthly",
    )
    for column in page.build_table(180).columns:
        FactFactory(product=column.product, criterion=monthly, support="", number=Decimal(19))


def comparison(site, size):
    """A comparison of 3 × size products by 5 × size criteria, every value corrected
    once and priced for the calculator."""
    page = build_comparison_grid(site.comparison_index, 3 * size, 5 * size)
    correct_every_fact(page)
    priced(page)
    return page


def japanese_comparison(site, size):
    page = comparison(site, size)
    table = page.build_table(180)
    translate_half([*(row.criterion for row in table.rows), *(c.product for c in table.columns)])
    return in_japanese(page)


def product_page(site, size):
    """Our product's page with size plans, 5 × size facts, 2 × size not-suitable-for
    items (half of them our own products with pages), 10 × size testimonials, and
    size comparisons and case studies that feature it; and its guide to leaving."""
    ours = ProductFactory(is_ours=True, logo=ImageFactory())
    page = ProductPageFactory(
        parent=site.product_index, product=ours, pricing=[plan(f"Plan {i}", i) for i in range(size)]
    )
    ExitGuidePageFactory(parent=page)
    for i in range(2 * size):
        alternative = ProductFactory(is_ours=bool(i % 2))
        if alternative.is_ours:
            ProductPageFactory(parent=site.product_index, product=alternative)
        NotSuitableFor.objects.create(
            page=page, situation=f"Situation {i}", reason="Why", alternative=alternative
        )
    for _ in range(5 * size):
        FactFactory(product=ours, criterion=CriterionFactory(kind=Criterion.Kind.SUPPORT))
    for n in range(10 * size):
        TestimonialFactory(product=ours, approved=True, rating=n % 5 + 1)
    for _ in range(size):
        grid = build_comparison_grid(site.comparison_index, 2, 1)
        grid.compared_products.create(product=ours)
        CaseStudyPageFactory(parent=site.case_study_index).products.add(ours)
    return page


def japanese_product_page(site, size):
    page = product_page(site, size)
    translate_half([page.product, *(fact.criterion for fact in page.product.facts.all())])
    return in_japanese(page)


def markdown(page):
    return page.url.rstrip("/") + ".md"


def routes(site, size):
    """Every route of a comparison and of a product page, in English and Japanese, with
    the data of ``size``; and the indexes, the open data catalogue and /llms.txt."""
    compared, compared_ja = comparison(site, size), japanese_comparison(site, size)
    product, product_ja = product_page(site, size), japanese_product_page(site, size)
    anchor, anchor_ja = (
        page.build_table(180).rows[0].cells[0].anchor for page in (compared, compared_ja)
    )
    fact = product.product.facts.first()
    comparisons_api = "/api/v2/pages/?type=comparisons.ComparisonPage&fields=*"
    return {
        "comparison": compared.url,
        "comparison, differences only": f"{compared.url}?differences=1",
        "comparison, cost calculator": f"{compared.url}?seats=12&billing=monthly",
        "comparison, cost as JSON": f"{compared.url}cost/?seats=12&billing=monthly",
        "comparison, Markdown": markdown(compared),
        "comparison, data.csv": f"{compared.url}data.csv",
        "comparison, data.json": f"{compared.url}data.json",
        "comparison, evidence": f"{compared.url}evidence/{anchor}/",
        "comparison, report form": f"{compared.url}report/",
        "comparison, report thanks": f"{compared.url}report/thanks/",
        "comparison index": site.comparison_index.url,
        "ja comparison": compared_ja.url,
        "ja comparison, Markdown": markdown(compared_ja),
        "ja comparison, data.json": f"{compared_ja.url}data.json",
        "ja comparison, evidence": f"{compared_ja.url}evidence/{anchor_ja}/",
        "ja comparison index": compared_ja.get_parent().url,
        "product": product.url,
        "product, Markdown": markdown(product),
        "product, evidence": f"{product.url}evidence/{fact.pk}/",
        "exit guide": product.get_children().first().url,
        "product index": site.product_index.url,
        "ja product": product_ja.url,
        "ja product, Markdown": markdown(product_ja),
        "ja product index": product_ja.get_parent().url,
        "ja comparison, data.csv": f"{compared_ja.url}data.csv",
        "ja comparison, cost calculator": f"{compared_ja.url}?seats=12&billing=monthly",
        "ja comparison, cost as JSON": f"{compared_ja.url}cost/?seats=12&billing=monthly",
        "ja exit guide": in_japanese(product.get_children().first().specific).url,
        "API, comparisons": f"{comparisons_api}&locale=en",
        "API, ja comparisons": f"{comparisons_api}&locale=ja",
        "API, a comparison": f"/api/v2/pages/{compared.pk}/",
        "API, product pages": "/api/v2/pages/?type=comparisons.ProductPage&fields=*",
        "API, a product page": f"/api/v2/pages/{product.pk}/",
        "API, products": "/api/v2/products/?fields=*",
        "API, criteria": "/api/v2/criteria/?fields=*",
        "open data": "/data/",
        "ja open data": "/ja/data/",
        "llms.txt": "/llms.txt",
        "ja llms.txt": "/ja/llms.txt",
    }


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("comparison", 9),
        ("comparison, differences only", 9),
        ("comparison, cost calculator", 11),
        ("comparison, cost as JSON", 8),
        ("comparison, Markdown", 8),
        ("comparison, data.csv", 8),
        ("comparison, data.json", 9),
        ("comparison, evidence", 10),
        ("comparison, report form", 6),
        ("comparison, report thanks", 3),
        ("comparison index", 4),
        ("ja comparison", 11),
        ("ja comparison, Markdown", 10),
        ("ja comparison, data.json", 11),
        ("ja comparison, evidence", 12),
        ("ja comparison index", 4),
        ("product", 8),
        ("product, Markdown", 6),
        ("product, evidence", 6),
        ("exit guide", 8),
        ("product index", 4),
        ("ja product", 11),
        ("ja product, Markdown", 9),
        ("ja product index", 5),
        ("ja comparison, data.csv", 10),
        ("ja comparison, cost calculator", 15),
        ("ja comparison, cost as JSON", 12),
        ("ja exit guide", 8),
        ("API, comparisons", 26),
        ("API, ja comparisons", 28),
        ("API, a comparison", 25),
        ("API, product pages", 22),
        ("API, a product page", 22),
        ("API, products", 17),
        ("API, criteria", 16),
        ("open data", 6),
        ("ja open data", 7),
        ("llms.txt", 4),
        ("ja llms.txt", 5),
    ],
)
def test_a_route_costs_the_same_queries_at_10x(measured_routes, route, expected):
    assert_same_at_1x_and_10x(measured_routes[1][route], measured_routes[10][route], expected)
