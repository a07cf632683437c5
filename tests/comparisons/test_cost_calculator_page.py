"""The cost calculator a prospect uses on a comparison page: a GET form that works
without JavaScript, a results table priced from dated facts, clear messages for
impossible input, the same figures as JSON, and a page cache no situation can fill."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext, ngettext, override

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from comparisons.demo.japanese_catalogue import translate_object
from comparisons.models import ComparedCriterion, ComparedProduct, Criterion, Fact
from tests.comparisons.factories import (
    ComparisonPageFactory,
    CriterionFactory,
    FactFactory,
    ProductFactory,
)
from tests.home.translations import japanese
from tests.page_cache import stored_pages
from tests.query_counts import queries_to_render

pytestmark = pytest.mark.django_db


def price_criterion(name, role, unit):
    return CriterionFactory(
        name=name,
        group="Pricing",
        kind=Criterion.Kind.NUMBER,
        direction=Criterion.Direction.LOWER,
        unit=unit,
        pricing_role=role,
    )


def price(product, criterion, amount, **fields):
    return FactFactory(
        product=product,
        criterion=criterion,
        support="",
        number=Decimal(amount),
        source_url=f"https://{product.pk}.example/pricing",
        **fields,
    )


@pytest.fixture
def calculator(comparison_index, site_settings, today):
    """Our Fernhill Desk (19 a seat, at least 3 seats, chat a paid add-on), Tidewell
    Desk (29 a seat, billed yearly only, a stale price) and Quillory (no published
    price), compared on live chat and phone."""
    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    tidewell = ProductFactory(name="Tidewell Desk")
    quillory = ProductFactory(name="Quillory")
    monthly = price_criterion(
        "Price per seat, billed monthly", "seat_monthly", "USD / seat / month"
    )
    yearly = price_criterion("Price per seat, billed yearly", "seat_yearly", "USD / seat / month")
    minimum = price_criterion("Minimum seats", "", "seats")
    minimum.pricing_role = "minimum_seats"
    minimum.save()
    billing = CriterionFactory(
        name="Monthly billing", group="Pricing", pricing_role="monthly_billing"
    )
    chat = CriterionFactory(name="Live chat", group="Channels")
    phone = CriterionFactory(name="Phone channel", group="Channels")
    price(ours, monthly, 19)
    price(ours, yearly, 16)
    price(ours, minimum, 3)
    FactFactory(product=ours, criterion=billing, support="yes")
    FactFactory(product=ours, criterion=chat, availability="paid_addon", addon_price=Decimal(10))
    FactFactory(product=ours, criterion=phone, support="no")
    price(tidewell, yearly, 29, verified_on=today - datetime.timedelta(days=400))
    FactFactory(product=tidewell, criterion=billing, support="no")
    FactFactory(product=tidewell, criterion=chat, support="yes")
    FactFactory(product=tidewell, criterion=phone, support="yes")
    FactFactory(product=quillory, criterion=chat, support="yes")
    FactFactory(product=quillory, criterion=phone, support="partial")
    page = ComparisonPageFactory(
        parent=comparison_index,
        title="Helpdesks compared",
        compared_products=[ComparedProduct(product=p) for p in (ours, tidewell, quillory)],
        compared_criteria=[ComparedCriterion(criterion=c) for c in (billing, chat, phone)],
    )
    page.save_revision().publish()
    page.chat, page.phone = chat, phone
    return page


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def results(soup):
    """Each product's row of the results table, as its words."""
    return {
        row.th.get_text(" ", strip=True).split(" All plans")[0]: row.get_text(" ", strip=True)
        for row in soup.select("table.costs tbody tr")
    }


def test_the_form_is_a_labelled_get_form_that_works_without_javascript(client, calculator):
    soup = soup_of(client, calculator.url)
    form = soup.select_one("#cost form")

    assert form["method"] == "get"
    assert soup.select_one("#cost h2").get_text() == "What it would cost you"
    assert soup.select_one(f"label[for={form.select_one('[name=seats]')['id']}]")
    legends = [legend.get_text(strip=True) for legend in form.select("fieldset legend")]
    assert legends == ["Billing", "Features you need"]
    # Its features are the page's yes/no rows, not monthly billing, which is a price.
    features = [label.get_text(strip=True) for label in form.select("fieldset")[1].select("label")]
    assert features == ["Live chat", "Phone channel"]
    assert not soup.select("table.costs")
    assert soup.select_one('script[src$="cost-calculator.js"]')
    assert soup.select_one("#cost-status")["aria-live"] == "polite"


def test_the_form_keeps_the_situation_asked(client, calculator):
    chat = calculator.chat.pk
    form = soup_of(client, f"{calculator.url}?seats=4&billing=yearly&features={chat}").select_one(
        "#cost form"
    )

    inputs = form.select("input[type=radio], input[type=checkbox]")
    asked = {(field["name"], field["value"]): field.has_attr("checked") for field in inputs}
    assert asked == {
        ("billing", "monthly"): False,
        ("billing", "yearly"): True,
        ("features", str(chat)): True,
        ("features", str(calculator.phone.pk)): False,
    }
    # Each input inside its own label, with an id of its own.
    assert [field.parent.name for field in inputs] == ["label"] * 4
    assert len({field["id"] for field in inputs}) == 4
    assert form.select_one("[name=seats]")["value"] == "4"


def test_a_situation_prices_every_product_on_the_same_assumptions(client, calculator):
    soup = soup_of(client, calculator.url + "?seats=1&billing=monthly")
    table = soup.select_one("table.costs")
    rows = results(soup)

    assert table.caption.get_text(" ", strip=True).startswith(
        "What each product would cost for 1 seat, billed monthly"
    )
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 5
    # Ours: the minimum of 3 seats at $19. Tidewell: annual only, $29 billed yearly.
    assert "$57 $684" in rows["Fernhill Desk"]
    assert "Charged for a minimum of 3 seats." in rows["Fernhill Desk"]
    assert "3 seats at $19 a month" in rows["Fernhill Desk"]
    assert "$29 $348" in rows["Tidewell Desk"]
    assert "Billed yearly only" in rows["Tidewell Desk"]
    assert "Not computed" in rows["Quillory"]
    assert "No published price for this plan" in rows["Quillory"]


def test_a_competitor_cheaper_than_ours_is_shown_as_cheapest(client, calculator):
    rows = results(soup_of(client, calculator.url + "?seats=1"))

    assert "Cheapest on these assumptions" in rows["Tidewell Desk"]
    assert "Cheapest on these assumptions" not in rows["Fernhill Desk"]


def test_needed_features_add_addons_and_say_what_is_missing(client, calculator):
    chat, phone = calculator.chat.pk, calculator.phone.pk
    rows = results(soup_of(client, f"{calculator.url}?seats=10&features={chat}&features={phone}"))

    assert "Live chat: paid add-on, $100 a month" in rows["Fernhill Desk"]
    assert "Live chat: ✓ Yes Paid add-on ($10 a seat a month)" in rows["Fernhill Desk"]
    assert "Doesn't offer Phone channel" in rows["Fernhill Desk"]
    assert "Not computed" in rows["Fernhill Desk"]
    assert "Phone channel: included, partial" in rows["Quillory"]


def test_each_price_shows_its_source_date_and_staleness(client, calculator):
    tidewell_price = Fact.objects.get(criterion__name="Price per seat, billed yearly", number=29)
    Fact.objects.filter(pk=tidewell_price.pk).update(source_flag="changed")
    soup = soup_of(client, calculator.url + "?seats=5&billing=yearly")
    tidewell = soup.select("table.costs tbody tr")[1]

    link = tidewell.select_one(".cost-prices .evidence a")
    assert (
        link["href"]
        == f"https://{calculator.compared_products.all()[1].product.pk}.example/pricing"
    )
    assert tidewell.select_one(".evidence time")["datetime"]
    assert "Stale: last checked 400 days ago" in tidewell.get_text()
    assert "Source changed since verified" in tidewell.get_text()
    assert "Source changed" not in soup.select("table.costs tbody tr")[0].get_text()


@pytest.mark.parametrize("seats", ["0", "-3", "100001", "1000000000", "ten", "2.5", ""])
def test_impossible_seats_get_a_clear_message_tied_to_the_field(client, calculator, seats):
    soup = soup_of(client, f"{calculator.url}?seats={seats}")
    field = soup.select_one("#cost [name=seats]")

    message = soup.select_one(f"#{field['aria-describedby']}")
    assert message.get_text() == "Enter a whole number of seats from 1 to 100,000, e.g. 10."
    assert not soup.select("table.costs")


def test_the_largest_team_is_priced(client, calculator):
    rows = results(soup_of(client, calculator.url + "?seats=100000"))

    assert "$1,900,000 $22,800,000" in rows["Fernhill Desk"]


def test_full_width_digits_are_read_as_seats(client, calculator):
    rows = results(soup_of(client, calculator.url + "?seats=５"))

    assert "$95" in rows["Fernhill Desk"]


def test_the_json_route_gives_the_same_computation_for_tools(client, calculator):
    ours = calculator.compared_products.all()[0].product
    response = client.get(
        calculator.url
        + calculator.reverse_subpage("cost")
        + f"?seats=1&features={calculator.chat.pk}"
    )

    assert response.status_code == 200
    data = response.json()
    assert data["situation"] == {"seats": 1, "billing": "monthly", "features": [calculator.chat.pk]}
    fernhill, tidewell, quillory = data["products"]
    assert fernhill["product"] == ours.pk
    assert (fernhill["currency"], fernhill["monthly"], fernhill["yearly"]) == (
        "USD",
        "87.00",
        "1044.00",
    )
    assert fernhill["minimum_seats"] == 3 and fernhill["charged_seats"] == 3
    assert tidewell["billed_yearly_only"] and tidewell["is_cheapest"]
    assert quillory["monthly"] is None and quillory["reasons"] == ["no_price"]
    [seat_price, *_rest] = [p for p in fernhill["prices"] if p["role"] == "seat_monthly"]
    assert seat_price["value"] == "19.00"
    assert seat_price["source_url"] == f"https://{ours.pk}.example/pricing"
    assert seat_price["verified_on"]


@pytest.mark.parametrize(
    "query", ["?seats=0", "?seats=ten", "?seats=", "?features=3", "?seats=2&billing=weekly"]
)
def test_the_json_route_answers_bad_input_with_400_and_field_errors(client, calculator, query):
    response = client.get(calculator.url + calculator.reverse_subpage("cost") + query)

    assert response.status_code == 400
    assert response.json()["errors"]


def test_the_json_route_without_a_situation_lists_what_it_may_ask(client, calculator):
    response = client.get(calculator.url + calculator.reverse_subpage("cost"))

    assert response.status_code == 200
    assert response.json()["parameters"] == {
        "seats": {"min": 1, "max": 100_000},
        "billing": ["monthly", "yearly"],
        "features": [
            {"id": calculator.chat.pk, "name": "Live chat"},
            {"id": calculator.phone.pk, "name": "Phone channel"},
        ],
    }


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_a_situation_is_answered_but_never_fills_the_page_cache(client, calculator, page_cache_on):
    """Readers can ask 100,000 seat counts × 2 billings × every set of features, and the
    script asks again as they type: one page each would crowd out every other page."""
    chat, phone = calculator.chat.pk, calculator.phone.pk
    client.get(calculator.url)
    assert stored_pages() == 1  # the comparison itself

    for seats in range(1, 30):
        response = client.get(f"{calculator.url}?seats={seats}&features={chat}&features={phone}")
        assert response.status_code == 200
    assert "Live chat: paid add-on, $290 a month" in response.content.decode()  # 29 × $10
    assert stored_pages() == 1
    assert client.get(calculator.url)["X-Cache"] == "hit"


@pytest.mark.parametrize(
    "asked",
    ["seats=0", "seats=010", "seats=ten", "seats=2&billing=weekly", "seats=2&features=999999"],
)
def test_a_made_up_situation_is_answered_but_not_stored(client, calculator, page_cache_on, asked):
    assert client.get(f"{calculator.url}?{asked}").status_code == 200

    assert stored_pages() == 0


def test_the_japanese_page_prices_in_japanese(client, calculator, home_page):
    ja = Locale.objects.get_or_create(language_code="ja")[0]
    japanese(home_page)
    japanese(calculator.get_parent())
    translation = japanese(calculator)
    translate_object(calculator.chat, ja, {"Live chat": "ライブチャット"})
    minimum = Criterion.objects.get(name="Minimum seats")
    translate_object(minimum, ja, {"Minimum seats": "最低席数", "seats": "席"})
    # A price's unit in Japanese words: the price is still read from the source's unit.
    seat = Criterion.objects.get(name="Price per seat, billed monthly")
    translate_object(seat, ja, {seat.name: "1席あたりの料金(月払い)", seat.unit: "米ドル/席/月"})

    soup = soup_of(client, f"{translation.url}?seats=1&features={calculator.chat.pk}")
    with override("ja"):
        heading, minimum, minimum_note = (
            gettext("What it would cost you"),
            ngettext("%(count)s seat", "%(count)s seats", 3) % {"count": 3},
            ngettext(
                "Charged for a minimum of %(minimum)s seat.",
                "Charged for a minimum of %(minimum)s seats.",
                3,
            )
            % {"minimum": 3},
        )

    assert soup.select_one("#cost h2").get_text() == heading
    features = soup.select_one("#cost fieldset:nth-of-type(2)")
    assert "ライブチャット" in features.get_text()
    # A feature not translated yet is named in English, and marked so.
    assert features.select_one('label [lang="en"]').get_text() == "Phone channel"
    fernhill = soup.select_one("table.costs tbody tr").get_text(" ", strip=True)
    assert minimum_note in fernhill
    assert f"最低席数: {minimum}" in fernhill
    assert "$87" in fernhill
    assert "1席あたりの料金(月払い): 19 米ドル/席/月" in fernhill
    # The priced rows keep the English source's untranslated words marked as English.
    assert soup.select_one('table.costs [lang="en"]')
    # A price's evidence link names its product and price to screen readers, with
    # Japanese punctuation.
    hidden = [span.get_text() for span in soup.select("table.costs .visually-hidden")]
    assert any("Fernhill Desk、1席あたりの料金(月払い)" in text for text in hidden), hidden
    assert not any("Fernhill Desk, " in text for text in hidden), hidden


def features_of(page):
    """Every yes/no row of ``page``, asked as needed."""
    rows = page.compared_criteria.filter(criterion__kind=Criterion.Kind.SUPPORT)
    return "&".join(f"features={row.criterion_id}" for row in rows)


def test_queries_do_not_grow_with_the_comparison(client, site_settings, comparison_grid):
    small = comparison_grid(product_count=2, criterion_count=4)
    large = comparison_grid(product_count=6, criterion_count=24)
    seat = price_criterion("Price per seat, billed monthly", "seat_monthly", "USD / seat / month")
    for page in (small, large):
        for item in page.compared_products.all():
            price(item.product, seat, 10)

    small_count = queries_to_render(client, f"{small.url}?seats=3&{features_of(small)}")
    large_count = queries_to_render(client, f"{large.url}?seats=3&{features_of(large)}")

    assert large_count == small_count
    assert client.get(f"{large.url}?seats=3").content.decode().count("$30") == 6
