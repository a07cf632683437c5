"""What a browser walkthrough of the cost calculator found: every "Evidence" link opens,
the Japanese page shows Japanese notes, pricing details are not offered as features,
notes never contradict "Not computed", the features' facts are checked like prices, and
counts and units read as the vendor's own words."""

import datetime
from decimal import Decimal

from django.utils.translation import ngettext, override

from wagtail.models import Locale

import pytest

from comparisons.demo.japanese_catalogue import translate_object
from comparisons.models import ComparedCriterion, Criterion, Fact
from tests.comparisons import test_cost_calculator_page as calculator_page
from tests.comparisons.factories import CriterionFactory, FactFactory
from tests.comparisons.test_cost_calculator_page import price_criterion, results, soup_of
from tests.home.translations import japanese

pytestmark = pytest.mark.django_db

calculator = calculator_page.calculator  # the fixture


def japanese_calculator(calculator, home_page):
    japanese(home_page)
    japanese(calculator.get_parent())
    return japanese(calculator)


def evidence_links(soup):
    return [link["href"] for link in soup.select("table.costs .evidence__archive")]


@pytest.mark.parametrize("billing", ["monthly", "yearly"])
def test_every_evidence_link_in_the_results_opens(client, calculator, home_page, billing):
    chat, phone = calculator.chat.pk, calculator.phone.pk
    query = f"?seats=5&billing={billing}&features={chat}&features={phone}"
    translation = japanese_calculator(calculator, home_page)

    for page in (calculator, translation):
        links = evidence_links(soup_of(client, page.url + query))
        # Fernhill: price, minimum, billing, chat add-on, phone; Tidewell: price,
        # billing, chat, phone; Quillory: chat, phone.
        assert len(links) >= 9
        for link in links:
            assert link.startswith(f"{page.url}evidence/")
            assert "//" not in link.removeprefix("http://").removeprefix("https://")
            assert client.get(link).status_code == 200, link


def test_a_prices_evidence_page_leads_back_to_the_calculator(client, calculator):
    soup = soup_of(client, f"{calculator.url}?seats=5")
    fernhill = soup.select_one("table.costs tbody tr")
    price = next(
        item for item in fernhill.select(".cost-prices > li") if "billed monthly" in item.text
    )
    evidence = soup_of(client, price.select_one(".evidence__archive")["href"])

    back = evidence.find("a", string=lambda text: text and text.startswith("Back to this value"))
    assert back["href"] == f"{calculator.url}#cost"


def test_the_japanese_page_shows_the_japanese_notes_of_facts(client, calculator, home_page):
    ja = Locale.objects.get_or_create(language_code="ja")[0]
    minimum = Fact.objects.get(criterion__name="Minimum seats")
    minimum.note = "Business plan from 3 agents"
    minimum.save()
    # Facts are translated with their product, as an editor does.
    translate_object(
        minimum.product, ja, {"Business plan from 3 agents": "ビジネスプランは3エージェントから"}
    )
    translation = japanese_calculator(calculator, home_page)

    fernhill = soup_of(client, f"{translation.url}?seats=1").select_one("table.costs tbody tr")

    assert "ビジネスプランは3エージェントから" in fernhill.get_text()
    assert "Business plan from 3 agents" not in fernhill.get_text()


def test_a_pricing_detail_is_not_offered_as_a_feature(client, calculator):
    free_plan = CriterionFactory(name="Free plan", group="Pricing", pricing_role="pricing_info")
    calculator.compared_criteria.add(ComparedCriterion(criterion=free_plan))
    calculator.save_revision().publish()
    soup = soup_of(client, calculator.url)

    features = [label.get_text(strip=True) for label in soup.select("#cost fieldset")[1]("label")]
    assert features == ["Live chat", "Phone channel"]


def test_a_pricing_detail_role_takes_any_kind():
    for kind in Criterion.Kind.values:
        criterion = Criterion(name="Free plan", group="Pricing", kind=kind)
        criterion.pricing_role = "pricing_info"
        criterion.full_clean(exclude=["translation_key", "locale"])


def test_billed_yearly_only_is_said_only_of_a_computed_cost(client, calculator):
    Fact.objects.filter(product__name="Tidewell Desk", criterion=calculator.phone).update(
        support="no"
    )
    rows = results(soup_of(client, f"{calculator.url}?seats=5&features={calculator.phone.pk}"))

    assert "Not computed" in rows["Tidewell Desk"]
    assert "Billed yearly only" not in rows["Tidewell Desk"]


def test_a_needed_features_fact_is_listed_with_its_source_date_and_warnings(
    client, calculator, today
):
    Fact.objects.filter(product__name="Tidewell Desk", criterion=calculator.chat).update(
        source_flag="changed", verified_on=today - datetime.timedelta(days=500)
    )
    soup = soup_of(client, f"{calculator.url}?seats=5&features={calculator.chat.pk}")
    tidewell = soup.select("table.costs tbody tr")[1]
    chat = next(item for item in tidewell.select(".cost-prices > li") if "Live chat" in item.text)

    assert chat.select_one(".evidence a")["href"].endswith(".example/chat") or chat.select_one(
        ".evidence time"
    )
    assert "Stale: last checked 500 days ago" in chat.get_text()
    assert "Source changed since verified" in chat.get_text()


def test_counts_read_in_the_singular_and_plural(client, calculator):
    Fact.objects.filter(criterion__name="Minimum seats").update(number=Decimal(1))
    rows = results(soup_of(client, f"{calculator.url}?seats=1"))

    assert "Minimum seats: 1 seat " in rows["Fernhill Desk"] + " "
    assert "1 seat at $19 a month" in rows["Fernhill Desk"]


def test_the_japanese_minimum_is_a_count(client, calculator, home_page):
    ja = Locale.objects.get_or_create(language_code="ja")[0]
    minimum = Criterion.objects.get(name="Minimum seats")
    translate_object(minimum, ja, {"Minimum seats": "最低席数", "seats": "席数"})
    translation = japanese_calculator(calculator, home_page)
    fernhill = soup_of(client, f"{translation.url}?seats=1").select_one("table.costs tbody tr")
    with override("ja"):
        three = ngettext("%(count)s seat", "%(count)s seats", 3) % {"count": 3}

    assert f"最低席数: {three}" in fernhill.get_text(" ", strip=True)


def test_seats_are_counted_in_the_price_units_own_words(client, calculator, today):
    agent = price_criterion(
        "Price per agent, billed monthly", "seat_monthly", "USD / agent / month"
    )
    Fact.objects.filter(criterion__name="Price per seat, billed monthly").delete()
    FactFactory(
        product=calculator.compared_products.first().product,
        criterion=agent,
        support="",
        number=Decimal(19),
    )
    rows = results(soup_of(client, f"{calculator.url}?seats=4"))

    assert "4 agents at $19 a month" in rows["Fernhill Desk"]
    assert "seats at" not in rows["Fernhill Desk"]


def test_the_results_announce_one_line_not_the_table(client, calculator):
    soup = soup_of(client, f"{calculator.url}?seats=12&billing=yearly")

    assert soup.select_one("#cost-status")["aria-live"] == "polite"
    assert not soup.select_one("#cost-results").has_attr("aria-live")
    summary = soup.select_one("#cost-results [data-cost-summary]").get_text()
    assert summary == "Costs updated for 12 seats, billed yearly"


def test_narrow_screens_keep_each_values_column_name(client, calculator):
    soup = soup_of(client, f"{calculator.url}?seats=1")
    tidewell = soup.select("table.costs tbody tr")[1]

    assert [td["data-label"] for td in tidewell("td")] == [
        "Per month",
        "Per year",
        "How it is counted",
        "Prices and facts used",
    ]
