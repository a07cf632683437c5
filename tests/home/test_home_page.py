from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests.comparisons.factories import ProductPageFactory
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_states_the_promise_and_leads_to_products_and_comparisons(
    client, home_page, site_settings, product_index, comparison_grid
):
    home_page.honesty_promise = "We tell you who our products are not for."
    home_page.save_revision().publish()
    product = ProductPageFactory(parent=product_index, title="Fernhill Desk")
    comparison = comparison_grid(product_count=3, criterion_count=2)

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    assert (
        soup.select_one(".hero__promise").get_text() == "We tell you who our products are not for."
    )
    links = {a["href"] for a in soup.select("main a")}
    assert {product_index.url, product.url, comparison.url, comparison.get_parent().url} <= links


def test_every_page_has_a_skip_link_and_a_single_main(client, home_page, site_settings):
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    skip = soup.select_one("a.skip-link")
    assert skip["href"] == "#main"
    assert len(soup.select("main#main")) == 1
    assert soup.html["lang"] == "en"


def menu(client, url="/"):
    return [
        a.get_text()
        for a in BeautifulSoup(client.get(url).content, "html.parser").select(".main-menu a")
    ]


def test_the_cached_menu_follows_publishing(client, home_page, site_settings):
    page = StandardPageFactory(parent=home_page, title="How we compare", show_in_menus=True)
    assert menu(client) == ["How we compare"]

    page.title = "Our methods"
    page.save_revision().publish()
    assert menu(client) == ["Our methods"]

    page.unpublish()
    assert menu(client) == []


def test_the_cached_menu_follows_privacy_moves_deletion_and_leaving_the_menu(
    client, home_page, site_settings
):
    methods = StandardPageFactory(parent=home_page, title="How we compare", show_in_menus=True)
    policies = StandardPageFactory(parent=home_page, title="Policies", show_in_menus=True)
    assert menu(client) == ["How we compare", "Policies"]

    restriction = PageViewRestriction.objects.create(
        page=methods, restriction_type=PageViewRestriction.LOGIN
    )
    assert menu(client) == ["Policies"]
    restriction.delete()
    assert menu(client) == ["How we compare", "Policies"]

    methods.move(policies, pos="last-child")
    assert menu(client) == ["Policies"]

    policies.show_in_menus = False
    policies.save_revision().publish()
    assert menu(client) == []

    policies.show_in_menus = True
    policies.save_revision().publish()
    assert menu(client) == ["Policies"]
    policies.delete()
    assert menu(client) == []
