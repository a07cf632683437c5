"""Every CSV export opens in a spreadsheet as text: what a visitor typed never runs as a
formula. Each export is downloaded by the role whose job it is."""

import csv
import datetime
import io

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from home.exports import neutralise, write_csv_row
from testimonials.models import DemoRequestSubmission, Testimonial
from tests.comparisons.factories import InaccuracyReportFactory
from tests.testimonials.advocate_factories import NpsResponseFactory
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","x")'
NOW = datetime.datetime(2025, 3, 14, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def as_role(client, django_user_model):
    def log_in(group):
        client.force_login(user_in_group(django_user_model, group, Group.objects.get(name=group)))
        return client

    return log_in


def exported_rows(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def snippet_list(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


def test_testimonials_as_a_moderator_exports_them(as_role):
    TestimonialFactory(author_name=FORMULA, author_company="@SUM(A1:A9)")

    (row,) = exported_rows(as_role("Moderators"), snippet_list(Testimonial))

    assert row["Name"] == f"'{FORMULA}"
    assert row["Company"] == "'@SUM(A1:A9)"
    assert row["Rating"] == "4"


def test_inaccuracy_reports_as_an_editor_exports_them(as_role):
    report = InaccuracyReportFactory(
        plan="+1 user", claimed_value="-5 stars", explanation="Sure.", reporter_organisation=FORMULA
    )

    (row,) = exported_rows(as_role("Editors"), snippet_list(type(report)))

    assert row["Plan compared"] == "'+1 user"
    assert row["Value the reporter believes is correct"] == "'-5 stars"
    assert row["Reporter's organisation"] == f"'{FORMULA}"
    assert row["Explanation"] == "Sure."


def test_nps_answers_as_an_editor_exports_them(as_role):
    answer = NpsResponseFactory(score=3, comment="-5 stars if I could", invitation__name=FORMULA)

    (row,) = exported_rows(as_role("Editors"), snippet_list(type(answer)))

    assert row["Score"] == "3"
    assert row["Comment"] == "'-5 stars if I could"
    assert row["Name"] == f"'{FORMULA}"


def test_demo_requests_as_sales_exports_them(as_role, demo_page):
    DemoRequestSubmission.objects.create(
        page=demo_page, form_data={"your_name": FORMULA, "work_e_mail": "ada@customer.example"}
    )
    url = reverse("wagtailforms:list_submissions", args=[demo_page.pk])

    (row,) = exported_rows(as_role("Sales"), url)

    assert row["Your name"] == f"'{FORMULA}"
    assert row["Work e-mail"] == "ada@customer.example"


def test_advocate_candidates_as_an_editor_exports_them(as_role):
    NpsResponseFactory(score=10, comment="\tTabbed", invitation__name="=1+1")

    (row,) = exported_rows(as_role("Editors"), reverse("testimonials_advocate_candidates"))

    assert row["Name"] == "'=1+1"
    assert row["Comment"] == "'\tTabbed"
    assert row["Score"] == "10"


def test_reconfirmation_due_as_an_editor_exports_it(as_role, site_settings):
    TestimonialFactory(
        approved=True,
        author_name="\rCarriage",
        author_company=FORMULA,
        submitted_at=timezone.now() - datetime.timedelta(days=800),
    )

    (row,) = exported_rows(as_role("Editors"), reverse("testimonials_reconfirmation_due"))

    assert row["Name"] == "'\rCarriage"
    assert row["Company"] == f"'{FORMULA}"


def test_site_history_names_records_as_text(as_role):
    """Wagtail's own report: a log entry names its record by what a visitor typed."""
    testimonial = TestimonialFactory(author_name=FORMULA)
    testimonial.save_revision(log_action=True)

    rows = exported_rows(as_role("Editors"), reverse("wagtailadmin_reports:site_history"))

    (row,) = [row for row in rows if row["Type"] == "Testimonial"]
    assert row["Name"].startswith("'=HYPERLINK")


def test_numbers_stay_numbers_and_text_that_starts_a_formula_does_not():
    assert neutralise(-5) == -5
    assert neutralise(-2.5) == -2.5
    assert neutralise("-5 stars") == "'-5 stars"
    assert neutralise("Fine -5") == "Fine -5"
    assert neutralise("") == ""


def test_a_negative_number_is_written_as_a_number():
    class Export:
        FORMAT_CSV = "csv"

        def preprocess_field_value(self, field, value, export_format):
            return value

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["load", "note"])

    write_csv_row(Export(), writer, {"load": -5, "note": "-5"})

    assert out.getvalue() == "-5,'-5\r\n"
