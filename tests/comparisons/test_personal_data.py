"""Someone who reported an inaccuracy asks for a copy of their data or its erasure:
who they are goes, what they said about the product stays."""

import pytest

from comparisons.models import InaccuracyReport
from home.personal_data import erase_personal_data, export_personal_data
from tests.comparisons.factories import InaccuracyReportFactory

pytestmark = pytest.mark.django_db

ADDRESS = "Jo.Park@Tidewell.example"


@pytest.fixture
def reports(reported_comparison):
    mine = InaccuracyReportFactory(
        page=reported_comparison.page,
        product=reported_comparison.rival,
        criterion=reported_comparison.retention,
        plan="Business",
        claimed_value="730 days",
        evidence_url="https://tidewell.example/changelog/audit-log",
        explanation="Jo Park here: retention doubled in March. Write to jo.park@tidewell.example.",
        reporter_name="Jo Park",
        reporter_organisation="Tidewell Software",
        email=ADDRESS,
        status=InaccuracyReport.Status.ACCEPTED,
        editor_response="Confirmed with Jo Park by e-mail.",
    )
    someone_else = InaccuracyReportFactory(
        product=reported_comparison.ours, reporter_name="Sam Lee", email="sam@example.com"
    )
    return mine, someone_else


def test_the_export_holds_their_reports_and_nobody_elses(reports):
    data = export_personal_data(ADDRESS.lower())["data"]["inaccuracy_reports"]

    (report,) = data
    assert report["reporter"] == {
        "name": "Jo Park",
        "organisation": "Tidewell Software",
        "email": ADDRESS,
    }
    assert (report["product"], report["criterion"], report["value_claimed"]) == (
        "Tidewell Desk",
        "Audit log retention",
        "730 days",
    )
    assert report["comparison"] == "Fernhill Desk vs Tidewell Desk"
    assert report["status"] == "accepted"


def test_erasing_keeps_the_report_and_forgets_who_sent_it(reports):
    mine, someone_else = reports

    erased = erase_personal_data(ADDRESS.upper())

    assert erased["inaccuracy_reports"] == 1
    mine.refresh_from_db()
    assert (mine.reporter_name, mine.reporter_organisation, mine.email) == ("", "", "")
    assert (mine.claimed_value, mine.evidence_url, mine.status) == (
        "730 days",
        "https://tidewell.example/changelog/audit-log",
        InaccuracyReport.Status.ACCEPTED,
    )
    assert "Jo Park" not in mine.explanation and "jo.park@" not in mine.explanation.lower()
    assert "retention doubled in March" in mine.explanation
    assert "Jo Park" not in mine.editor_response
    someone_else.refresh_from_db()
    assert (someone_else.reporter_name, someone_else.email) == ("Sam Lee", "sam@example.com")
    assert export_personal_data(ADDRESS)["data"]["inaccuracy_reports"] == []
