"""Crawlers find every public page, in every language, and nothing else."""

from xml.etree import ElementTree

from wagtail.models import PageViewRestriction

import pytest

from tests.comparisons.factories import ProductPageFactory
from tests.home.factories import StandardPageFactory
from tests.home.translations import japanese

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    return [loc.text for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_the_sitemap_lists_live_public_pages_and_not_drafts_or_private_ones(
    client, home_page, site_settings, product_index
):
    product = ProductPageFactory(parent=product_index)
    policy = StandardPageFactory(parent=home_page, title="How we compare")
    draft = StandardPageFactory(parent=home_page, title="Not ready")
    draft.unpublish()
    private = StandardPageFactory(parent=home_page, title="Partner terms")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    inside_private = StandardPageFactory(parent=private, title="Partner prices")

    locations = sitemap_locations(client)

    assert sorted(locations) == sorted(
        page.full_url for page in (home_page, product_index, product, policy)
    )
    assert not {page.full_url for page in (draft, private, inside_private)} & set(locations)


def test_the_sitemap_lists_the_japanese_pages_under_ja(
    client, home_page, site_settings, product_index
):
    product = ProductPageFactory(parent=product_index)
    japanese_home = japanese(home_page)
    japanese_index = japanese(product_index)

    locations = sitemap_locations(client)

    assert japanese_home.full_url == "http://localhost/ja/"
    assert japanese_index.full_url == "http://localhost/ja/products/"
    assert {home_page.full_url, product_index.full_url, product.full_url} <= set(locations)
    assert {japanese_home.full_url, japanese_index.full_url} <= set(locations)


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(
    client, home_page, site_settings
):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200
