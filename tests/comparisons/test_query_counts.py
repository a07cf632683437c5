"""Queries per page stay the same however many products, criteria and items a page shows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from wagtail_factories import ImageFactory

from comparisons.models import ComparedCriterion, Criterion, Fact, NotSuitableFor, ProductPage
from tests.comparisons.factories import (
    CriterionFactory,
    FactFactory,
    ProductFactory,
    ProductPageFactory,
    correct_every_fact,
    plan,
    translate_half,
)
from tests.home.translations import japanese
from tests.query_counts import MAX_QUERIES, queries_to_render

pytestmark = pytest.mark.django_db


def test_comparison_page_queries_do_not_grow_from_3x10_to_8x60(
    client, site_settings, comparison_grid
):
    small = comparison_grid(product_count=3, criterion_count=10)
    large = comparison_grid(product_count=8, criterion_count=60)
    correct_every_fact(small)
    correct_every_fact(large)

    small_count = queries_to_render(client, small.url)
    large_count = queries_to_render(client, large.url)

    assert large_count == small_count
    assert large_count <= MAX_QUERIES
    assert large.build_table(180).differing_row_count > 0
    assert client.get(large.url).content.decode().count('class="correction"') == 8 * 60


def product_page_with(product_index, size):
    """A product page with a logo, ``size`` plans, ``size`` not-suitable-for items and
    ``size`` facts."""
    ours = ProductFactory(is_ours=True, logo=ImageFactory())
    page = ProductPageFactory(
        parent=product_index,
        product=ours,
        pricing=[plan(f"Plan {i}", i) for i in range(size)],
    )
    for i in range(size):
        # Half the alternatives are ours with a page of their own, half competitors'.
        if i % 2:
            alternative = ProductFactory(is_ours=True)
            ProductPageFactory(parent=product_index, product=alternative)
        else:
            alternative = ProductFactory()
        NotSuitableFor.objects.create(
            page=page, situation=f"Situation {i}", reason="Why", alternative=alternative
        )
        FactFactory(product=ours, criterion=CriterionFactory(kind=Criterion.Kind.SUPPORT))
    return page


def test_product_page_queries_do_not_grow_from_2_to_50_items(client, site_settings, product_index):
    small = product_page_with(product_index, 2)
    large = product_page_with(product_index, 50)

    small_count = queries_to_render(client, small.url)
    large_count = queries_to_render(client, large.url)

    assert large_count == small_count, (small_count, large_count)
    assert large_count <= MAX_QUERIES
    assert Fact.objects.filter(product=large.product).count() == 50


def test_index_and_home_pages_stay_within_budget(
    client, site_settings, product_index, comparison_grid
):
    for _ in range(12):
        ProductPageFactory(parent=product_index)
    comparison = comparison_grid(product_count=3, criterion_count=4)

    for url in ("/", product_index.url, comparison.get_parent().url):
        assert queries_to_render(client, url) <= MAX_QUERIES, url


def test_cards_listing_product_pages_leave_their_body_in_the_database(
    client, site_settings, home_page, product_index
):
    """The index and the home page show a product page's title, product summary and
    review date: its body (four StreamFields, each decoded from JSON) is not loaded."""
    ProductPageFactory.create_batch(3, parent=product_index)

    for url in ("/", product_index.url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        listing = [q["sql"] for q in queries if 'FROM "comparisons_productpage"' in q["sql"]]
        assert listing, url
        for sql in listing:
            for field in ProductPage.left_out_of_cards:
                assert f'"comparisons_productpage"."{field}"' not in sql, (url, field)


def test_a_japanese_comparison_queries_do_not_grow_from_3x10_to_8x60(
    client, site_settings, comparison_grid, comparison_index
):
    """Translated words cost one query per kind of record, however many are shown; half
    of them are translated, half fall back to English."""
    japanese(comparison_index.get_parent())
    japanese(comparison_index)
    pages = []
    for products, criteria in ((3, 10), (8, 60)):
        english = comparison_grid(product_count=products, criterion_count=criteria)
        table = english.build_table(180)
        translate_half(
            [*(row.criterion for row in table.rows), *(c.product for c in table.columns)]
        )
        pages.append(japanese(english))

    small_count, large_count = (queries_to_render(client, page.url) for page in pages)

    assert large_count == small_count
    # The English page's queries, and one for each kind of translated words: criteria,
    # products, facts.
    assert large_count <= MAX_QUERIES + 3
    html = client.get(pages[1].url).content.decode()
    assert "訳: Criterion" in html and 'lang="en">Criterion' in html


def test_only_a_short_text_criterion_has_its_ranked_values_read(reported_comparison):
    """Support levels and numbers rank by themselves: a table of them asks nothing about
    ranked values, and one with a ranked short text reads them in one query."""
    page = reported_comparison.page

    def ranked_value_queries():
        with CaptureQueriesContext(connection) as queries:
            columns, criteria = type(page).objects.get(pk=page.pk).compared()
        return [q for q in queries if 'FROM "comparisons_rankedvalue"' in q["sql"]], criteria

    queries, criteria = ranked_value_queries()
    assert queries == []
    assert [criterion.is_ranked for criterion in criteria] == [True, True]

    hours = CriterionFactory(name="Support hours", kind="text", ranked_values=["24/7", "Weekdays"])
    ComparedCriterion.objects.create(page=page, criterion=hours, sort_order=3)
    queries, criteria = ranked_value_queries()
    assert len(queries) == 1
    assert criteria[-1].ranked_texts == ["24/7", "Weekdays"] and criteria[-1].is_ranked
