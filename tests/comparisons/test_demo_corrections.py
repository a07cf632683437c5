"""The demo shows corrections at work: values changed with a reason, one after a
competitor's report, and a queue with reports accepted, declined and waiting."""

from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from comparisons.models import ComparisonPage, FactChange, InaccuracyReport


def corrections_and_reports():
    return FactChange.objects.count(), InaccuracyReport.objects.count()


def test_loading_the_demo_again_adds_no_corrections_or_reports(demo_site):
    before = corrections_and_reports()

    call_command("load_demo_content", verbosity=0)

    assert corrections_and_reports() == before


def test_the_demo_queue_holds_every_kind_of_decision(demo_site):
    statuses = set(InaccuracyReport.objects.values_list("status", flat=True))
    accepted = InaccuracyReport.objects.get(status=InaccuracyReport.Status.ACCEPTED)

    assert statuses == {"new", "accepted", "declined"}
    assert accepted.reporter_organisation == "Tidewell Systems"
    assert accepted.corrections.get().new_value == "730 days"


def test_the_demo_comparison_shows_its_corrections(client, demo_site):
    page = ComparisonPage.objects.filter(locale__language_code="en").get(
        slug="fernhill-desk-vs-tidewell-desk-vs-quillory"
    )

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    entries = [item.get_text(" ", strip=True) for item in soup.select("#corrections li")]

    assert len(entries) == 2
    assert "Fernhill Desk , Median first reply (Team) : was 1.5 hours → now 2 hours" in entries[0]
    assert "was 365 days → now 730 days" in entries[1]
    assert "after a reader's report" in entries[1]


@pytest.mark.parametrize("slug", ["fernhill-desk-vs-tidewell-desk-vs-quillory"])
def test_the_demo_report_form_is_served(client, demo_site, slug):
    page = ComparisonPage.objects.filter(locale__language_code="en").get(slug=slug)

    response = client.get(page.url + "report/")

    assert response.status_code == 200
    assert "Tidewell Desk (Business)" in response.content.decode()
