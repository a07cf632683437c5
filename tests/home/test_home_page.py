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


def test_the_cached_menu_follows_publishing(client, home_page, site_settings):
    def menu():
        return [
            a.get_text()
            for a in BeautifulSoup(client.get("/").content, "html.parser").select(".main-menu a")
        ]

    page = StandardPageFactory(parent=home_page, title="How we compare", show_in_menus=True)
    assert menu() == ["How we compare"]

    page.title = "Our methods"
    page.save_revision().publish()
    assert menu() == ["Our methods"]

    page.unpublish()
    assert menu() == []
