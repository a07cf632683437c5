"""The pages of the whole site (the home page, standard pages, search results, the
sitemap and robots.txt) cost as many queries with ten times the content as with a
small site's, in English and in Japanese: the number is pinned, so a query added to
a page shows here.

The site is built and measured once for the module, at 1× and then at 10×."""

import pytest

from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.comparisons.fixtures import build_comparison_grid
from tests.home.factories import StandardPageFactory
from tests.home.translations import in_japanese
from tests.query_counts import (
    assert_same_at_1x_and_10x,
)
from tests.testimonials.factories import CaseStudyPageFactory
from tests.testimonials.test_query_counts_tenfold import add_testimonials

pytestmark = [pytest.mark.django_db, pytest.mark.tenfold]


def routes(site, size):
    """The site-wide pages with 3 × size standard pages in the menu (each translated),
    size comparisons, 3 × size product pages, 2 × size case studies and 10 × size
    testimonials. Searches find the standard pages: a page of results costs a query
    for each type of page it lists, which does not grow with the site but with the
    mix of types on it."""
    products = [ProductFactory(is_ours=True) for _ in range(3 * size)]
    for product in products:
        ProductPageFactory(parent=site.product_index, product=product, title=f"Helpdesk {product}")
    for _ in range(size):
        build_comparison_grid(site.comparison_index, 3, 5)
    for _ in range(2 * size):
        CaseStudyPageFactory(parent=site.case_study_index).products.add(products[0])
    add_testimonials(products, [], 10 * size)
    for _ in range(3 * size):
        page = StandardPageFactory(parent=site.home, show_in_menus=True, title="Quincewood policy")
        in_japanese(page)
    policy = StandardPageFactory(parent=page, title="Quincewood sources")
    home_ja = in_japanese(site.home)
    return {
        "home": site.home.url,
        "standard page": policy.url,
        "search": "/search/?q=quincewood",
        "search, second page": "/search/?q=quincewood&page=2",
        "sitemap": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "ja home": home_ja.url,
        "ja standard page": in_japanese(policy).url,
        "ja search": "/ja/search/?q=quincewood",
    }


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("home", 6),
        ("standard page", 4),
        ("search", 7),
        ("search, second page", 7),
        ("sitemap", 18),
        ("robots.txt", 1),
        ("ja home", 6),
        ("ja standard page", 4),
        ("ja search", 7),
    ],
)
def test_a_route_costs_the_same_queries_at_10x(measured_routes, route, expected):
    assert_same_at_1x_and_10x(measured_routes[1][route], measured_routes[10][route], expected)
