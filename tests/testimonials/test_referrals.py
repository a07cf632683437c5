"""Referral links count visits per advocate without anything about the visitor, and a
demo request sent afterwards is counted as that advocate's conversion."""

import datetime
import time

from django.core import mail, signing
from django.utils import timezone

import pytest

from testimonials.forms import DemoRequestForm
from testimonials.models import Advocate, DemoRequestSubmission, ReferralVisitDay
from testimonials.referrals import COOKIE_NAME, COOKIE_SALT, record_visit
from tests.testimonials.advocate_factories import AdvocateFactory

pytestmark = pytest.mark.django_db


def demo_form(**values):
    return {
        "your_name": "Iris Novak",
        "work_e_mail": "iris@prospect.example",
        "website": "",
        "rendered_at": DemoRequestForm.time_token(at=time.time() - 60),
    } | values


def test_a_referral_link_counts_the_visit_and_leads_to_the_advocates_page(
    client, home_page, demo_page
):
    advocate = AdvocateFactory(referral_code="maya", referral_page=demo_page)

    response = client.get("/r/MAYA/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Secret/1.0")
    client.get("/r/maya/")

    assert response.status_code == 302 and response["Location"] == demo_page.url
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    counts = list(ReferralVisitDay.objects.values())
    assert counts == [
        {
            "id": counts[0]["id"],
            "advocate_id": advocate.pk,
            "day": timezone.localdate(),
            "visits": 2,
        }
    ], "a count per day and nothing else"


def test_a_link_without_a_page_leads_home_and_an_unknown_code_is_not_found(client, home_page):
    AdvocateFactory(referral_code="northfield")

    assert client.get("/r/northfield/")["Location"] == home_page.url
    assert client.get("/r/nobody/").status_code == 404
    assert ReferralVisitDay.objects.get().visits == 1


def test_visits_are_counted_per_day(db):
    advocate = AdvocateFactory()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    record_visit(advocate, yesterday)
    record_visit(advocate)
    record_visit(advocate)

    assert dict(ReferralVisitDay.objects.values_list("day", "visits")) == {
        yesterday: 1,
        timezone.localdate(): 2,
    }


def test_a_demo_request_after_a_referral_is_the_advocates_conversion(
    client, demo_page, no_demo_request_delay, django_capture_on_commit_callbacks
):
    advocate = AdvocateFactory(referral_code="maya", referral_page=demo_page)
    client.get("/r/maya/")

    form = client.get(demo_page.url)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(demo_page.url, demo_form())

    assert "private" in form["Cache-Control"], "the form carries a CSRF token"
    assert sent.status_code == 302 and sent["Location"].endswith("/thanks/")
    submission = DemoRequestSubmission.objects.get()
    assert submission.referred_by == advocate
    assert submission.form_data == {
        "your_name": "Iris Novak",
        "work_e_mail": "iris@prospect.example",
    }, "only what the form asks: no guard fields, no address or browser"
    assert mail.outbox[0].to == ["sales@candor.example"]
    counted = Advocate.objects.with_referral_counts().get(pk=advocate.pk)
    assert (counted.referral_visits, counted.referral_conversions) == (1, 1)


def test_a_demo_request_without_a_referral_is_counted_for_nobody(
    client, demo_page, no_demo_request_delay
):
    client.post(demo_page.url, demo_form())

    assert DemoRequestSubmission.objects.get().referred_by is None


def test_a_forged_referral_cookie_is_ignored(client, demo_page, no_demo_request_delay):
    advocate = AdvocateFactory(referral_code="maya")
    client.cookies[COOKIE_NAME] = str(advocate.pk)

    client.post(demo_page.url, demo_form())

    assert DemoRequestSubmission.objects.get().referred_by is None


def test_a_genuine_cookie_for_a_deleted_advocate_is_ignored(
    client, demo_page, no_demo_request_delay
):
    client.cookies[COOKIE_NAME] = signing.get_cookie_signer(salt=COOKIE_NAME + COOKIE_SALT).sign(
        "999"
    )

    client.post(demo_page.url, demo_form())

    assert DemoRequestSubmission.objects.get().referred_by is None


def test_the_demo_form_refuses_bots_and_invalid_input(client, demo_page, no_demo_request_delay):
    bot = client.post(demo_page.url, demo_form(website="http://spam.example"))
    invalid = client.post(demo_page.url, demo_form(work_e_mail="not an address"))

    assert bot.status_code == 302
    assert invalid.status_code == 400
    assert not DemoRequestSubmission.objects.exists()


def test_a_failing_mail_server_keeps_the_request(
    client, settings, demo_page, no_demo_request_delay, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.testimonials.failing_mail.FailingEmailBackend"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(demo_page.url, demo_form())

    assert response.status_code == 302
    assert DemoRequestSubmission.objects.count() == 1


def test_advocates_list_their_visits_and_conversions(admin_client, demo_page):
    advocate = AdvocateFactory(name="Maya Okafor", referral_code="maya")
    ReferralVisitDay.objects.create(advocate=advocate, day=timezone.localdate(), visits=7)
    DemoRequestSubmission.objects.create(page=demo_page, form_data={}, referred_by=advocate)

    listing = admin_client.get("/admin/snippets/testimonials/advocate/").content.decode()
    export = admin_client.get("/admin/snippets/testimonials/advocate/?export=csv")

    assert "Maya Okafor" in listing
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert "Referral visits" in rows[0] and "Demo requests" in rows[0]
    assert rows[1].endswith(",maya,7,1")


def test_demo_requests_are_listed_with_their_referral_in_wagtails_forms(admin_client, demo_page):
    advocate = AdvocateFactory(name="Maya Okafor")
    DemoRequestSubmission.objects.create(
        page=demo_page, form_data={"your_name": "Iris Novak"}, referred_by=advocate
    )

    listing = admin_client.get(f"/admin/forms/submissions/{demo_page.pk}/")
    export = admin_client.get(f"/admin/forms/submissions/{demo_page.pk}/?export=csv")

    assert "Iris Novak" in listing.content.decode() and "Maya Okafor" in listing.content.decode()
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert "Referred by" in rows[0] and "Maya Okafor" in rows[1]
