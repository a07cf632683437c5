"""Every page tells search engines and sharing sites what it is, from its promote
fields first and the site's defaults second."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from tests.comparisons.factories import ProductPageFactory
from tests.home.factories import StandardPageFactory
from tests.home.translations import japanese
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(head, key):
    """The content of the meta tag named (or with the Open Graph property) ``key``."""
    tag = head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def canonical(head):
    links = head.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def test_promote_fields_give_the_title_description_and_canonical_url(
    client, home_page, site_settings
):
    page = StandardPageFactory(
        parent=home_page,
        title="How we compare",
        seo_title="How Candor Test Co compares products",
        search_description="Where every value comes from and how to report an error.",
    )

    head = head_of(client, page.url)

    assert canonical(head) == "http://localhost/" + page.slug + "/"
    assert meta(head, "og:url") == canonical(head)
    assert meta(head, "description") == "Where every value comes from and how to report an error."
    assert meta(head, "og:description") == meta(head, "description")
    assert meta(head, "og:title") == "How Candor Test Co compares products"
    assert meta(head, "og:type") == "website"
    assert meta(head, "og:site_name") == "Candor Test Co"
    assert meta(head, "og:locale") == "en_US"
    assert meta(head, "og:image") is None
    assert meta(head, "twitter:card") == "summary"


def test_pages_without_their_own_description_use_the_site_default(client, home_page, site_settings):
    site_settings.default_description = "Honest pages about our products, limits included."
    site_settings.save()
    page = StandardPageFactory(parent=home_page, title="Our methods", search_description="")

    head = head_of(client, page.url)

    assert meta(head, "description") == "Honest pages about our products, limits included."
    assert meta(head, "og:description") == "Honest pages about our products, limits included."
    assert meta(head, "og:title") == "Our methods"


def test_the_default_share_image_is_a_fixed_size_rendition(client, home_page, site_settings):
    site_settings.default_share_image = wagtail_factories.ImageFactory(
        title="Candor Test Co", file__width=2400, file__height=1600
    )
    site_settings.save()

    head = head_of(client, "/")

    assert meta(head, "og:image").startswith("http://localhost/")
    assert ".fill-1200x630" in meta(head, "og:image")
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1200", "630")
    assert meta(head, "twitter:card") == "summary_large_image"


def test_filtered_views_name_the_unfiltered_page_as_canonical(
    client, site_settings, wall_page, our_product, comparison_grid
):
    for _ in range(wall_page.per_page + 1):
        TestimonialFactory(product=our_product, approved=True)
    comparison = comparison_grid(product_count=2, criterion_count=2)
    wall = wall_page.full_url

    after = BeautifulSoup(client.get(wall_page.url).content, "html.parser").select_one(
        "a[rel=next]"
    )["href"]

    assert canonical(head_of(client, wall_page.url + after)) == wall + after
    assert canonical(head_of(client, wall_page.url)) == wall
    assert canonical(head_of(client, f"{wall_page.url}?product={our_product.pk}")) == wall
    assert (
        canonical(head_of(client, f"{wall_page.url}?product={our_product.pk}&{after[1:]}")) == wall
    )
    assert canonical(head_of(client, comparison.url + "?differences=1")) == comparison.full_url
    assert canonical(head_of(client, comparison.url + "?page=2")) == comparison.full_url


def test_case_studies_and_comparisons_are_shared_as_articles(
    client, site_settings, comparison_grid, product_index
):
    comparison = comparison_grid(product_count=2, criterion_count=2)
    product = ProductPageFactory(parent=product_index)

    assert meta(head_of(client, comparison.url), "og:type") == "article"
    assert meta(head_of(client, product.url), "og:type") == "website"


def test_japanese_pages_say_so_and_name_their_own_url(client, home_page, site_settings):
    japanese_home = japanese(home_page)

    head = head_of(client, "/ja/")

    assert meta(head, "og:locale") == "ja_JP"
    assert canonical(head) == japanese_home.full_url == "http://localhost/ja/"


def test_views_outside_the_page_tree_have_no_canonical_url(client, site_settings):
    site_settings.default_description = "Honest pages about our products."
    site_settings.save()

    response = client.get("/testimonials/withdraw/not-a-token/")
    head = BeautifulSoup(response.content, "html.parser").head

    assert meta(head, "description") == "Honest pages about our products."
    assert not head.find_all("link", rel="canonical")
    assert meta(head, "og:url") is None


def test_a_page_named_as_the_company_is_not_named_twice_in_the_title(
    client, home_page, site_settings
):
    """The home page is often titled with the company's name: its tab reads that name
    once, while every other page still ends with it."""
    home_page.title = site_settings.company_name
    home_page.save_revision().publish()
    other = StandardPageFactory(parent=home_page, title="How we compare")

    assert head_of(client, "/").title.get_text() == "Candor Test Co"
    assert head_of(client, other.url).title.get_text() == "How we compare · Candor Test Co"
