"""Product pages as search engines read them: software sold as a product, with its
image, one offer per priced plan and its rating, in English and Japanese, checked
against the properties search engines document as required for software apps (name,
offers.price, offers.priceCurrency, a rating or review) and products (an image too)."""

import datetime
import re
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.urls import reverse

import pytest
from PIL import Image
from wagtail_factories import ImageFactory

from comparisons.models import ProductPage
from comparisons.structured_data import LOGO_SPEC
from tests.comparisons.factories import ProductFactory, ProductPageFactory, plan
from tests.comparisons.form_data import pricing, product_page_form
from tests.home.test_structured_data import graph_of, only, render, types, visible_text
from tests.home.translations import japanese
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

# What search engines document as required of a software application to show it with
# its rating and price: a name, an offer's price and currency, a rating or a review.
# The issue asks for an image too.
RATING = ("aggregateRating", "review")


def application(soup):
    return only(graph_of(soup), "SoftwareApplication")


def assert_rich_result(app):
    assert app["name"]
    assert any(app.get(key) for key in RATING)
    assert app["offers"]
    for offer in app["offers"]:
        assert offer["@type"] == "Offer"
        assert re.fullmatch(r"\d+(\.\d+)?", offer["price"])
        assert re.fullmatch(r"[A-Z]{3}", offer["priceCurrency"])
    image = app["image"]
    assert image["url"].startswith("http")
    assert image["width"] >= 112 and image["height"] >= 112


@pytest.fixture
def logo():
    return ImageFactory(title="Fernhill Desk logo", file__width=640, file__height=320)


@pytest.fixture
def price_list():
    return [
        plan("Free", 0, per="", period="", billing="up to 2 agents"),
        plan("Team", 19, billing="billed yearly"),
        plan("Business", "35.50", period="year", valid_until=datetime.date(2027, 3, 31)),
        plan("Enterprise", None, billing="for 50 agents or more"),
    ]


@pytest.fixture
def competitor():
    return ProductFactory(name="Tidewell Desk", vendor="Tidewell")


@pytest.fixture
def product_page(product_index, our_product, wall_page, logo, price_list):
    our_product.logo = logo
    our_product.operating_system = "Web, iOS, Android"
    our_product.save()
    TestimonialFactory(product=our_product, approved=True, rating=2)
    TestimonialFactory(product=our_product, approved=True, rating=5)
    return ProductPageFactory(
        parent=product_index,
        title="Fernhill Desk",
        slug="fernhill-desk",
        product=our_product,
        pricing=price_list,
        last_reviewed=datetime.date(2026, 11, 2),
    )


def test_a_product_page_is_software_sold_as_a_product_search_engines_can_show(
    client, product_page, our_product
):
    soup = render(client, product_page.url)
    app = application(soup)

    assert_rich_result(app)
    assert types(app) == ["SoftwareApplication", "Product"]
    assert app["brand"] == {"@type": "Brand", "name": our_product.vendor}
    assert app["applicationCategory"] == "BusinessApplication"
    assert app["operatingSystem"] == "Web, iOS, Android"
    assert app["aggregateRating"]["ratingCount"] == 2
    page_node = only(graph_of(soup), "WebPage")
    assert page_node["mainEntity"] == {"@id": app["@id"]}
    assert page_node["inLanguage"] == "en"
    # When someone last checked the page, its prices included.
    assert page_node["lastReviewed"] == "2026-11-02"


def test_each_priced_plan_is_an_offer_with_the_price_the_page_shows(client, product_page):
    soup = render(client, product_page.url)
    offers = {offer["name"]: offer for offer in application(soup)["offers"]}

    # The plan priced on request is left out, not given an invented price.
    assert list(offers) == ["Free", "Team", "Business"]
    shown = dict(
        zip(
            visible_text(soup, ".plan__name"),
            visible_text(soup, ".plan__price strong"),
            strict=True,
        )
    )
    assert shown == {
        "Free": "$0",
        "Team": "$19",
        "Business": "$35.50",
        "Enterprise": "Price on request",
    }
    assert [(o["price"], o["priceCurrency"]) for o in offers.values()] == [
        ("0.00", "USD"),
        ("19.00", "USD"),
        ("35.50", "USD"),
    ]
    for offer in offers.values():
        assert offer["url"] == product_page.full_url
        assert offer["seller"]["@id"].endswith("/#organization")


def test_the_unit_price_says_per_whom_and_per_what_period(client, product_page):
    offers = {o["name"]: o for o in application(render(client, product_page.url))["offers"]}

    team = offers["Team"]["priceSpecification"]
    assert team == {
        "@type": "UnitPriceSpecification",
        "price": "19.00",
        "priceCurrency": "USD",
        "unitText": "per agent / month",
        "referenceQuantity": {"@type": "QuantitativeValue", "value": 1, "unitText": "agent"},
        "unitCode": "MON",
        "priceComponentType": "https://schema.org/Subscription",
    }
    business = offers["Business"]
    assert business["priceSpecification"]["unitCode"] == "ANN"
    assert business["priceValidUntil"] == "2027-03-31"
    assert "priceValidUntil" not in offers["Team"]
    # A free plan costs 0, for nobody in particular.
    free = offers["Free"]["priceSpecification"]
    assert free["price"] == "0.00"
    assert "referenceQuantity" not in free and "unitCode" not in free


def test_the_visible_plans_say_what_the_offers_say(client, product_page):
    soup = render(client, product_page.url)

    plans = visible_text(soup, ".plan__price")
    assert plans[0] == "$0 up to 2 agents"
    assert plans[1] == "$19 per agent / month billed yearly"
    assert plans[2] == "$35.50 per agent / year"
    assert plans[3] == "Price on request for 50 agents or more"
    assert visible_text(soup, ".plan__valid") == ["This price holds until 31 March 2027."]


def test_the_image_is_the_logos_rendition_at_its_real_size(client, product_page, logo):
    image = application(render(client, product_page.url))["image"]

    rendition = logo.get_renditions(LOGO_SPEC)[LOGO_SPEC]
    assert image["url"] == f"http://localhost{rendition.url}"
    with default_storage.open(rendition.file.name) as file:
        assert Image.open(file).size == (image["width"], image["height"]) == (640, 320)
    # And readers see the same logo at the top of the page.
    soup = render(client, product_page.url)
    assert soup.select_one(".page-header__logo")["src"].startswith("/media/images/")


def test_a_product_without_prices_or_logo_still_describes_itself_without_offers(
    client, product_page, our_product
):
    our_product.logo = None
    our_product.save()
    product_page.pricing = [plan("Enterprise", None)]
    product_page.save_revision().publish()

    app = application(render(client, product_page.url))

    assert "offers" not in app and "image" not in app
    assert app["name"] == our_product.name
    assert app["aggregateRating"]["ratingCount"] == 2


def test_the_japanese_page_carries_the_same_data_in_japanese(
    client, product_page, product_index, home_page
):
    japanese(home_page)
    japanese(product_index)
    translation = japanese(product_page)
    translation.summary = "<p>メールで顧客対応をするチームのためのヘルプデスクです。</p>"
    translation.pricing = [
        plan("Team", 2800, currency="JPY", billing="年払い"),
        plan("Enterprise", None, billing="エージェント50名以上"),
    ]
    translation.save_revision().publish()

    soup = render(client, translation.url)
    app = application(soup)

    assert translation.url.startswith("/ja/")
    assert_rich_result(app)
    assert app["description"] == "メールで顧客対応をするチームのためのヘルプデスクです。"
    assert only(graph_of(soup), "WebPage")["inLanguage"] == "ja"
    (offer,) = app["offers"]
    assert (offer["price"], offer["priceCurrency"]) == ("2800", "JPY")
    assert offer["priceSpecification"]["unitText"] == "エージェント1名あたり／月"
    assert visible_text(soup, ".plan__price") == [
        "￥2,800 エージェント1名あたり／月 年払い",
        "価格はお問い合わせください エージェント50名以上",
    ]


def test_a_price_list_that_states_tax_says_so_to_readers_and_search_engines(
    client, product_page, product_index, home_page
):
    """Japanese readers expect 税込 or 税抜 next to a price; search engines read it as
    valueAddedTaxIncluded. A price list that does not say is not made to."""
    japanese(home_page)
    japanese(product_index)
    translation = japanese(product_page)
    translation.pricing = [
        plan("Team", 1980, currency="JPY", tax="included"),
        plan("Business", 3500, currency="JPY", tax="excluded"),
        plan("Scale", 5000, currency="JPY"),
    ]
    translation.save_revision().publish()

    soup = render(client, translation.url)

    assert visible_text(soup, ".plan__price")[:2] == [
        "￥1,980 エージェント1名あたり／月 (税込)",
        "￥3,500 エージェント1名あたり／月 (税抜)",
    ]
    assert soup.select(".plan__price")[2].select_one(".plan__tax") is None
    taxes = [
        offer["priceSpecification"].get("valueAddedTaxIncluded")
        for offer in application(soup)["offers"]
    ]
    assert taxes == [True, False, None]
    product_page.pricing = [plan("Team", 19, tax="included")]
    product_page.save_revision().publish()
    assert visible_text(render(client, product_page.url), ".plan__price") == [
        "$19 per agent / month (incl. tax)"
    ]


def test_a_logo_whose_file_is_missing_leaves_the_image_out_not_the_page(client, product_page, logo):
    logo.file.storage.delete(logo.file.name)

    response = client.get(product_page.url)

    assert response.status_code == 200
    soup = render(client, product_page.url)
    assert "image" not in application(soup)
    assert application(soup)["offers"]


def test_minus_zero_is_free_not_negative(client, product_page):
    product_page.pricing = [plan("Free", "-0", per="", period="")]
    product_page.save_revision().publish()

    soup = render(client, product_page.url)

    assert visible_text(soup, ".plan__price strong") == ["$0"]
    assert application(soup)["offers"][0]["price"] == "0.00"


def test_a_guarantee_date_that_has_passed_is_no_longer_claimed(client, product_page, frozen_clock):
    frozen_clock.move_to(datetime.datetime(2027, 4, 1, 12, tzinfo=datetime.UTC))

    soup = render(client, product_page.url)

    offers = {offer["name"]: offer for offer in application(soup)["offers"]}
    assert "priceValidUntil" not in offers["Business"]
    assert visible_text(soup, ".plan__valid") == []
    (problem,) = [p for p in product_page.rich_result_problems() if "guaranteed until" in p.message]
    assert problem.message.startswith("The price of “Business” was guaranteed until 31 March")


def test_the_price_formats_of_each_language():
    from comparisons.pricing import format_price

    assert format_price(Decimal("19"), "USD", "en") == "$19"
    assert format_price(Decimal("19.5"), "USD", "en") == "$19.50"
    assert format_price(Decimal("2800"), "JPY", "en") == "¥2,800"
    assert format_price(Decimal("2800"), "JPY", "ja") == "￥2,800"
    assert format_price(Decimal("35"), "EUR", "ja") == "€35"


def user_in(django_user_model, group):
    user = django_user_model.objects.create_user(username=group.lower(), password="unused")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def page_editor(django_user_model):
    """In Wagtail's "Editors" group: writes pages; moderators publish them."""
    return user_in(django_user_model, "Editors")


@pytest.fixture
def moderator(django_user_model):
    return user_in(django_user_model, "Moderators")


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["comparisons", "productpage", parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def rich_result_panel(client, page):
    html = client.get(edit_url(page)).content.decode()
    return html[html.index("data-rich-result-checks") :]


def test_editors_are_warned_of_what_search_results_miss_and_the_page_still_goes_live(
    client, page_editor, moderator, product_index, our_product, competitor
):
    form = product_page_form(
        our_product, [competitor], pricing=pricing(plan("Team", 19), plan("Enterprise", None))
    )
    client.force_login(page_editor)
    assert client.post(add_url(product_index), form).status_code == 302
    page = ProductPage.objects.get(slug="fernhill-desk")

    panel = rich_result_panel(client, page)
    assert "Search results" in panel
    assert "Fernhill Desk has no logo" in panel
    assert "“Enterprise” has no price, so search results leave it out" in panel
    assert 'href="#panel-child-content-pricing-section"' in panel

    # A warning, not a block: the moderator sees it too and publishes the page as it is.
    client.force_login(moderator)
    assert "Fernhill Desk has no logo" in rich_result_panel(client, page)
    response = client.post(edit_url(page), {**form, "action-publish": "publish"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_a_page_with_everything_search_results_need_has_no_warning(
    client, page_editor, product_page
):
    product_page.pricing = [plan("Free", 0), plan("Team", 19)]
    product_page.save_revision()
    client.force_login(page_editor)
    panel = rich_result_panel(client, product_page)

    assert "Search engines have what they need" in panel
    assert "data-rich-result-problem" not in panel


def test_a_yen_price_with_decimals_is_refused_and_nothing_is_stored(
    client, page_editor, product_index, our_product, competitor
):
    client.force_login(page_editor)
    plans = pricing(plan("Team", "2800.50", currency="JPY"))
    form = product_page_form(our_product, [competitor], slug="yen", pricing=plans)

    response = client.post(add_url(product_index), {**form, "action-publish": "publish"})

    assert response.status_code == 200
    assert "JPY prices have 0 decimals at most." in response.content.decode()
    assert not ProductPage.objects.filter(slug="yen").exists()
