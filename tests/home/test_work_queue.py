"""The dashboard's work queue: home shows what the apps register through the
register_work_queue_items hook, to the users who may work on it, in the apps' order."""

from wagtail import hooks

import pytest
from bs4 import BeautifulSoup

from home.dashboard import WorkQueueItem

pytestmark = pytest.mark.django_db


def queue_labels(client):
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    section = soup.find(id="candor-work-queue-section")
    return [row.th.get_text(strip=True) for row in section.select("tbody tr")] if section else []


def extra_queue(permission, order):
    return lambda: [
        WorkQueueItem(
            label="Extra queue",
            permission=permission,
            count=lambda request: 7,
            url="/admin/extra/",
            order=order,
        )
    ]


def test_a_registered_queue_takes_its_place_in_order(admin_client, site_settings):
    with hooks.register_temporarily(
        "register_work_queue_items", extra_queue("wagtailadmin.access_admin", 35)
    ):
        labels = queue_labels(admin_client)

    assert labels.index("Inaccuracy reports to decide") < labels.index("Extra queue")
    assert labels.index("Extra queue") < labels.index("Stale facts to re-check")


def test_a_queue_is_shown_only_with_its_permission(sales_client, site_settings):
    with hooks.register_temporarily(
        "register_work_queue_items", extra_queue("comparisons.change_product", 35)
    ):
        assert "Extra queue" not in queue_labels(sales_client)
    with hooks.register_temporarily(
        "register_work_queue_items", extra_queue("wagtailadmin.access_admin", 35)
    ):
        assert queue_labels(sales_client) == ["Extra queue"]
