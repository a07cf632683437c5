"""Editors manage products, their facts and criteria with Wagtail's snippet views."""

from django.contrib.auth.models import Group

import pytest
from bs4 import BeautifulSoup

from comparisons.models import Criterion
from tests.comparisons.factories import CriterionFactory, FactFactory, ProductFactory

pytestmark = pytest.mark.django_db


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
        "/admin/snippets/comparisons/criterion/add/",
        {
            "name": "Audit log retention",
            "group": "Security",
            "help_text": "How long the audit log keeps entries.",
            "kind": "number",
            "unit": "days",
            "direction": "higher",
            "sort_order": "2",
        },
    )

    assert response.status_code == 302
    criterion = Criterion.objects.get(name="Audit log retention")
    assert criterion.is_ranked and criterion.unit == "days"


def test_stale_facts_report_is_in_the_reports_menu(admin_client):
    response = admin_client.get("/admin/")

    assert "/admin/reports/stale-facts/" in response.content.decode()


def test_the_criterion_chooser_shows_what_kind_of_value_each_takes(client, django_user_model):
    """The fact form asks for the value in the field that matches the criterion's kind:
    the editor choosing the criterion sees that kind, with its group and unit."""
    CriterionFactory(name="Starting price", group="Pricing", kind="number", unit="USD / month")
    CriterionFactory(name="SAML single sign-on", group="Security", kind="support")
    editor = django_user_model.objects.create_user(username="edna", password="unused-here")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.get("/admin/snippets/choose/comparisons/criterion/")

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
