"""The rules that decide what a prospect reads in a comparison table."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from comparisons.models import Criterion, Fact
from comparisons.table import Column, build_table
from tests.comparisons.factories import CriterionFactory, FactFactory, ProductFactory

pytestmark = pytest.mark.django_db


def table_for(products, criteria, freshness_limit_days=180, plans=None):
    plans = plans or {}
    columns = [Column(product, plans.get(product, "All plans")) for product in products]
    facts = [fact for product in products for fact in product.facts.select_related("criterion")]
    return build_table(columns, criteria, facts, freshness_limit_days, timezone.localdate())


@pytest.fixture
def ours():
    return ProductFactory(name="Our Desk", is_ours=True)


@pytest.fixture
def rival():
    return ProductFactory(name="Rival Desk")


def numeric(direction, **kwargs):
    return CriterionFactory(kind=Criterion.Kind.NUMBER, direction=direction, unit="USD", **kwargs)


def test_cells_show_the_facts_of_each_product(ours, rival):
    price = numeric(Criterion.Direction.LOWER, name="Starting price")
    FactFactory(product=ours, criterion=price, support="", number=Decimal("29"))
    FactFactory(product=rival, criterion=price, support="", number=Decimal("19.50"))

    row = table_for([ours, rival], [price]).rows[0]

    assert [cell.fact.display_value for cell in row.cells] == ["29 USD", "19.5 USD"]


def test_lower_is_better_marks_the_cheapest_even_when_it_is_a_competitor(ours, rival):
    price = numeric(Criterion.Direction.LOWER)
    FactFactory(product=ours, criterion=price, support="", number=Decimal("29"))
    FactFactory(product=rival, criterion=price, support="", number=Decimal("19"))

    table = table_for([ours, rival], [price])

    assert [column.product for column in table.rows[0].winners] == [rival]
    assert table.competitor_wins == table.rows


def test_higher_is_better_marks_the_largest(ours, rival):
    retention = numeric(Criterion.Direction.HIGHER)
    FactFactory(product=ours, criterion=retention, support="", number=Decimal("365"))
    FactFactory(product=rival, criterion=retention, support="", number=Decimal("90"))

    table = table_for([ours, rival], [retention])

    assert [column.product for column in table.rows[0].winners] == [ours]
    assert table.competitor_wins == []


def test_yes_beats_partial_beats_no(ours, rival):
    third = ProductFactory(name="Third Desk")
    sso = CriterionFactory(kind=Criterion.Kind.SUPPORT)
    FactFactory(product=ours, criterion=sso, support="partial")
    FactFactory(product=rival, criterion=sso, support="yes")
    FactFactory(product=third, criterion=sso, support="no")

    row = table_for([ours, rival, third], [sso]).rows[0]

    assert [cell.is_best for cell in row.cells] == [False, True, False]


def test_ties_for_best_are_all_marked_and_reported_as_shared(ours, rival):
    third = ProductFactory(name="Third Desk")
    sso = CriterionFactory(kind=Criterion.Kind.SUPPORT, name="SSO")
    for product, support in [(ours, "yes"), (rival, "yes"), (third, "no")]:
        FactFactory(product=product, criterion=sso, support=support)

    table = table_for([ours, rival, third], [sso])

    assert [cell.is_best for cell in table.rows[0].cells] == [True, True, False]
    standings = {s.column.product: s for s in table.standings}
    assert standings[ours].shared == [sso] and standings[ours].leads == []
    assert standings[third].leads == [] and standings[third].shared == []


def test_a_row_where_everyone_is_equal_has_no_winner(ours, rival):
    sso = CriterionFactory(kind=Criterion.Kind.SUPPORT)
    FactFactory(product=ours, criterion=sso, support="yes")
    FactFactory(product=rival, criterion=sso, support="yes")

    row = table_for([ours, rival], [sso]).rows[0]

    assert row.winners == []
    assert row.is_uniform


def test_text_and_unranked_criteria_are_never_marked(ours, rival):
    hours = CriterionFactory(kind=Criterion.Kind.TEXT, direction=Criterion.Direction.UNRANKED)
    FactFactory(product=ours, criterion=hours, support="", text="Business hours")
    FactFactory(product=rival, criterion=hours, support="", text="24/7")

    row = table_for([ours, rival], [hours]).rows[0]

    assert row.winners == []
    assert not row.is_uniform


def support_hours(**kwargs):
    return CriterionFactory(
        name="Vendor support hours",
        kind=Criterion.Kind.TEXT,
        ranked_values=["24/7", "Weekdays 08:00-18:00", "Business hours"],
        **kwargs,
    )


def test_a_text_criterion_with_ranked_values_ranks_by_their_order(ours, rival):
    hours = support_hours()
    third = ProductFactory(name="Third Desk")
    FactFactory(product=ours, criterion=hours, support="", text="Weekdays 08:00-18:00")
    FactFactory(product=rival, criterion=hours, support="", text="24/7")
    FactFactory(product=third, criterion=hours, support="", text="Business hours")

    table = table_for([ours, rival, third], [hours])

    assert hours.is_ranked
    assert [column.product for column in table.rows[0].winners] == [rival]
    assert table.competitor_wins == table.rows
    assert {s.column.product: s.leads for s in table.standings}[rival] == [hours]


def test_the_same_ranked_text_shares_the_lead(ours, rival):
    hours = support_hours()
    third = ProductFactory(name="Third Desk")
    for product, text in [(ours, "24/7"), (rival, "24/7"), (third, "Business hours")]:
        FactFactory(product=product, criterion=hours, support="", text=text)

    row = table_for([ours, rival, third], [hours]).rows[0]

    assert [cell.is_best for cell in row.cells] == [True, True, False]
    assert table_for([ours, rival, third], [hours]).competitor_wins == []


def test_ranked_values_left_unranked_by_their_direction_mark_no_winner(ours, rival):
    hours = support_hours(direction=Criterion.Direction.UNRANKED)
    FactFactory(product=ours, criterion=hours, support="", text="Business hours")
    FactFactory(product=rival, criterion=hours, support="", text="24/7")

    assert not hours.is_ranked
    assert table_for([ours, rival], [hours]).rows[0].winners == []


def test_a_paid_add_on_reads_differently_from_an_included_feature(ours, rival):
    sso = CriterionFactory(kind=Criterion.Kind.SUPPORT)
    FactFactory(product=ours, criterion=sso, support="yes")
    FactFactory(product=rival, criterion=sso, support="yes", availability="paid_addon")

    assert not table_for([ours, rival], [sso]).rows[0].is_uniform


def test_stale_facts_are_flagged_with_their_age(ours, rival, today):
    sso = CriterionFactory(kind=Criterion.Kind.SUPPORT)
    FactFactory(product=ours, criterion=sso, verified_on=today - datetime.timedelta(days=10))
    FactFactory(product=rival, criterion=sso, verified_on=today - datetime.timedelta(days=181))

    cells = table_for([ours, rival], [sso], freshness_limit_days=180).rows[0].cells

    assert [cell.is_stale for cell in cells] == [False, True]
    assert cells[1].age_in_days == 181


def test_the_compared_plan_is_used_before_the_all_plans_value(ours, rival):
    seats = numeric(Criterion.Direction.HIGHER)
    FactFactory(product=rival, criterion=seats, support="", number=5, plan="All plans")
    FactFactory(product=rival, criterion=seats, support="", number=50, plan="Business")
    FactFactory(product=ours, criterion=seats, support="", number=20, plan="All plans")

    business = table_for([ours, rival], [seats], plans={rival: "business"}).rows[0]
    basic = table_for([ours, rival], [seats], plans={rival: "Starter"}).rows[0]

    assert business.cells[1].fact.number == 50
    assert basic.cells[1].fact.number == 5


def test_facts_loaded_without_their_plan_find_their_cells(ours, rival):
    seats = numeric(Criterion.Direction.HIGHER)
    FactFactory(product=rival, criterion=seats, support="", number=5, plan="All plans")
    FactFactory(product=rival, criterion=seats, support="", number=50, plan="Business")
    facts = list(Fact.objects.defer("plan").select_related("criterion"))
    columns = [Column(ours, "All plans"), Column(rival, " business ")]

    row = build_table(columns, [seats], facts, 180, timezone.localdate()).rows[0]

    assert [cell.fact and cell.fact.number for cell in row.cells] == [None, 50]


def test_a_missing_fact_is_an_empty_cell_and_cannot_win(ours, rival):
    third = ProductFactory()
    sso = CriterionFactory(kind=Criterion.Kind.SUPPORT)
    FactFactory(product=ours, criterion=sso, support="no")
    FactFactory(product=rival, criterion=sso, support="yes")

    row = table_for([ours, rival, third], [sso]).rows[0]

    assert row.cells[2].fact is None
    assert [cell.is_best for cell in row.cells] == [False, True, False]


def test_rows_are_grouped_by_criterion_group_in_the_chosen_order(ours):
    first = CriterionFactory(group="Security")
    second = CriterionFactory(group="Pricing")
    third = CriterionFactory(group="Security")

    table = table_for([ours], [first, second, third])

    assert [(g.name, [r.criterion for r in g.rows]) for g in table.groups] == [
        ("Security", [first, third]),
        ("Pricing", [second]),
    ]
