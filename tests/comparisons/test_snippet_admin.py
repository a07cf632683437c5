"""Editors manage products, their facts and criteria with Wagtail's snippet views."""

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from bs4 import BeautifulSoup

from comparisons.models import Criterion
from tests.comparisons.factories import CriterionFactory, FactFactory, ProductFactory

pytestmark = pytest.mark.django_db

CRITERION_ADD_URL = "/admin/snippets/comparisons/criterion/add/"


def test_product_and_criterion_listings_render(admin_client):
    ProductFactory(name="Tidewell Desk")
    CriterionFactory(name="SAML single sign-on", group="Security")

    products = admin_client.get("/admin/snippets/comparisons/product/")
    criteria = admin_client.get("/admin/snippets/comparisons/criterion/")

    assert products.status_code == 200 and "Tidewell Desk" in products.content.decode()
    assert criteria.status_code == 200 and "SAML single sign-on" in criteria.content.decode()


def test_product_edit_form_shows_its_facts_inline(admin_client):
    fact = FactFactory(source_url="https://tidewell.example/security/sso")

    response = admin_client.get(f"/admin/snippets/comparisons/product/edit/{fact.product_id}/")

    assert response.status_code == 200
    assert "https://tidewell.example/security/sso" in response.content.decode()


def test_editor_adds_a_criterion(admin_client):
    response = admin_client.post(
        CRITERION_ADD_URL,
        nested_form_data(
            {
                "name": "Audit log retention",
                "group": "Security",
                "help_text": "How long the audit log keeps entries.",
                "kind": "number",
                "unit": "days",
                "direction": "higher",
                "sort_order": "2",
                "ranked_values": inline_formset([]),
            }
        ),
    )

    assert response.status_code == 302
    criterion = Criterion.objects.get(name="Audit log retention")
    assert criterion.is_ranked and criterion.unit == "days"


def test_stale_facts_report_is_in_the_reports_menu(admin_client):
    response = admin_client.get("/admin/")

    assert "/admin/reports/stale-facts/" in response.content.decode()


def test_the_criterion_chooser_shows_what_kind_of_value_each_takes(editors_client):
    """The fact form asks for the value in the field that matches the criterion's kind:
    the editor choosing the criterion sees that kind, with its group and unit."""
    CriterionFactory(name="Starting price", group="Pricing", kind="number", unit="USD / month")
    CriterionFactory(name="SAML single sign-on", group="Security", kind="support")

    response = editors_client.get("/admin/snippets/choose/comparisons/criterion/")

    soup = BeautifulSoup(response.json()["html"], "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    rows = {
        row.find("td").get_text(" ", strip=True): [
            td.get_text(" ", strip=True) for td in row.find_all("td")
        ]
        for row in soup.select("table tbody tr")
    }
    assert headings[1:] == ["Group", "Kind", "Unit"]
    assert rows["Starting price (Pricing)"][1:] == ["Pricing", "Number with a unit", "USD / month"]
    assert rows["SAML single sign-on (Security)"][1:] == ["Security", "Yes / partial / no", ""]


def criterion_form(ranked_values, **fields):
    return nested_form_data(
        {
            "name": "Vendor support hours",
            "group": "Vendor support",
            "help_text": "When the vendor's own support team answers you.",
            "kind": "text",
            "unit": "",
            "direction": "higher",
            "sort_order": "3",
            "ranked_values": inline_formset([{"value": value} for value in ranked_values]),
        }
        | fields
    )


def test_an_editor_ranks_the_values_of_a_text_criterion_best_first(editors_client):
    response = editors_client.post(
        CRITERION_ADD_URL, criterion_form(["24/7", "Weekdays 08:00-18:00", "Business hours"])
    )

    assert response.status_code == 302
    criterion = Criterion.objects.get(name="Vendor support hours")
    assert criterion.is_ranked
    assert criterion.ranked_texts == ["24/7", "Weekdays 08:00-18:00", "Business hours"]
    edit = editors_client.get(f"/admin/snippets/comparisons/criterion/edit/{criterion.pk}/")
    assert "Weekdays 08:00-18:00" in edit.content.decode()


@pytest.mark.parametrize(
    ("ranked_values", "fields", "message"),
    [
        (["24/7", "24/7 "], {}, "Each value can appear only once in the ranking."),
        (["24/7", "Business hours"], {"kind": "support"}, "Only short-text criteria"),
        (["24/7", "Business hours"], {"direction": "lower"}, "best first"),
        (["24/7", "Business hours"], {"direction": "unranked"}, "choose “Higher is better”"),
    ],
)
def test_a_ranking_that_cannot_rank_is_refused(editors_client, ranked_values, fields, message):
    response = editors_client.post(CRITERION_ADD_URL, criterion_form(ranked_values, **fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Criterion.objects.exists()


def test_a_ranking_must_keep_the_values_facts_already_hold(editors_client):
    hours = CriterionFactory(name="Vendor support hours", kind=Criterion.Kind.TEXT)
    FactFactory(
        product=ProductFactory(name="Tidewell Desk"), criterion=hours, support="", text="24/7"
    )

    response = editors_client.post(
        f"/admin/snippets/comparisons/criterion/edit/{hours.pk}/",
        criterion_form(["Weekdays 08:00-18:00", "Business hours"]),
    )

    assert response.status_code == 200
    assert "Tidewell Desk (All plans): “24/7”" in response.content.decode()
    assert not hours.ranked_values.exists()


def test_a_criterion_is_added_in_english_and_only_translated_into_japanese(editors_client):
    """From the Japanese listing an editor may press Add: a criterion of its own in
    Japanese would be one nothing refers to. The form says to add it in English."""
    Locale.objects.get_or_create(language_code="ja")

    response = editors_client.post(
        CRITERION_ADD_URL + "?locale=ja", criterion_form(["24/7", "Weekdays"])
    )

    assert response.status_code == 200
    assert "Add it in English first" in response.content.decode()
    assert not Criterion.objects.filter(name="Vendor support hours").exists()
    english = editors_client.post(CRITERION_ADD_URL, criterion_form(["24/7", "Weekdays"]))
    assert english.status_code == 302


def test_a_calculator_role_is_held_by_one_criterion_per_currency(editors_client):
    """Two seat prices in dollars and the calculator would read either: an editor is
    told which criterion holds the role already, and nothing is saved."""
    CriterionFactory(
        name="Price per seat, billed monthly",
        kind=Criterion.Kind.NUMBER,
        unit="USD / seat / month",
        pricing_role="seat_monthly",
    )
    starting = CriterionFactory(name="Starting price", kind=Criterion.Kind.NUMBER, unit="USD")
    as_seat_price = {
        "name": "Starting price",
        "kind": "number",
        "unit": "USD / agent / month",
        "direction": "lower",
        "pricing_role": "seat_monthly",
    }

    response = editors_client.post(
        f"/admin/snippets/comparisons/criterion/edit/{starting.pk}/",
        criterion_form([], **as_seat_price),
    )

    assert response.status_code == 200
    assert "“Price per seat, billed monthly” is already the calculator" in (
        response.content.decode()
    )
    starting.refresh_from_db()
    assert (starting.pricing_role, starting.unit) == ("", "USD")
    # In euros it is another price list's seat price; a pricing detail may be many.
    euros = editors_client.post(
        CRITERION_ADD_URL,
        criterion_form([], **as_seat_price | {"name": "Seat (EUR)", "unit": "EUR / seat / month"}),
    )
    assert euros.status_code == 302
    for name in ("Free plan", "Free trial"):
        detail = {"name": name, "kind": "support", "pricing_role": "pricing_info"}
        assert (
            editors_client.post(CRITERION_ADD_URL, criterion_form([], **detail)).status_code == 302
        )
