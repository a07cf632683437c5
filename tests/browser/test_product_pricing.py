"""A prospect reads a product's price list on a phone and on a laptop, in English and
Japanese: the logo loads, every plan shows its price or says it is priced on request,
nothing runs off the screen, and what search engines read is what the reader sees."""

import json
from urllib.parse import urlparse

import pytest

from tests.browser.test_product_page_navigation import LAPTOP, PHONE, product_page_url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_the_price_list_reads_the_same_to_people_and_search_engines(
    demo_site, open_page, screenshot, language, width
):
    page = open_page(demo_site + product_page_url(language), width=width)

    logo = page.locator(".page-header__logo")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0"), "the logo loads"
    plans = page.locator(".plans .plan")
    names = plans.locator(".plan__name").all_inner_texts()
    prices = plans.locator(".plan__price strong").all_inner_texts()
    assert len(names) == len(prices) == 4
    assert prices[1] == "$19"
    assert prices[3] == {"en": "Price on request", "ja": "価格はお問い合わせください"}[language]
    for index in range(plans.count()):
        box = plans.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, "no sideways scrolling"

    graph = json.loads(page.locator('script[type="application/ld+json"]').inner_text())
    (product,) = [n for n in graph["@graph"] if "SoftwareApplication" in n["@type"]]
    priced = [name for name, price in zip(names, prices, strict=True) if "$" in price]
    assert [offer["name"] for offer in product["offers"]] == priced
    # The same logo, at the size search engines fetch, served at the address given.
    image = product["image"]
    shown = logo.get_attribute("src").rsplit("/", 1)[1].split(".")[0]
    assert image["url"].rsplit("/", 1)[1].split(".")[0] == shown
    response = page.request.get(demo_site + urlparse(image["url"]).path)
    assert response.ok and response.headers["content-type"] == "image/png"
    page.locator("#pricing").scroll_into_view_if_needed()
    screenshot(page, f"product-pricing-{language}-{width}")
