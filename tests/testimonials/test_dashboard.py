"""The editors' dashboard on the admin home: what waits for them, the advocate
program's state, and charts with text alternatives; a fixed number of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from testimonials.models import DemoRequestSubmission, ReferralVisitDay, Testimonial
from tests.comparisons.factories import FactFactory, InaccuracyReportFactory
from tests.testimonials.advocate_factories import (
    AdvocateActivityFactory,
    AdvocateFactory,
    DemoRequestPageFactory,
    NpsResponseFactory,
    ReferenceRequestFactory,
)
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

PANELS = [
    "candor-work-queue",
    "candor-reconfirmation",
    "candor-advocates-at-limit",
    "candor-nps",
    "candor-testimonial-trend",
    "candor-referral-trend",
]


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def panel(soup, panel_id):
    """Wagtail's {% panel %} wraps its content in a section with this id."""
    return soup.find(id=f"{panel_id}-section")


def text_of(soup, panel_id):
    return panel(soup, panel_id).get_text(" ", strip=True)


def add_program_data(home_page, count=1):
    """Some of everything the dashboard shows, ``count`` times over."""
    now = timezone.now()
    demo_page = DemoRequestPageFactory(parent=home_page, slug=f"demo-{count}")
    for n in range(count):
        TestimonialFactory(rating=(n % 5) + 1)
        old = TestimonialFactory(approved=True, submitted_at=now - datetime.timedelta(days=400))
        old.save_revision().publish()
        InaccuracyReportFactory()
        FactFactory(verified_on=timezone.localdate() - datetime.timedelta(days=400))
        ReferenceRequestFactory()
        advocate = AdvocateFactory(referral_code=f"code-{count}-{n}")
        AdvocateActivityFactory.create_batch(2, advocate=advocate)
        NpsResponseFactory(score=n % 11)
        NpsResponseFactory(score=10, answered_at=now - datetime.timedelta(days=45))
        ReferralVisitDay.objects.create(advocate=advocate, day=timezone.localdate(), visits=3)
        DemoRequestSubmission.objects.create(page=demo_page, form_data={}, referred_by=advocate)


def test_an_editor_sees_every_panel_without_data(editor_client, site_settings):
    soup = dashboard(editor_client)

    for panel_id in PANELS:
        assert panel(soup, panel_id), panel_id
    assert "No answers in the last 12 months" in text_of(soup, "candor-nps")
    assert "No advocate has reached the limit" in text_of(soup, "candor-advocates-at-limit")
    assert "Every published testimonial" in text_of(soup, "candor-reconfirmation")
    charts = soup.select("svg[role=img]")
    assert charts, "the charts are drawn, empty"
    for chart in charts:
        assert chart.find("title").get_text() and chart.find("desc").get_text()
        assert not chart.find_all("rect", recursive=False), "no bars without data"


def test_an_editor_sees_the_numbers_with_data(editor_client, site_settings, home_page):
    add_program_data(home_page)

    soup = dashboard(editor_client)

    queue = text_of(soup, "candor-work-queue")
    for label in (
        "Testimonials to moderate",
        "Testimonials up for re-confirmation",
        "Inaccuracy reports to decide",
        "Stale facts to re-check",
        "Reference requests to decide",
    ):
        assert label in queue
    nps = text_of(soup, "candor-nps")
    assert "NPS 0 from 2 answers" in nps  # a 0 (detractor) and a 10 (promoter)
    assert "Fewer than 30 answers" in nps
    assert "asked 2 times or more this quarter" in text_of(soup, "candor-advocates-at-limit")
    assert panel(soup, "candor-advocates-at-limit").find("td")


def test_charts_have_text_alternatives_and_a_data_table(editor_client, site_settings, home_page):
    add_program_data(home_page)

    soup = dashboard(editor_client)
    chart = panel(soup, "candor-testimonial-trend").find("figure")

    svg = chart.find("svg")
    labelled_by = svg["aria-labelledby"].split()
    assert [soup.find(id=ident).name for ident in labelled_by] == ["title", "desc"]
    assert "testimonials received in the last 12 months" in svg.find("desc").text
    table = chart.find("table")
    assert "w-sr-only" in table["class"]
    assert table.find("caption").text == "Testimonials received per month, by rating"
    headers = [th.text for th in table.select("thead th")]
    assert headers == [
        "Month",
        "5 out of 5",
        "4 out of 5",
        "3 out of 5",
        "2 out of 5",
        "1 out of 5",
        "No rating",
    ]
    assert len(table.select("tbody tr")) == 12
    assert svg.find_all("rect"), "bars for this month"
    referrals = panel(soup, "candor-referral-trend").find("table")
    last_row = [cell.text for cell in referrals.select("tbody tr")[-1].find_all(["th", "td"])]
    assert last_row[1:] == ["3", "1"]


def test_dashboard_queries_do_not_grow_with_data(editor_client, site_settings, home_page):
    add_program_data(home_page, count=1)
    editor_client.get("/admin/")
    with CaptureQueriesContext(connection) as small:
        editor_client.get("/admin/")

    add_program_data(home_page, count=15)
    with CaptureQueriesContext(connection) as large:
        editor_client.get("/admin/")

    assert len(large) == len(small)


def test_sales_see_no_editor_panels(sales_client, site_settings):
    ReferenceRequestFactory()
    TestimonialFactory()

    soup = dashboard(sales_client)

    for panel_id in PANELS:
        assert not panel(soup, panel_id), panel_id


def test_superusers_see_the_dashboard_too(admin_client, site_settings, home_page):
    add_program_data(home_page)

    soup = dashboard(admin_client)

    assert all(panel(soup, panel_id) for panel_id in PANELS)
    assert Testimonial.objects.exists()
