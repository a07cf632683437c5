"""A prospect on a phone reaches "Not suitable for", far down a long product page, in one
tap from the "On this page" list near its top, in English and in Japanese; and reads the
price list on a phone and a laptop: the logo loads, every plan shows its price or says it
is priced on request, nothing runs off the screen, and what search engines read is what
the reader sees."""

import json
from urllib.parse import urlparse

import pytest

from comparisons.models import ProductPage
from tests.browser.conftest import ARTIFACTS

# demo_site (tests/browser/conftest.py) serves the demo content, loaded once per module.
pytestmark = pytest.mark.browser

PHONE, LAPTOP = 375, 1280


def product_page_url(language):
    return ProductPage.objects.live().get(slug="fernhill-desk", locale__language_code=language).url


def in_viewport(page, selector):
    """Whether the element's top edge is on the screen."""
    return page.locator(selector).evaluate(
        "el => { const box = el.getBoundingClientRect();"
        " return box.top >= 0 && box.top < window.innerHeight; }"
    )


@pytest.fixture
def open_on_phone(open_page):
    """A URL on a touch screen 375 px wide, as a prospect's phone shows it."""
    return lambda url: open_page(url, PHONE, 812, has_touch=True, is_mobile=True)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_one_tap_on_a_phone_brings_not_suitable_for_into_view(
    demo_site, open_on_phone, screenshot, language
):
    page = open_on_phone(demo_site + product_page_url(language))
    nav = page.locator("nav.on-this-page")
    link = nav.locator('a[href="#not-suitable-for"]')

    assert nav.bounding_box()["y"] < 812, "the list is on the first screen"
    assert nav.bounding_box()["height"] < 160, "compact on a phone"
    assert not in_viewport(page, "#not-suitable-for"), "the section starts below the fold"
    box = nav.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE, "no sideways scrolling"
    screenshot(page, f"product-page-{language}-{PHONE}")

    link.tap()
    page.wait_for_function("location.hash === '#not-suitable-for'")

    assert in_viewport(page, "#not-suitable-for")
    page.screenshot(path=str(ARTIFACTS / f"product-page-{language}-{PHONE}-after-tap.png"))


@pytest.mark.parametrize("language", ["en", "ja"])
def test_on_a_laptop_the_list_is_one_line_under_the_title(
    demo_site, open_page, screenshot, language
):
    page = open_page(demo_site + product_page_url(language), width=LAPTOP)
    links = page.locator("nav.on-this-page a")

    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert links.count() >= 4
    assert len(tops) == 1, "one line"
    screenshot(page, f"product-page-{language}-{LAPTOP}")


def test_one_tap_from_the_product_page_to_its_critical_reviews(
    demo_site, open_on_phone, open_page, screenshot
):
    page = open_on_phone(demo_site + product_page_url("en"))
    link = page.locator("a.critical-reviews__link")
    number = int(link.inner_text().rsplit("(", 1)[1].rstrip(")"))

    link.tap()
    page.wait_for_url("**order=critical**")

    ratings = [
        int(text.split()[1])
        for text in page.locator(".testimonial .rating__text").all_inner_texts()
    ]
    assert page.get_by_label("Rating").input_value() == "1-3"
    assert page.get_by_label("Order").input_value() == "critical"
    assert len(ratings) == number
    assert ratings == sorted(ratings) and max(ratings) <= 3
    screenshot(page, f"critical-reviews-{PHONE}")
    screenshot(open_page(page.url, width=LAPTOP), f"critical-reviews-{LAPTOP}")


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
