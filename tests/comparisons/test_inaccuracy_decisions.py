"""A reporter who left an e-mail address hears what an editor decided, as the form
promises: once per decision, in the language of the page they reported from, with the
reason the editor wrote for them and never the editor's own notes, and with where the
correction is listed. The decision is stored first; a mail server that is down loses
nothing, and the retry command sends it later."""

import io
import logging

from django.core import mail
from django.core.management import call_command
from django.utils import translation

import pytest

from comparisons import inaccuracy_reports
from comparisons.models import InaccuracyReport
from comparisons.table import ALL_PLANS
from tests.comparisons.factories import FactChangeFactory, InaccuracyReportFactory
from tests.comparisons.test_inaccuracy_reports import report_url, valid_report
from tests.home.translations import japanese

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/comparisons/inaccuracyreport/"
INTERNAL = "Checked with Sam from sales; Tidewell's rep was rude on the phone."
REASON = "Tidewell's changelog shows two years on the Business plan since March."


def edit_url(report):
    return f"{LIST_URL}edit/{report.pk}/"


@pytest.fixture
def report(reported_comparison):
    return InaccuracyReportFactory(
        page=reported_comparison.page,
        product=reported_comparison.rival,
        criterion=reported_comparison.retention,
        plan="Business",
        shown_value="365 days",
        claimed_value="730 days",
        email="jo@tidewell.example",
        language="en",
    )


def decide(editor, report, django_capture_on_commit_callbacks, **values):
    data = {"status": report.status, "editor_response": report.editor_response} | values
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(edit_url(report), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    return report


def test_an_editor_accepts_and_the_reporter_is_told_with_the_reason_and_the_log(
    editors_client, report, reported_comparison, django_capture_on_commit_callbacks
):
    change = FactChangeFactory(product=report.product, criterion=report.criterion, plan="Business")

    decide(
        editors_client,
        report,
        django_capture_on_commit_callbacks,
        status="accepted",
        editor_response=INTERNAL,
        public_reason=REASON,
        corrections_made=[change.pk],
    )

    assert report.status == InaccuracyReport.Status.ACCEPTED
    assert report.decision_notified_at is not None
    (email,) = mail.outbox
    assert email.to == ["jo@tidewell.example"]
    assert email.subject == "We corrected Tidewell Desk, Audit log retention after your report"
    assert "agreed: we have corrected the value" in email.body
    assert REASON in email.body
    assert INTERNAL not in email.body and "Sam from sales" not in email.body
    assert f"{reported_comparison.page.full_url}#corrections" in email.body
    assert "730 days" not in email.body, "nothing the reporter typed is repeated"


def test_re_saving_a_decision_does_not_send_it_again(
    editors_client, report, django_capture_on_commit_callbacks
):
    decide(
        editors_client,
        report,
        django_capture_on_commit_callbacks,
        status="declined",
        editor_response=INTERNAL,
    )
    decide(
        editors_client,
        report,
        django_capture_on_commit_callbacks,
        editor_response=INTERNAL + " Typo fixed.",
        public_reason="Added later.",
    )

    (email,) = mail.outbox
    assert email.subject == "Our decision on your report about Tidewell Desk, Audit log retention"
    assert "decided to keep the value as it is" in email.body
    assert "#corrections" not in email.body
    assert "The editor's reason" not in email.body, "none was written then"
    call_command("send_inaccuracy_report_emails", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_a_decision_made_from_code_is_sent_once_and_a_changed_one_again(
    report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report.status = InaccuracyReport.Status.DECLINED
        report.editor_response = INTERNAL
        report.save()
    with django_capture_on_commit_callbacks(execute=True):
        report.save()
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        report = InaccuracyReport.objects.get(pk=report.pk)
        report.status = InaccuracyReport.Status.ACCEPTED
        report.public_reason = REASON
        report.save()

    assert [email.subject.split()[0] for email in mail.outbox] == ["Our", "We"]


def test_no_address_no_e_mail(editors_client, report, django_capture_on_commit_callbacks):
    InaccuracyReport.objects.filter(pk=report.pk).update(email="")

    decide(
        editors_client,
        report,
        django_capture_on_commit_callbacks,
        status="declined",
        editor_response=INTERNAL,
    )

    assert report.status == InaccuracyReport.Status.DECLINED
    assert mail.outbox == []


def test_a_failing_mail_server_keeps_the_decision_and_the_retry_sends_it(
    editors_client, report, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.testimonials.failing_mail.FailingEmailBackend"

    with caplog.at_level(logging.ERROR, logger="home.tasks"):
        decide(
            editors_client,
            report,
            django_capture_on_commit_callbacks,
            status="declined",
            editor_response=INTERNAL,
            public_reason=REASON,
        )

    assert report.status == InaccuracyReport.Status.DECLINED
    assert report.editor_response == INTERNAL
    assert report.decision_notified_at is None
    assert "Could not send the decision e-mail for inaccuracy report" in caplog.text

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    output = io.StringIO()
    call_command("send_inaccuracy_report_emails", stdout=output)

    (email,) = mail.outbox
    assert REASON in email.body
    report.refresh_from_db()
    assert report.decision_notified_at is not None


def test_the_reporter_hears_in_the_language_of_the_page_they_reported_from(
    client,
    home_page,
    comparison_index,
    reported_comparison,
    no_report_delay,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    japanese(home_page), japanese(comparison_index)
    page = japanese(reported_comparison.page)
    reported_comparison.page = page
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(report_url(reported_comparison), valid_report(reported_comparison))
    assert sent.status_code == 302
    report = InaccuracyReport.objects.get()
    assert report.language == "ja"
    languages = []
    real_email = inaccuracy_reports.decision_email

    def spy(report):
        languages.append(translation.get_language())
        return real_email(report)

    monkeypatch.setattr(inaccuracy_reports, "decision_email", spy)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        report.status = InaccuracyReport.Status.ACCEPTED
        report.editor_response = INTERNAL
        report.save()

    assert languages == ["ja"]
    (email,) = mail.outbox
    assert "/ja/" in email.body, "the link is to the Japanese comparison"


def test_reports_decided_before_this_version_are_not_sent_by_the_retry(reported_comparison):
    InaccuracyReportFactory(
        page=reported_comparison.page,
        product=reported_comparison.rival,
        criterion=reported_comparison.retention,
        status=InaccuracyReport.Status.DECLINED,
        editor_response="Old decision.",
    )

    call_command("send_inaccuracy_report_emails", stdout=io.StringIO())

    assert mail.outbox == []


def test_a_value_for_every_plan_is_named_in_the_reporters_language(
    report, django_capture_on_commit_callbacks
):
    report.plan, report.language = ALL_PLANS, "ja"
    report.save()

    with django_capture_on_commit_callbacks(execute=True):
        report.status = InaccuracyReport.Status.DECLINED
        report.save()

    (email,) = mail.outbox
    assert "すべてのプラン" in email.body
    assert "All plans" not in email.body
