"""Each honesty check of product and comparison pages, on the page as it would be
published (built in memory, as a revision or the editor's form gives it)."""

import datetime

from django.utils import timezone

import pytest

from comparisons import checks
from comparisons.models import (
    ComparedCriterion,
    ComparedProduct,
    ComparisonPage,
    NotSuitableFor,
    ProductPage,
)
from home.honesty import Severity, run_checks
from tests.comparisons.factories import CriterionFactory, FactFactory, ProductFactory

pytestmark = pytest.mark.django_db


def point(title, detail=""):
    return {"title": title, "detail": detail}


def product_page(product=None, **fields):
    defaults = {
        "title": "Fernhill Desk",
        "summary": "<p>A helpdesk for small teams.</p>",
        "strengths": [("strength", point("Set up in an afternoon"))],
        "limitations": [("limitation", point("No phone channel"))],
        "not_suitable_for": [NotSuitableFor(situation="Phone support", reason="None")],
    }
    return ProductPage(product=product, **(defaults | fields))


def comparison(ours_wins, rival_wins, ties=0, **fields):
    """A comparison whose table our product wins on ``ours_wins`` rows and the
    competitor on ``rival_wins``."""
    ours, rival = ProductFactory(is_ours=True), ProductFactory()
    criteria = []
    for ours_value, rival_value, count in (
        ("yes", "no", ours_wins),
        ("no", "yes", rival_wins),
        ("yes", "yes", ties),
    ):
        for _ in range(count):
            criterion = CriterionFactory()
            FactFactory(product=ours, criterion=criterion, support=ours_value)
            FactFactory(product=rival, criterion=criterion, support=rival_value)
            criteria.append(criterion)
    return ComparisonPage(
        title=fields.pop("title", "Fernhill Desk vs Tidewell Desk"),
        compared_products=[
            ComparedProduct(product=ours, best_for=fields.pop("best_for", "")),
            ComparedProduct(product=rival),
        ],
        compared_criteria=[ComparedCriterion(criterion=c) for c in criteria],
        **fields,
    )


# One-sided table


def test_a_table_our_product_wins_on_every_decided_row_blocks_publishing():
    [problem] = checks.one_sided_table(comparison(ours_wins=3, rival_wins=0, ties=2))

    assert problem.severity == Severity.BLOCKS
    assert problem.field == "compared_criteria"
    assert "lead on every ranked row" in problem.message


@pytest.mark.parametrize("ours_wins, rival_wins", [(3, 1), (2, 0)])
def test_a_table_a_competitor_wins_somewhere_or_too_small_to_judge_passes(ours_wins, rival_wins):
    assert list(checks.one_sided_table(comparison(ours_wins, rival_wins))) == []


# Stale facts


def test_stale_facts_in_the_table_are_a_warning_with_the_site_limit(site_settings):
    site_settings.freshness_limit_days = 30
    site_settings.save()
    page = comparison(ours_wins=1, rival_wins=1)
    ours = page.compared_products.first().product
    ours.facts.update(verified_on=timezone.localdate() - datetime.timedelta(days=31))

    [problem] = checks.stale_table_facts(page)

    assert problem.severity == Severity.WARNING
    assert "2 facts shown on this page were verified more than 30 days ago" in problem.message


def test_fresh_facts_give_no_warning(site_settings):
    assert list(checks.stale_table_facts(comparison(ours_wins=1, rival_wins=1))) == []


def test_stale_facts_of_a_product_page_are_a_warning(site_settings):
    product = ProductFactory(is_ours=True)
    FactFactory(product=product, verified_on=timezone.localdate() - datetime.timedelta(days=400))
    FactFactory(product=product)

    [problem] = checks.stale_product_facts(product_page(product))

    assert "1 fact shown on this page was verified more than 180 days ago" in problem.message
    assert problem.field == "product"


# Not suitable for, limitations


def test_a_not_suitable_for_item_without_an_alternative_is_a_warning_linked_to_the_inline():
    page = product_page(
        not_suitable_for=[
            NotSuitableFor(situation="You answer by phone", reason="No phone channel."),
            NotSuitableFor(
                situation="You need SSO", reason="No SSO.", alternative=ProductFactory()
            ),
        ]
    )

    [problem] = checks.alternative_missing(page)

    assert problem.severity == Severity.WARNING
    assert "“You answer by phone” names no alternative" in problem.message
    assert problem.field == "not_suitable_for"


@pytest.mark.parametrize(
    "strengths, limitations, warned", [(6, 1, True), (4, 1, True), (3, 1, False)]
)
def test_fewer_limitations_than_a_third_of_the_strengths_is_a_warning(
    strengths, limitations, warned
):
    page = product_page(
        strengths=[("strength", point(f"Strength {n}")) for n in range(strengths)],
        limitations=[("limitation", point(f"Limitation {n}")) for n in range(limitations)],
    )

    assert bool(list(checks.too_few_limitations(page))) is warned


# Superlatives


@pytest.mark.parametrize(
    "claim",
    [
        "The best helpdesk",
        "THE BEST helpdesk",
        "No.1 for support",
        "The number one helpdesk",
        "The only helpdesk you need",
        "Unbeatable value",
        "#1 rated",
        "業界No.1のヘルプデスク",
        "顧客満足度Ｎｏ．１",
        "最高の体験",
        "唯一のツール",
        "圧倒的な速さ",
        "一番使いやすい",
    ],
)
def test_an_unsupported_superlative_in_the_title_blocks_publishing(claim):
    [problem] = checks.product_superlatives(product_page(ProductFactory(is_ours=True), title=claim))

    assert problem.severity == Severity.BLOCKS
    assert problem.field == "title"
    assert "Back it with a sourced fact" in problem.message
    assert "reword it" in problem.message


@pytest.mark.parametrize(
    "text", ["We bestow care", "Bestseller list", "No. 12 on the list", "There is no 1-click setup"]
)
def test_text_that_only_looks_like_a_superlative_passes(text):
    assert list(checks.product_superlatives(product_page(title=text))) == []


def test_superlatives_are_found_in_the_summary_and_strengths_once_per_field():
    page = product_page(
        summary="<p>The <b>best</b> and <i>unbeatable</i> helpdesk.</p>",
        strengths=[("strength", point("Fast", "最高の速さ"))],
    )

    fields = [problem.field for problem in checks.product_superlatives(page)]

    assert fields == ["summary", "strengths"]


def test_a_superlative_is_backed_by_a_sourced_fact_where_our_product_leads():
    ours, rival = ProductFactory(is_ours=True), ProductFactory()
    criterion = CriterionFactory()
    FactFactory(product=ours, criterion=criterion, support="yes")
    FactFactory(product=rival, criterion=criterion, support="partial")

    assert list(checks.product_superlatives(product_page(ours, title="The best desk"))) == []


def test_a_superlative_is_not_backed_where_a_competitor_leads():
    ours, rival = ProductFactory(is_ours=True), ProductFactory()
    criterion = CriterionFactory()
    FactFactory(product=ours, criterion=criterion, support="partial")
    FactFactory(product=rival, criterion=criterion, support="yes")

    assert list(checks.product_superlatives(product_page(ours, title="The best desk")))


def test_a_best_for_verdict_is_about_fit_not_a_claim():
    page = comparison(ours_wins=0, rival_wins=1, best_for="Best for small teams")

    assert list(checks.comparison_superlatives(page)) == []


def test_a_superlative_after_best_for_in_a_verdict_still_counts():
    page = comparison(ours_wins=0, rival_wins=1, best_for="Best for the best price")

    [problem] = checks.comparison_superlatives(page)

    assert problem.field == "compared_products"


def test_a_comparison_intro_claim_is_backed_by_a_row_our_product_wins():
    claim = {"intro": "<p>The best desk for email.</p>"}

    assert list(checks.comparison_superlatives(comparison(1, 1, **claim))) == []
    assert [p.field for p in checks.comparison_superlatives(comparison(0, 1, **claim))] == ["intro"]


# Registered for the page types


def test_the_checks_run_for_their_page_types_blocking_ones_first():
    page = product_page(title="The best desk")

    problems = run_checks(page)

    assert [(p.severity, p.field) for p in problems] == [
        (Severity.BLOCKS, "title"),
        (Severity.WARNING, "not_suitable_for"),
    ]
    assert [p.field for p in run_checks(comparison(ours_wins=3, rival_wins=0))] == [
        "compared_criteria"
    ]
