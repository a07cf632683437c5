"""Price lists written as text before prices were numbers ("$19", "per agent / month,
billed yearly") are converted on every page and every revision, drafts included, and
text that cannot be read stays word for word."""

import importlib
import json
from decimal import Decimal

from django.apps import apps
from django.db import connection

import pytest

from comparisons.models import ProductPage
from tests.comparisons.factories import ProductPageFactory

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("comparisons.migrations.0005_plan_prices_and_search_details")


def old_plan(name, price, billing, includes=""):
    return {
        "type": "plan",
        "id": name.lower(),
        "value": {
            "name": name,
            "price": price,
            "billing": billing,
            "includes": includes,
        },
    }


def write_raw(page, live, draft):
    """The stored JSON as the earlier version of Candor wrote it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE comparisons_productpage SET pricing = %s WHERE page_ptr_id = %s",
            [json.dumps(live), page.pk],
        )
    revision = page.latest_revision
    revision.content["pricing"] = json.dumps(draft)
    revision.save(update_fields=["content"])


def migrate():
    (convert,) = [op for op in MIGRATION.Migration.operations if hasattr(op, "code")]
    convert.code(apps, None)


@pytest.fixture
def page(product_index):
    page = ProductPageFactory(parent=product_index, slug="fernhill-desk")
    page.save_revision()
    return page


def plans_of(page_or_revision):
    return [block.value for block in page_or_revision.pricing]


def test_text_prices_become_numbers_with_their_unit_on_the_page_and_its_draft(page):
    write_raw(
        page,
        live=[
            old_plan("Free", "$0", "up to 2 agents"),
            old_plan("Team", "$19", "per agent / month, billed yearly", "Rules, reports."),
        ],
        draft=[old_plan("Team", "¥2,800", "エージェント1名あたり月額、年払い")],
    )

    migrate()

    live = plans_of(ProductPage.objects.get(pk=page.pk))
    assert [
        (p["name"], p["price"], p["currency"], p["per"], p["period"], p["billing"]) for p in live
    ] == [
        ("Free", Decimal("0"), "USD", "", "", "up to 2 agents"),
        ("Team", Decimal("19"), "USD", "agent", "month", "billed yearly"),
    ]
    assert live[1]["includes"] == "Rules, reports."
    stored = ProductPage.objects.get(pk=page.pk)
    (draft,) = plans_of(stored.get_latest_revision().as_object())
    assert (draft["price"], draft["currency"], draft["per"], draft["period"], draft["billing"]) == (
        Decimal("2800"),
        "JPY",
        "agent",
        "month",
        "年払い",
    )


def test_a_price_that_cannot_be_read_is_kept_word_for_word_as_on_request(page):
    write_raw(
        page,
        live=[
            old_plan("Enterprise", "Contact us", "for 50 agents or more"),
            old_plan("Pro", "from $29", "per agent / month"),
        ],
        draft=[],
    )

    migrate()

    enterprise, pro = plans_of(ProductPage.objects.get(pk=page.pk))
    assert enterprise["price"] is None
    assert enterprise["billing"] == "Contact us for 50 agents or more"
    assert pro["price"] is None
    assert pro["billing"] == "from $29 per agent / month"


def test_converting_twice_changes_nothing(page):
    write_raw(page, live=[old_plan("Team", "$19", "per agent / month")], draft=[])
    migrate()
    once = ProductPage.objects.get(pk=page.pk).pricing.raw_data

    migrate()

    assert list(ProductPage.objects.get(pk=page.pk).pricing.raw_data) == list(once)


def test_each_plan_takes_the_currency_its_price_list_names(page):
    write_raw(
        page,
        live=[
            old_plan("Free", "無料", "エージェント2名まで"),
            old_plan("Team", "2800", "エージェント1名あたり月額、年払い"),
            old_plan("Business", "¥4,800", "エージェント1名あたり月額"),
        ],
        draft=[old_plan("Free", "Free", ""), old_plan("Team", "€19,99", "per month")],
    )

    migrate()

    live = plans_of(ProductPage.objects.get(pk=page.pk))
    assert [(p["price"], p["currency"]) for p in live] == [
        (Decimal("0"), "JPY"),
        (Decimal("2800"), "JPY"),
        (Decimal("4800"), "JPY"),
    ]
    stored = ProductPage.objects.get(pk=page.pk)
    draft = plans_of(stored.get_latest_revision().as_object())
    # A decimal comma is a decimal comma: 19,99 euros, not 1,999.
    assert [(p["price"], p["currency"]) for p in draft] == [
        (Decimal("0"), "EUR"),
        (Decimal("19.99"), "EUR"),
    ]


def test_thousands_are_grouped_and_yen_have_no_decimals(page):
    write_raw(
        page,
        live=[old_plan("Scale", "$1,234.50", ""), old_plan("Odd", "¥2,800.5", "")],
        draft=[],
    )

    migrate()

    scale, odd = plans_of(ProductPage.objects.get(pk=page.pk))
    assert scale["price"] == Decimal("1234.50")
    assert (odd["price"], odd["billing"]) == (None, "¥2,800.5")
