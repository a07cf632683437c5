"""A product page lists the comparisons that feature its product, newest first, and
links to the rest: a product compared on hundreds of pages costs what one compared on
three does."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from comparisons.models.product_pages import RELATED_SHOWN
from tests.comparisons.factories import (
    ComparedProductFactory,
    ComparisonPageFactory,
    ProductPageFactory,
)
from tests.query_counts import query_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def product_page(site_settings, product_index, our_product):
    return ProductPageFactory(parent=product_index, product=our_product)


def compare(comparison_index, product, count, start=0):
    """``count`` comparisons of ``product``, published a day apart (the last newest)."""
    pages = []
    for n in range(start, start + count):
        page = ComparisonPageFactory(parent=comparison_index, title=f"Comparison {n:03}")
        ComparedProductFactory(page=page, product=product)
        # On two plans: still one comparison in the list.
        ComparedProductFactory(page=page, product=product, plan="Team")
        page.first_published_at = timezone.now() - datetime.timedelta(days=1000 - n)
        page.save()
        pages.append(page)
    return pages


def listed(client, page):
    html = client.get(page.url).content.decode()
    section = html.split('id="comparisons"', 1)[1] if 'id="comparisons"' in html else ""
    return html, section


def test_a_few_comparisons_are_all_listed_without_a_link_to_more(
    client, product_page, comparison_index, our_product
):
    pages = compare(comparison_index, our_product, 3)

    html, section = listed(client, product_page)

    assert [page.title for page in pages if page.title in section] == [p.title for p in pages]
    assert section.count("Comparison 00") == 3
    assert "All comparisons" not in html


def test_a_comparison_in_a_private_section_is_not_listed(
    client, product_page, comparison_index, our_product
):
    public, private = compare(comparison_index, our_product, 2)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html, section = listed(client, product_page)

    assert public.title in section
    assert private.title not in html


def test_many_comparisons_list_the_newest_and_link_to_all(
    client, product_page, comparison_index, our_product
):
    pages = compare(comparison_index, our_product, RELATED_SHOWN + 8)

    html, section = listed(client, product_page)

    newest = pages[-RELATED_SHOWN:]
    assert all(page.title in section for page in newest)
    assert not any(page.title in section for page in pages[:-RELATED_SHOWN])
    assert f'<a href="{comparison_index.url}">All comparisons</a>' in html


def test_the_page_costs_the_same_queries_with_three_or_sixty_comparisons(
    client, product_page, comparison_index, our_product
):
    compare(comparison_index, our_product, 3)
    client.get(product_page.url)
    with CaptureQueriesContext(connection) as few:
        client.get(product_page.url)
    compare(comparison_index, our_product, 57, start=3)
    with CaptureQueriesContext(connection) as many:
        client.get(product_page.url)

    assert len(many) == len(few)


def test_the_related_pages_are_found_by_index_not_by_reading_every_page(
    client, product_page, comparison_index, our_product
):
    """On a site of thousands of pages, the few that link from a product page are
    looked up: the comparisons and case studies by their product, the exit guide by
    its path."""
    compare(comparison_index, our_product, 3)
    with CaptureQueriesContext(connection) as queries:
        client.get(product_page.url)
    [sql] = [query["sql"] for query in queries if "ROW_NUMBER() OVER" in query["sql"]]

    plan = query_plan(sql)

    if connection.vendor == "sqlite":
        assert "MULTI-INDEX OR" in plan, plan
        assert not re.search(r"^SCAN wagtailcore_page\b", plan, re.MULTILINE), plan
    else:
        assert not re.search(r"Seq Scan on wagtailcore_page\b", plan), plan
