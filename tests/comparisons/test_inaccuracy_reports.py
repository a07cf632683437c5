"""Anyone, a competitor included, reports a wrong value on a comparison: the report is
stored first, then the editors are e-mailed; bad input is explained and stores nothing;
the form resists bots and floods like the testimonial form."""

import time

from django.core import mail
from django.core.management import call_command

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from bs4 import BeautifulSoup

from comparisons.inaccuracy_reports import InaccuracyReportForm
from comparisons.models import InaccuracyReport

pytestmark = pytest.mark.django_db


def report_url(comparison):
    return comparison.page.url + "report/"


def valid_report(comparison, **overrides):
    data = {
        "product": comparison.rival.pk,
        "criterion": comparison.retention.pk,
        "claimed_value": "730 days",
        "evidence_url": "https://tidewell.example/changelog/audit-log",
        "explanation": "Business plans keep the audit log for two years since March.",
        "reporter_name": "Jo Park",
        "reporter_organisation": "Tidewell Software",
        "email": "jo@tidewell.example",
        "website": "",
        "rendered_at": InaccuracyReportForm.time_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def post(client, reported_comparison, no_report_delay, django_capture_on_commit_callbacks):
    def send(data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(report_url(reported_comparison), data, **extra)

    return send


def test_the_comparison_links_to_the_form_from_the_disclosure_and_the_table(
    client, reported_comparison
):
    soup = BeautifulSoup(client.get(reported_comparison.page.url).content, "html.parser")

    disclosure_links = {a.get_text(strip=True): a["href"] for a in soup.select(".disclosure a")}
    assert disclosure_links["Report an inaccuracy"] == report_url(reported_comparison)
    assert disclosure_links["0 corrections"] == "#corrections"
    table_section = soup.select_one(".comparison-section")
    assert table_section.select_one(".report-link a")["href"] == report_url(reported_comparison)


def test_the_form_offers_only_what_the_page_compares_with_a_label_for_every_field(
    client, reported_comparison
):
    response = client.get(report_url(reported_comparison))
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    products = [o.get_text() for o in soup.select("#id_product option") if o["value"]]
    criteria = [o.get_text() for o in soup.select("#id_criterion option") if o["value"]]
    assert products == ["Fernhill Desk (All plans)", "Tidewell Desk (Business)"]
    assert criteria == ["Phone channel", "Audit log retention"]
    assert [group["label"] for group in soup.select("#id_criterion optgroup")] == [
        "Channels",
        "Security",
    ]
    form = soup.select_one("form.submission-form")
    for field in form.select("input:not([type=hidden]), select, textarea"):
        if field.find_parent(class_="honeypot"):
            continue
        assert form.select_one(f"label[for={field['id']}]"), field["name"]


def test_the_form_page_is_never_cached_by_shared_caches(client, reported_comparison):
    response = client.get(report_url(reported_comparison))

    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_link_may_name_the_cell_to_report(client, reported_comparison):
    query = f"?product={reported_comparison.ours.pk}&criterion={reported_comparison.phone.pk}"
    soup = BeautifulSoup(client.get(report_url(reported_comparison) + query).content, "html.parser")

    assert soup.select_one("#id_product option[selected]").get_text() == "Fernhill Desk (All plans)"
    assert soup.select_one("#id_criterion option[selected]").get_text() == "Phone channel"


def test_a_valid_report_is_stored_then_the_editors_are_emailed(client, post, reported_comparison):
    response = post(valid_report(reported_comparison))

    assert response.status_code == 302
    assert response["Location"] == report_url(reported_comparison) + "thanks/"
    report = InaccuracyReport.objects.get()
    assert (report.product, report.criterion) == (
        reported_comparison.rival,
        reported_comparison.retention,
    )
    assert (report.plan, report.shown_value, report.claimed_value) == (
        "Business",
        "365 days",
        "730 days",
    )
    assert report.page.specific == reported_comparison.page
    assert report.status == InaccuracyReport.Status.NEW
    assert report.notified_at is not None
    (message,) = mail.outbox
    assert message.to == ["corrections@candor.example"]
    assert message.reply_to == ["jo@tidewell.example"]
    assert "Tidewell Desk" in message.subject and "Audit log retention" in message.subject
    assert "https://tidewell.example/changelog/audit-log" in message.body
    assert f"/admin/snippets/comparisons/inaccuracyreport/edit/{report.pk}/" in message.body
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "corrections log" in thanks.content.decode()


def test_who_sent_it_is_optional(post, reported_comparison):
    response = post(
        valid_report(reported_comparison, reporter_name="", reporter_organisation="", email="")
    )

    assert response.status_code == 302
    report = InaccuracyReport.objects.get()
    assert (report.reporter_name, report.email) == ("", "")
    assert mail.outbox[0].reply_to == []


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"product": "outside"}, "product", "Choose one of the products compared on this page"),
        ({"product": "999999"}, "product", "Choose one of the products compared on this page"),
        ({"criterion": "outside"}, "criterion", "Choose one of the rows compared on this page"),
        ({"claimed_value": "  "}, "claimed_value", "Tell us the value you believe is correct"),
        ({"evidence_url": ""}, "evidence_url", "Give the address of a public page"),
        ({"evidence_url": "tidewell changelog"}, "evidence_url", "starting with http://"),
        ({"evidence_url": "ftp://tidewell.example/"}, "evidence_url", "starting with http://"),
        ({"evidence_url": "javascript:alert(1)"}, "evidence_url", "starting with http://"),
        ({"email": "jo@"}, "email", "Enter a valid email address"),
        ({"explanation": "x" * 2001}, "explanation", "at most 2000 characters"),
        ({"rendered_at": "forged"}, "rendered_at", "This form has expired"),
        ({"rendered_at": None}, "rendered_at", "This form has expired"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(
    post, reported_comparison, change, field, message
):
    if change.get("product") == "outside":
        change = {"product": reported_comparison.outside_product.pk}
    if change.get("criterion") == "outside":
        change = {"criterion": reported_comparison.outside_criterion.pk}

    response = post(valid_report(reported_comparison, **change))

    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not InaccuracyReport.objects.exists()
    assert not mail.outbox


def test_a_filled_honeypot_is_discarded_silently(post, reported_comparison):
    response = post(valid_report(reported_comparison, website="https://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == report_url(reported_comparison) + "thanks/"
    assert not InaccuracyReport.objects.exists()
    assert not mail.outbox


def test_a_report_sent_faster_than_anyone_types_is_refused(client, reported_comparison):
    response = client.post(report_url(reported_comparison), valid_report(reported_comparison))

    assert response.status_code == 400
    assert "quicker than anyone can type" in response.content.decode()
    assert not InaccuracyReport.objects.exists()


def test_a_report_sent_after_a_pause_is_accepted(client, reported_comparison, settings):
    settings.INACCURACY_REPORT_MIN_SECONDS = 4
    five_seconds_ago = InaccuracyReportForm.time_token(at=time.time() - 5)

    client.post(
        report_url(reported_comparison),
        valid_report(reported_comparison, rendered_at=five_seconds_ago),
    )

    assert InaccuracyReport.objects.count() == 1


def test_reports_are_rate_limited_per_address(post, reported_comparison, settings):
    settings.INACCURACY_REPORT_RATE_LIMIT = "2/m"
    for _ in range(2):
        assert post(valid_report(reported_comparison)).status_code == 302

    limited = post(valid_report(reported_comparison))
    spoofed = post(valid_report(reported_comparison), HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert limited.status_code == 429
    assert "Nothing was saved this time" in limited.content.decode()
    assert spoofed.status_code == 429, "a forged X-Forwarded-For must not dodge the limit"
    assert InaccuracyReport.objects.count() == 2


def test_the_testimonial_limit_and_the_report_limit_are_counted_apart(
    post, reported_comparison, settings, client, submission_page
):
    settings.INACCURACY_REPORT_RATE_LIMIT = "1/m"
    settings.TESTIMONIAL_RATE_LIMIT = "1/m"
    assert post(valid_report(reported_comparison)).status_code == 302

    testimonial = client.post(submission_page.url, {"quote": "Too short a form"})

    assert testimonial.status_code == 400, "one form's sendings must not use up the other's"


def test_a_failing_mail_server_loses_no_report(client, post, reported_comparison, settings, caplog):
    settings.EMAIL_BACKEND = "tests.testimonials.failing_mail.FailingEmailBackend"

    response = post(valid_report(reported_comparison))

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    report = InaccuracyReport.objects.get()
    assert report.notified_at is None
    assert "Could not send the e-mail for inaccuracy report" in caplog.text

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_inaccuracy_report_emails", verbosity=0)
    report.refresh_from_db()
    assert report.notified_at is not None
    assert len(mail.outbox) == 1


def test_without_a_corrections_address_the_report_is_still_stored(
    post, reported_comparison, site_settings, caplog
):
    site_settings.corrections_email = ""
    site_settings.save()

    assert post(valid_report(reported_comparison)).status_code == 302

    assert InaccuracyReport.objects.get().notified_at is None
    assert "no corrections e-mail is set" in caplog.text
    assert not mail.outbox


def test_a_draft_comparison_takes_no_reports(client, reported_comparison):
    reported_comparison.page.unpublish()

    assert client.get(report_url(reported_comparison)).status_code == 404


def test_a_new_comparison_can_be_previewed_before_its_first_save(
    admin_client, reported_comparison, comparison_index
):
    r = reported_comparison
    preview_url = f"/admin/pages/add/comparisons/comparisonpage/{comparison_index.pk}/preview/"
    form = nested_form_data(
        {
            "title": "A comparison in the making",
            "slug": "in-the-making",
            "compared_products": inline_formset(
                [{"product": p.pk, "plan": "All plans", "best_for": ""} for p in (r.ours, r.rival)]
            ),
            "compared_criteria": inline_formset([{"criterion": r.phone.pk}]),
            "author_name": "Ana Ortiz",
            "reviewed_on": "2026-01-15",
        }
    )

    assert admin_client.post(preview_url, form).json()["is_valid"]
    preview = admin_client.get(preview_url)

    assert preview.status_code == 200
    assert 'id="corrections"' in preview.content.decode()
