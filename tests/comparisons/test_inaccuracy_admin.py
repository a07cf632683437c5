"""Editors work through inaccuracy reports in the admin: a queue to filter and export,
the reporter's words read-only, a decision with a response, and a link to the
correction that settled it."""

import pytest
from bs4 import BeautifulSoup

from comparisons.models import InaccuracyReport
from tests.comparisons.factories import FactChangeFactory, InaccuracyReportFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/comparisons/inaccuracyreport/"


def edit_url(report):
    return f"{LIST_URL}edit/{report.pk}/"


def decision(report, **values):
    """The edit form as posted: only the decision is editable."""
    return {"status": report.status, "editor_response": report.editor_response} | values


@pytest.fixture
def report(reported_comparison):
    return InaccuracyReportFactory(
        page=reported_comparison.page,
        product=reported_comparison.rival,
        criterion=reported_comparison.retention,
        plan="Business",
        shown_value="365 days",
        claimed_value="730 days",
        reporter_organisation="Tidewell Software",
    )


def test_the_queue_lists_reports_and_filters_them_by_status_and_product(
    admin_client, report, reported_comparison
):
    other = InaccuracyReportFactory(
        product=reported_comparison.ours,
        criterion=reported_comparison.phone,
        claimed_value="Partial",
        status=InaccuracyReport.Status.DECLINED,
    )

    everything = admin_client.get(LIST_URL).content.decode()
    new_only = admin_client.get(LIST_URL + "?status=new").content.decode()
    ours_only = admin_client.get(LIST_URL + f"?product={reported_comparison.ours.pk}")

    assert "730 days" in everything and "Partial" in everything
    assert "730 days" in new_only and "Partial" not in new_only
    assert "Partial" in ours_only.content.decode()
    assert "730 days" not in ours_only.content.decode()
    assert other.pk


def test_the_queue_is_in_the_comparisons_menu_and_exports(admin_client, report):
    menu = admin_client.get("/admin/").content.decode()
    export = admin_client.get(LIST_URL + "?export=csv")

    assert LIST_URL in menu
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode()
    assert "730 days" in content and "Tidewell Software" in content
    assert report.email not in content, "the reporter's e-mail stays out of exports"


def test_editors_cannot_add_a_report_by_hand(admin_client, report):
    listing = admin_client.get(LIST_URL).content.decode()

    assert f"{LIST_URL}add/" not in listing
    assert admin_client.get(f"{LIST_URL}add/").status_code in (302, 403)


def test_the_reporters_words_are_shown_read_only(admin_client, report):
    soup = BeautifulSoup(admin_client.get(edit_url(report)).content, "html.parser")
    form = soup.select_one("form[data-edit-form]") or soup.select_one("main form[enctype]")

    assert "730 days" in form.get_text()
    assert "Tidewell Software" in form.get_text()
    assert not form.select("[name=claimed_value], [name=evidence_url], [name=email]")
    assert form.select("[name=status]") and form.select("[name=editor_response]")


def test_an_editor_accepts_a_report_and_links_the_correction(
    admin_client, admin_user, report, client, reported_comparison
):
    change = FactChangeFactory(
        product=report.product,
        criterion=report.criterion,
        plan="Business",
        old_value="365 days",
        new_value="730 days",
        reason="Tidewell keeps audit logs for two years since March.",
    )
    unrelated = FactChangeFactory(product=report.product, criterion=reported_comparison.phone)

    response = admin_client.post(
        edit_url(report),
        decision(
            report,
            status="accepted",
            editor_response="Confirmed on Tidewell's changelog and security page.",
            corrections_made=[change.pk],
        ),
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == InaccuracyReport.Status.ACCEPTED
    assert (report.decided_by, report.decided_at is not None) == (admin_user, True)
    assert report.claimed_value == "730 days"
    assert list(report.corrections.all()) == [change]
    unrelated.refresh_from_db()
    assert unrelated.report is None
    page = client.get(reported_comparison.page.url).content.decode()
    assert "after a reader&#x27;s report" in page or "after a reader's report" in page


def test_only_corrections_of_the_reported_cell_are_offered(
    admin_client, report, reported_comparison
):
    same_cell = FactChangeFactory(product=report.product, criterion=report.criterion)
    other_cell = FactChangeFactory(product=report.product, criterion=reported_comparison.phone)

    soup = BeautifulSoup(admin_client.get(edit_url(report)).content, "html.parser")
    offered = {int(box["value"]) for box in soup.select("[name=corrections_made]")}

    assert offered == {same_cell.pk}
    assert other_cell.pk not in offered


def test_an_editor_declines_with_a_response(admin_client, report):
    response = admin_client.post(
        edit_url(report),
        decision(
            report,
            status="declined",
            editor_response="The changelog describes the Enterprise plan, not Business.",
        ),
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == InaccuracyReport.Status.DECLINED
    assert report.editor_response.startswith("The changelog describes")


def test_a_decision_needs_a_response(admin_client, report):
    response = admin_client.post(edit_url(report), decision(report, status="declined"))

    assert response.status_code == 200
    assert "Say why you accepted or declined the report" in response.content.decode()
    report.refresh_from_db()
    assert report.status == InaccuracyReport.Status.NEW


def test_a_decided_report_does_not_go_back_to_new(admin_client, report):
    report.status = InaccuracyReport.Status.DECLINED
    report.editor_response = "Not on the Business plan."
    report.save()

    response = admin_client.post(edit_url(report), decision(report, status="new"))

    assert response.status_code == 200
    assert "A decided report stays decided" in response.content.decode()


def test_a_declined_report_settles_no_correction(admin_client, report):
    change = FactChangeFactory(product=report.product, criterion=report.criterion)

    response = admin_client.post(
        edit_url(report),
        decision(
            report, status="declined", editor_response="Not so.", corrections_made=[change.pk]
        ),
    )

    assert response.status_code == 200
    assert "Only an accepted report settles a correction" in response.content.decode()
    change.refresh_from_db()
    assert change.report is None


def test_the_corrections_log_is_listed_for_editors(admin_client):
    change = FactChangeFactory(reason="Price rose in April.")

    listing = admin_client.get("/admin/snippets/comparisons/factchange/")

    assert listing.status_code == 200
    assert "Price rose in April." in listing.content.decode()
    assert "/admin/snippets/comparisons/factchange/add/" not in listing.content.decode()
    assert change.pk
