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
from comparisons.pricing import price_basis
from home.honesty import Severity, run_checks
from tests.comparisons.factories import CriterionFactory, FactFactory, ProductFactory, plan

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


def test_a_competitor_leading_on_a_ranked_text_row_keeps_the_table_honest():
    page = comparison(ours_wins=3, rival_wins=0)
    ours, rival = (item.product for item in page.compared_products.all())
    hours = CriterionFactory(kind="text", ranked_values=["24/7", "Business hours"])
    FactFactory(product=ours, criterion=hours, support="", text="Business hours")
    FactFactory(product=rival, criterion=hours, support="", text="24/7")
    page.compared_criteria.add(ComparedCriterion(criterion=hours))

    assert list(checks.one_sided_table(page)) == []


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


# Prices on the page and in the product's facts


@pytest.fixture
def price_fact():
    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    price = CriterionFactory(name="Starting price", kind="number", unit="USD / agent / month")
    return FactFactory(
        product=ours,
        criterion=price,
        plan="Team",
        support="",
        number=21,
        verified_on=datetime.date(2026, 11, 3),
    )


def test_a_plan_priced_differently_from_its_fact_is_a_warning(price_fact):
    page = product_page(price_fact.product, pricing=[plan("team", 19), plan("Business", 35)])

    (problem,) = checks.plans_disagree_with_price_facts(page)

    assert problem.severity == Severity.WARNING
    assert problem.field == "pricing"
    assert problem.message == (
        "“team” costs $19 on this page, but the product's fact “Starting price” says "
        "21 USD / agent / month (verified on 3 November 2026): correct the one that is "
        "wrong, or say in the billing note why they differ."
    )


@pytest.mark.parametrize(
    "pricing",
    [
        [plan("Team", 21)],  # the same price
        [plan("Team", 19, currency="EUR")],  # another currency
        [plan("Team", 19, period="year")],  # another period
        [plan("Team", 19, per="seat")],  # counted for someone else
        [plan("Team", None)],  # on request
        [plan("Pro", 19)],  # another plan
    ],
)
def test_prices_that_agree_or_cannot_be_compared_are_not_flagged(price_fact, pricing):
    page = product_page(price_fact.product, pricing=pricing)

    assert list(checks.plans_disagree_with_price_facts(page)) == []


def test_a_draft_plan_without_a_name_is_checked_without_failing(price_fact):
    page = product_page(price_fact.product, pricing=[plan(None, 19), plan("Team", 19)])

    assert len(list(checks.plans_disagree_with_price_facts(page))) == 1


@pytest.mark.parametrize(
    "unit, basis",
    [
        ("USD / agent / month", ("USD", "agent", "month")),
        ("EUR / month", ("EUR", "", "month")),
        ("JPY", ("JPY", "", "")),
        ("days", None),
        ("USD / month / agent", None),
        ("USD / agent / month / extra", None),
        ("", None),
    ],
)
def test_a_unit_is_read_as_a_price_only_when_it_is_one(unit, basis):
    assert price_basis(unit) == basis


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
        # Other spellings of the same claims.
        "No 1 for support",
        "NO 1 for support",
        "Number 1 helpdesk",
        "№1 helpdesk",
        "Rated No1",
        "#1-rated helpdesk",
        "Rated # 1",
        # Bestseller, bestselling, best-selling: a sales-rank claim readers cannot
        # check, like "No.1"; an editor who can back it adds the sourced fact.
        "Bestseller list",
        "The bestselling helpdesk",
        "The best-selling helpdesk",
        "A bestseller since 2019",
        # Japanese claims.
        "日本一の使いやすさ",
        "世界一速いヘルプデスク",
        "業界一の導入実績",
        "最強のヘルプデスク",
        "ナンバーワンのサポート",
        "満足度ナンバー1",
        "最高峰のサポート",
        "業界最高水準のセキュリティ",
        "一番の選択肢",
        "業界唯一の機能",
        "顧客満足度1位",
        "顧客満足度第1位",
    ],
)
def test_an_unsupported_superlative_in_the_title_blocks_publishing(claim):
    [problem] = checks.product_superlatives(product_page(ProductFactory(is_ours=True), title=claim))

    assert problem.severity == Severity.BLOCKS
    assert problem.field == "title"
    assert "Back it with a sourced fact" in problem.message
    assert "reword it" in problem.message


@pytest.mark.parametrize(
    "claim, word",
    [
        ("The b\u200best helpdesk", "best"),  # zero-width space
        ("The be\u200dst helpdesk", "best"),  # zero-width joiner
        ("The be\u00adst helpdesk", "best"),  # soft hyphen
        ("The \ufeffbest helpdesk", "best"),  # zero-width no-break space
        ("Ｔｈｅ Ｂｅｓｔ ｈｅｌｐｄｅｓｋ", "Best"),  # full-width letters
        ("Ｎｏ.1 for support", "No.1"),
        ("＃1 rated", "#1"),
        ("#１ rated", "#1"),
        ("Ｎｏ　１ for support", "No 1"),  # full-width letters, digit and space
        ("No\u00a01 for support", "No 1"),  # no-break space
        ("№1 helpdesk", "No1"),
        ("ﾅﾝﾊﾞｰﾜﾝのサポート", "ナンバーワン"),  # half-width katakana
        ("最\u200b高の体験", "最高"),
    ],
)
def test_a_superlative_is_found_however_it_is_spelled(claim, word):
    """Texts are compared after NFKC normalisation with format characters (category
    Cf) removed, so the message quotes the claim in its plain spelling."""
    [problem] = checks.product_superlatives(product_page(title=claim))

    assert problem.field == "title"
    assert f"“{word}”" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "We bestow care",
        "No. 12 on the list",
        "There is no 1-click setup",
        "There is no 1 tool that does everything",  # "No 1" is the claim with a capital N
        "No 1-click setup yet",
        "No 1:1 onboarding on the Starter plan",
        "No 1.5 release this year",
        "Number 10 on the roadmap",
        "Rated #12",
        # Negations and honest uses of "best" and "the only".
        "Not the best choice for large teams",
        "NOT THE BEST CHOICE FOR LARGE TEAMS",
        "It is not the only option",
        "It isn't the best fit for call centres",
        "It isn’t the best fit for call centres",
        "It is not necessarily the best fit for call centres",
        "The only limitation is the phone channel",
        "The only real drawback is the price",
        "The only downside: no phone channel",
        "Reporting is basic at best",
        "Follows security best practices",
        "Best-effort support on the free plan",
        # Japanese: the only drawback, titles, courts and positions are not claims.
        "唯一の欠点は電話対応がないこと",
        "唯一の制約はAPIの回数制限です",
        "唯一の弱点は価格です",
        "唯一のデメリットは英語のみの対応",
        "最高経営責任者からのメッセージ",
        "最高技術責任者が監修",
        "最高裁の判例に沿った個人情報の扱い",
        "一番下の行に合計を表示",
        "一番上のメニューから設定",
        "一番目の手順",
        "業界一般の基準に準拠",
        "1位置ずれる",
        "11位",
    ],
)
def test_text_that_only_looks_like_a_superlative_passes(text):
    assert list(checks.product_superlatives(product_page(title=text))) == []


@pytest.mark.parametrize(
    "text",
    [
        "Not the best choice, but the best price",
        "The only limitation is that it is the best",
        "Not only the best helpdesk",
        "Isn't it the best helpdesk?",
        "唯一の欠点がない最高のツール",
    ],
)
def test_an_honest_phrase_does_not_excuse_a_claim_next_to_it(text):
    [problem] = checks.product_superlatives(product_page(title=text))

    assert problem.field == "title"


@pytest.mark.parametrize("text", ["Best Buy integration", "Fixes issue #1 of the tracker"])
def test_rare_proper_names_and_numbers_that_read_as_claims_stay_flagged(text):
    """Known false positives, kept on purpose: "Best Buy" is a proper name and "#1" an
    issue number, but the check cannot tell them from "the best" and "#1 rated"
    without letting claims through, and both are rare in product copy. The editor
    rewords the text or backs the page with a sourced fact."""
    [problem] = checks.product_superlatives(product_page(title=text))

    assert problem.field == "title"


@pytest.mark.parametrize(
    "fields, field, place",
    [
        ({"seo_title": "The best helpdesk | Fernhill"}, "seo_title", "the title tag"),
        (
            {"search_description": "The No 1 helpdesk for small teams."},
            "search_description",
            "the meta description",
        ),
        ({"pricing_note": "The best price in the market."}, "pricing_note", "the pricing note"),
        (
            {"ideal_for": [("audience", point("Teams", "Who want the best helpdesk"))]},
            "ideal_for",
            "“Who it is for”",
        ),
    ],
)
def test_a_superlative_in_the_other_fields_of_a_product_page_blocks_publishing(
    fields, field, place
):
    [problem] = checks.product_superlatives(product_page(**fields))

    assert problem.severity == Severity.BLOCKS
    assert problem.field == field
    assert f"in {place} claims" in problem.message


def test_the_limitations_of_a_product_page_are_not_checked_for_superlatives():
    """A limitation ("not the best choice for large teams", "best avoided by call
    centres") is honest by nature, whatever words it uses."""
    page = product_page(
        limitations=[("limitation", point("Best avoided by call centres", "最高の欠点"))]
    )

    assert list(checks.product_superlatives(page)) == []


@pytest.mark.parametrize(
    "fields, field, place",
    [
        ({"seo_title": "The best helpdesk compared"}, "seo_title", "the title tag"),
        (
            {"search_description": "Why Fernhill is the №1 helpdesk."},
            "search_description",
            "the meta description",
        ),
        (
            {"selection_note": "We chose the only plans worth buying."},
            "selection_note",
            "“How these products and plans were chosen”",
        ),
    ],
)
def test_a_superlative_in_the_other_fields_of_a_comparison_blocks_publishing(fields, field, place):
    [problem] = checks.comparison_superlatives(comparison(0, 1, **fields))

    assert problem.severity == Severity.BLOCKS
    assert problem.field == field
    assert f"in {place} claims" in problem.message


def test_an_html_entity_does_not_hide_a_superlative_in_rich_text():
    page = product_page(summary="<p>The b&#8203;est&nbsp;helpdesk, No&nbsp;1 for email.</p>")

    [problem] = checks.product_superlatives(page)

    assert problem.field == "summary"
    assert "“best”" in problem.message


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


def test_a_superlative_is_backed_where_our_product_leads_on_a_ranked_text_row():
    ours, rival = ProductFactory(is_ours=True), ProductFactory()
    hours = CriterionFactory(kind="text", ranked_values=["24/7", "Business hours"])
    FactFactory(product=ours, criterion=hours, support="", text="24/7")
    FactFactory(product=rival, criterion=hours, support="", text="Business hours")

    assert list(checks.product_superlatives(product_page(ours, title="The best desk"))) == []


def test_a_best_for_verdict_is_about_fit_not_a_claim():
    page = comparison(ours_wins=0, rival_wins=1, best_for="Best for small teams")

    assert list(checks.comparison_superlatives(page)) == []


@pytest.mark.parametrize("best_for", ["Ｂｅｓｔ for small teams", "B\u200best for small teams"])
def test_a_best_for_verdict_is_about_fit_however_it_is_spelled(best_for):
    page = comparison(ours_wins=0, rival_wins=1, best_for=best_for)

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
