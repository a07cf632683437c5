"""The cost calculator's arithmetic: every product priced on the reader's assumptions from
its dated price facts, or told apart with the reason it can't be priced."""

import datetime
from decimal import Decimal
from itertools import count

from django.template.loader import render_to_string

import pytest

from comparisons.costs import (
    MONTHLY,
    YEARLY,
    Need,
    Reason,
    Situation,
    build_costs,
)
from comparisons.models import Criterion, Fact, Product
from comparisons.table import ALL_PLANS, Column

TODAY = datetime.date(2026, 11, 20)
ids = count(1)


def criterion(role, unit="", kind=Criterion.Kind.NUMBER, name=""):
    return Criterion(
        pk=next(ids), name=name or role, kind=kind, unit=unit, pricing_role=role, group="Pricing"
    )


SEAT_MONTHLY = criterion("seat_monthly", "USD / seat / month")
SEAT_YEARLY = criterion("seat_yearly", "USD / seat / month")
BASE_FEE = criterion("base_fee", "USD / month")
MINIMUM = criterion("minimum_seats", "seats")
BILLING = criterion("monthly_billing", kind=Criterion.Kind.SUPPORT)
EUR_SEAT_MONTHLY = criterion("seat_monthly", "EUR / seat / month")
SEAT_PER_YEAR = criterion("seat_yearly", "USD / seat / year")
PRICES = [SEAT_MONTHLY, SEAT_YEARLY, SEAT_PER_YEAR, EUR_SEAT_MONTHLY, BASE_FEE, MINIMUM, BILLING]
SSO = criterion("", kind=Criterion.Kind.SUPPORT, name="SAML single sign-on")
CHAT = criterion("", kind=Criterion.Kind.SUPPORT, name="Live chat")


def product(name, is_ours=False):
    return Product(pk=next(ids), name=name, is_ours=is_ours)


def fact(of, about, value, plan=ALL_PLANS, age=10, **fields):
    if about.kind == Criterion.Kind.SUPPORT:
        fields["support"] = value
    else:
        fields["number"] = Decimal(value)
    return Fact(
        product=of,
        criterion=about,
        plan=plan,
        source_url=f"https://{of.pk}.example/pricing",
        verified_on=TODAY - datetime.timedelta(days=age),
        **fields,
    )


def costs(facts, seats=10, billing=MONTHLY, features=(), columns=None):
    products = list(dict.fromkeys(f.product for f in facts))
    columns = columns or [Column(p, ALL_PLANS) for p in products]
    situation = Situation(seats=seats, billing=billing, features=list(features))
    return build_costs(columns, situation, facts, PRICES, 180, TODAY)


OURS = product("Fernhill Desk", is_ours=True)
RIVAL = product("Tidewell Desk")
THIRD = product("Quillory")


def test_seats_times_the_monthly_price_per_seat():
    [cost] = costs([fact(OURS, SEAT_MONTHLY, "19.50")], seats=7)

    assert cost.monthly == Decimal("136.50")
    assert cost.yearly == Decimal("1638.00")
    assert [price.fact.criterion for price in cost.prices] == [SEAT_MONTHLY]


def test_yearly_billing_uses_the_yearly_price_and_a_price_per_year_is_spread_over_months():
    facts = [
        fact(OURS, SEAT_MONTHLY, 23),
        fact(OURS, SEAT_YEARLY, 19),
        fact(RIVAL, SEAT_PER_YEAR, 180),
    ]

    ours, rival = costs(facts, seats=3, billing=YEARLY)

    assert (ours.monthly, ours.yearly) == (Decimal("57.00"), Decimal("684.00"))
    assert (rival.monthly, rival.yearly) == (Decimal("45.00"), Decimal("540.00"))


def test_a_minimum_is_charged_and_said():
    [cost] = costs([fact(OURS, SEAT_MONTHLY, 10), fact(OURS, MINIMUM, 5)], seats=2)

    assert cost.monthly == Decimal("50.00")
    assert (cost.charged_seats, cost.minimum_seats, cost.raised_to_minimum) == (5, 5, True)


def test_above_the_minimum_the_seats_asked_are_charged():
    [cost] = costs([fact(OURS, SEAT_MONTHLY, 10), fact(OURS, MINIMUM, 5)], seats=8)

    assert cost.monthly == Decimal("80.00") and not cost.raised_to_minimum


def test_the_account_fee_is_added_once():
    [cost] = costs([fact(OURS, SEAT_MONTHLY, 10), fact(OURS, BASE_FEE, 49)], seats=3)

    assert cost.monthly == Decimal("79.00")
    assert cost.yearly == Decimal("948.00")
    assert (cost.seat_per_month, cost.fee_per_month) == (Decimal("10.00"), Decimal("49.00"))


def test_an_annual_only_plan_asked_monthly_is_priced_billed_yearly_and_says_so():
    facts = [
        fact(RIVAL, SEAT_MONTHLY, 59),
        fact(RIVAL, SEAT_YEARLY, 49),
        fact(RIVAL, BILLING, "no"),
    ]

    [cost] = costs(facts, seats=2)

    assert cost.billed_yearly_only
    assert cost.monthly == Decimal("98.00")
    assert SEAT_MONTHLY not in [price.fact.criterion for price in cost.prices]


def test_a_plan_with_only_a_yearly_price_is_annual_only():
    [cost] = costs([fact(RIVAL, SEAT_YEARLY, 49)], seats=2)

    assert cost.billed_yearly_only and cost.monthly == Decimal("98.00")


def test_yearly_billing_without_a_yearly_price_is_not_guessed():
    [cost] = costs([fact(OURS, SEAT_MONTHLY, 23)], billing=YEARLY)

    assert not cost.is_computed
    assert cost.reasons == [Reason.NO_YEARLY_PRICE]


def test_no_published_price_is_contact_sales_not_zero():
    [cost] = costs([fact(THIRD, BILLING, "yes")])

    assert cost.monthly is None and cost.yearly is None
    assert cost.reasons == [Reason.NO_PRICE]


def test_an_addon_per_seat_is_charged_for_every_seat_and_a_flat_one_once():
    facts = [
        fact(OURS, SEAT_MONTHLY, 10),
        fact(OURS, CHAT, "yes", availability="paid_addon", addon_price=Decimal(4)),
        fact(
            OURS,
            SSO,
            "yes",
            availability="paid_addon",
            addon_price=Decimal(30),
            addon_per_seat=False,
        ),
    ]

    [cost] = costs(facts, seats=5, features=[CHAT, SSO])

    assert cost.monthly == Decimal("100.00")  # 5 × 10 + 5 × 4 + 30
    assert [feature.need for feature in cost.features] == [Need.ADDON, Need.ADDON]
    # The add-ons' facts are among the prices used, with their sources.
    assert [price.role for price in cost.prices] == ["seat_monthly", "addon", "addon"]


def test_an_addon_priced_on_request_a_higher_plan_and_a_missing_feature_are_not_priced():
    facts = [
        fact(OURS, SEAT_MONTHLY, 10),
        fact(OURS, SSO, "yes", availability="paid_addon"),
        fact(RIVAL, SEAT_MONTHLY, 10),
        fact(RIVAL, SSO, "yes", availability="higher_plan"),
        fact(THIRD, SEAT_MONTHLY, 10),
        fact(THIRD, SSO, "no"),
    ]

    ours, rival, third = costs(facts, features=[SSO])

    assert ours.reasons == [Reason.ADDON_ON_REQUEST]
    assert rival.reasons == [Reason.HIGHER_PLAN]
    assert third.reasons == [Reason.NOT_OFFERED]
    assert not any(cost.is_computed for cost in (ours, rival, third))


def test_an_unrecorded_feature_is_not_priced_and_a_partial_one_is_included_and_said():
    facts = [
        fact(OURS, SEAT_MONTHLY, 10),
        fact(RIVAL, SEAT_MONTHLY, 12),
        fact(RIVAL, SSO, "partial"),
    ]

    ours, rival = costs(facts, seats=1, features=[SSO])

    assert ours.reasons == [Reason.NOT_RECORDED]
    assert rival.monthly == Decimal("12.00")
    assert [feature.need for feature in rival.features] == [Need.PARTIAL]


def test_a_competitor_cheaper_than_ours_is_marked_cheapest():
    facts = [fact(OURS, SEAT_MONTHLY, 19), fact(OURS, MINIMUM, 3), fact(RIVAL, SEAT_MONTHLY, 29)]

    ours, rival = costs(facts, seats=1)

    assert rival.is_cheapest and not ours.is_cheapest
    assert rival.monthly < ours.monthly


def test_products_in_another_currency_are_shown_but_not_ranked():
    facts = [
        fact(OURS, SEAT_MONTHLY, 19),
        fact(RIVAL, SEAT_MONTHLY, 29),
        fact(THIRD, EUR_SEAT_MONTHLY, 5),
    ]

    ours, rival, third = costs(facts, seats=1)

    assert (third.currency, third.monthly, third.not_comparable) == ("EUR", Decimal("5.00"), True)
    assert ours.is_cheapest and not third.is_cheapest


def test_a_single_priced_product_or_a_tie_is_not_called_cheapest():
    alone = costs([fact(OURS, SEAT_MONTHLY, 19), fact(RIVAL, BILLING, "yes")])
    tie = costs([fact(OURS, SEAT_MONTHLY, 19), fact(RIVAL, SEAT_MONTHLY, 19)])

    assert not any(cost.is_cheapest for cost in alone + tie)


def test_the_compared_plans_price_comes_before_the_all_plans_one():
    facts = [fact(OURS, SEAT_MONTHLY, 9), fact(OURS, SEAT_MONTHLY, 25, plan="Business")]

    [cost] = costs(facts, seats=1, columns=[Column(OURS, "business")])

    assert cost.monthly == Decimal("25.00")


def test_stale_and_flagged_prices_are_marked():
    facts = [fact(OURS, SEAT_MONTHLY, 19, age=400, source_flag="changed"), fact(OURS, BASE_FEE, 5)]

    [cost] = costs(facts)

    stale, fresh = cost.prices
    assert (stale.is_stale, stale.age_in_days, stale.is_flagged) == (True, 400, True)
    assert not fresh.is_stale and not fresh.is_flagged


@pytest.mark.parametrize(("currency", "expected"), [("USD", "33.33"), ("JPY", "33")])
def test_amounts_are_rounded_to_the_currencys_smallest_unit(currency, expected):
    yearly = criterion("seat_yearly", f"{currency} / seat / year")
    [cost] = build_costs(
        [Column(OURS, ALL_PLANS)],
        Situation(seats=1, billing=YEARLY),
        [fact(OURS, yearly, 400)],
        [yearly],
        180,
        TODAY,
    )

    assert str(cost.monthly) == expected and cost.currency == currency


def test_an_account_fee_in_another_currency_than_the_seats_is_not_added_up():
    eur_fee = criterion("base_fee", "EUR / month")
    [cost] = build_costs(
        [Column(OURS, ALL_PLANS)],
        Situation(seats=2),
        [fact(OURS, SEAT_MONTHLY, 10), fact(OURS, eur_fee, 20)],
        [SEAT_MONTHLY, eur_fee],
        180,
        TODAY,
    )

    assert not cost.is_computed
    assert cost.reasons == [Reason.MIXED_CURRENCIES]


def test_a_price_a_year_that_is_no_whole_amount_a_month_is_broken_down_by_the_year():
    """¥1,000 a seat a year is ¥83.33 a month, which yen cannot write: "7 seats at ¥83 a
    month" would not add up to the total, so the breakdown gives the price a year."""
    yen_a_year = criterion("seat_yearly", "JPY / seat / year")
    [cost] = build_costs(
        [Column(OURS, ALL_PLANS)],
        Situation(seats=7, billing=YEARLY),
        [fact(OURS, yen_a_year, 1000)],
        [yen_a_year],
        180,
        TODAY,
    )

    assert (cost.yearly, cost.seat_per_year) == (Decimal("7000"), Decimal("1000"))
    [whole] = costs([fact(OURS, SEAT_MONTHLY, 19)], seats=7)
    assert whole.seat_per_year is None, "a whole amount a month is said by the month"
    assert render_to_string("components/cost_seats.html", {"cost": cost}).strip() == (
        "7 seats at ¥1,000 a year"
    )
    assert render_to_string("components/cost_seats.html", {"cost": whole}).strip() == (
        "7 seats at $19 a month"
    )
