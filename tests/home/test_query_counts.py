"""The home page and policy pages stay within the query budget as the site grows."""

import pytest

from tests.comparisons.factories import ProductPageFactory
from tests.home.factories import StandardPageFactory
from tests.query_counts import MAX_QUERIES, queries_to_render

pytestmark = pytest.mark.django_db


def grow(home_page, product_index, size):
    for _ in range(size):
        StandardPageFactory(parent=home_page, show_in_menus=True)
        ProductPageFactory(parent=product_index)


def test_home_and_standard_pages_do_not_grow_from_2_to_30_pages(
    client, home_page, site_settings, product_index
):
    section = StandardPageFactory(parent=home_page, title="Policies")
    page = StandardPageFactory(parent=section, title="How we compare")
    grow(home_page, product_index, 2)
    small = {url: queries_to_render(client, url) for url in ("/", section.url, page.url)}
    grow(home_page, product_index, 28)
    large = {url: queries_to_render(client, url) for url in ("/", section.url, page.url)}

    assert large == small
    assert max(large.values()) <= MAX_QUERIES
