"""Editors see which facts need re-checking, oldest first."""

import datetime

from django.utils import timezone

import pytest

from tests.comparisons.factories import FactFactory, ProductFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/stale-facts/"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def facts(site_settings):
    tidewell = ProductFactory(name="Tidewell Desk")
    return {
        "fresh": FactFactory(product=tidewell, verified_on=days_ago(30)),
        "stale": FactFactory(product=tidewell, verified_on=days_ago(200)),
        "oldest": FactFactory(product=tidewell, verified_on=days_ago(400)),
    }


def test_report_lists_facts_older_than_the_freshness_limit_oldest_first(admin_client, facts):
    response = admin_client.get(URL)

    assert response.status_code == 200
    listed = list(response.context["object_list"])
    assert listed == [facts["oldest"], facts["stale"]]
    assert "verified more than 180 days ago" in response.content.decode()
    assert f"/admin/snippets/comparisons/product/edit/{facts['stale'].product_id}/" in (
        response.content.decode()
    )


def test_report_follows_the_freshness_limit_in_site_settings(admin_client, facts, site_settings):
    site_settings.freshness_limit_days = 20
    site_settings.save()

    listed = list(admin_client.get(URL).context["object_list"])

    assert facts["fresh"] in listed and len(listed) == 3


def test_report_exports_to_csv(admin_client, facts):
    response = admin_client.get(URL + "?export=csv")

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert body.count("Tidewell Desk") == 2


def test_report_is_for_editors_only(client, django_user_model, facts):
    user = django_user_model.objects.create_user("reader", password="pw")  # noqa: S106
    client.force_login(user)

    assert client.get(URL).status_code in {302, 403}
