"""The invitation funnel on the dashboard and in its report: invited, answered and
published per campaign and per product, for Editors and Moderators (not Sales), with a
CSV export a spreadsheet opens as text, at a fixed number of queries."""

import csv
import io

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from tests.comparisons.factories import ProductFactory
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.collection_records import at, campaign, contact, invite, received
from tests.testimonials.test_role_matrix import outcome

pytestmark = pytest.mark.django_db

REPORT = "testimonials_campaign_funnel"


@pytest.fixture
def as_role(client, django_user_model):
    def log_in(group):
        user = user_in_group(django_user_model, group.lower(), Group.objects.get(name=group))
        client.force_login(user)
        return client

    return log_in


def launched(product, name, when, answers):
    """A campaign that invited three customers; ``answers`` of them answered, the first
    answer published and the others pending."""
    run = campaign(product, when, name)
    for n in range(3):
        person = contact(product, f"{name.replace(' ', '')}{n}")
        answered_at = when if n < answers else None
        invitation = invite(run, person, when, answered_at=answered_at)
        if answered_at:
            state = "approved" if n == 0 else "pending"
            received(product, when, 5 - n, "invited", state, invitation=invitation)
    return run


@pytest.fixture
def campaigns(home_page):
    desk = ProductFactory(ours=True, name="Fernhill Desk")
    chat = ProductFactory(ours=True, name="Fernhill Chat")
    launched(desk, "Spring desk", at(2026, 4, 1), answers=2)
    launched(chat, '=HYPERLINK("http://evil.example","x")', at(2026, 9, 1), answers=1)
    launched(desk, "Autumn desk", at(2026, 10, 1), answers=0)
    campaign(desk, None)  # a draft: not launched, not in the funnel
    return desk, chat


def panel(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(
        "#candor-campaign-funnel-section"
    )


def rows(table):
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in table.select("tbody tr")
    ]


def test_editors_see_each_campaign_and_product_newest_first(as_role, campaigns):
    found = panel(as_role("Editors"))

    by_campaign, by_product = found.select("table.listing")
    assert rows(by_campaign) == [
        ["Autumn desk", "Fernhill Desk", "1 October 2026", "3", "0", "0", "0%"],
        [
            '=HYPERLINK("http://evil.example","x")',
            "Fernhill Chat",
            "1 September 2026",
            "3",
            "1",
            "1",
            "33%",
        ],
        ["Spring desk", "Fernhill Desk", "1 April 2026", "3", "2", "1", "67%"],
    ]
    assert rows(by_product) == [["Fernhill Chat", "3", "1", "1"], ["Fernhill Desk", "6", "2", "1"]]
    charts = found.select("svg[role=img] title")
    assert [title.get_text() for title in charts[:1]] == [
        "Invited, answered and published, by campaign"
    ]
    assert found.select_one("a[download]")["href"] == reverse(REPORT) + "?export=csv"


def test_moderators_see_it_and_sales_do_not(as_role, campaigns):
    assert panel(as_role("Moderators")) is not None
    assert panel(as_role("Sales")) is None


def test_the_csv_neutralises_formulas(as_role, campaigns):
    response = as_role("Editors").get(reverse(REPORT) + "?export=csv")

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(content)))
    assert table[0] == [
        "Campaign",
        "Product",
        "Launched",
        "Invited",
        "Answered",
        "Bounced",
        "Published",
        "Response rate (%)",
    ]
    assert [row[0] for row in table[1:]] == [
        "Autumn desk",
        '\'=HYPERLINK("http://evil.example","x")',
        "Spring desk",
    ]
    assert table[3][1:] == ["Fernhill Desk", "2026-04-01", "3", "2", "0", "1", "67"]


def test_sales_may_not_open_the_report_or_its_export(as_role, campaigns):
    sales = as_role("Sales")

    assert outcome(sales.get(reverse(REPORT))) == "denied"
    assert outcome(sales.get(reverse(REPORT) + "?export=csv")) == "denied"


def test_the_panel_costs_the_same_queries_as_campaigns_grow(as_role, campaigns):
    editor = as_role("Editors")
    editor.get(reverse("wagtailadmin_home"))
    with CaptureQueriesContext(connection) as few:
        panel(editor)
    desk, chat = campaigns
    for n in range(10):
        launched(chat if n % 2 else desk, f"More {n}", at(2026, 5, 1 + n), answers=n % 3)
    with CaptureQueriesContext(connection) as many:
        found = panel(editor)

    assert len(rows(found.select("table.listing")[0])) == 8
    assert len(many) == len(few)
