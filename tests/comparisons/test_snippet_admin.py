"""Editors manage products, their facts and criteria with Wagtail's snippet views."""

import pytest

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
