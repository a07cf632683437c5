"""Testimonials stay up only while their authors are customers: the daily command asks
authors whose confirmation is older than the period, a one-click link answers, and
after the grace period without an answer the testimonial is unpublished. Nothing is
deleted, every step is recorded, and running the command again asks nobody twice."""

import datetime
import io
import re

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry, Revision

import pytest

from testimonials.advocacy.reconfirmation import needing_reconfirmation
from testimonials.links import reconfirmation_link
from testimonials.models import ReconfirmationRequest, Testimonial
from tests.testimonials.advocate_factories import AdvocateFactory
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+(/testimonials/reconfirm/\S+/)")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def published(**fields):
    """A testimonial approved and published the way an editor does it."""
    testimonial = TestimonialFactory(**fields)
    testimonial.save_revision().publish()
    testimonial.refresh_from_db()
    return testimonial


def run():
    call_command("send_reconfirmation_requests", stdout=io.StringIO())


def link_in(message):
    return LINK.search(message.body).group(1)


@pytest.fixture
def old_testimonial(site_settings):
    return published(
        submitted_at=days_ago(400), email="Ada@Customer.example", author_name="Ada Byron"
    )


def test_only_published_customer_testimonials_past_the_period_are_flagged(site_settings):
    old = published(submitted_at=days_ago(400))
    published(submitted_at=days_ago(300))
    published(submitted_at=days_ago(400), relationship=Testimonial.Relationship.EMPLOYEE)
    TestimonialFactory(submitted_at=days_ago(400))  # pending: not shown anyway
    renewed = AdvocateFactory(customer_as_of=days_ago(700).date(), reconfirmed_on=days_ago(5))
    published(submitted_at=days_ago(400), advocate=renewed)
    lapsed_advocate = AdvocateFactory(customer_as_of=days_ago(700).date())
    by_advocate = published(submitted_at=days_ago(400), advocate=lapsed_advocate)

    assert set(needing_reconfirmation(site_settings)) == {old, by_advocate}

    site_settings.reconfirmation_months = 24
    assert not needing_reconfirmation(site_settings).exists()


def test_the_command_asks_once_and_a_click_keeps_the_testimonial(
    client, old_testimonial, site_settings
):
    run()
    run()  # the next day: nobody is asked twice

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@customer.example"]
    assert "Hello Ada Byron" in message.body and old_testimonial.product.name in message.body
    request = ReconfirmationRequest.objects.get()
    assert request.sent_at is not None and list(request.testimonials.all()) == [old_testimonial]

    path = link_in(message)
    question = client.get(path)
    answer = client.post(path, {"answer": "yes"})

    assert "Yes, I am still a customer" in question.content.decode()
    assert "private" in question["Cache-Control"]
    assert "stays on our site" in answer.content.decode()
    request.refresh_from_db()
    assert request.outcome == ReconfirmationRequest.Outcome.CONFIRMED
    assert not needing_reconfirmation(site_settings).exists()

    run()
    assert len(mail.outbox) == 1
    old_testimonial.refresh_from_db()
    assert old_testimonial.live


def test_without_an_answer_the_testimonial_is_unpublished_after_the_grace_period(
    old_testimonial, site_settings
):
    run()
    request = ReconfirmationRequest.objects.get()
    revisions = Revision.objects.for_instance(old_testimonial).count()

    # One day short of the grace period: still up.
    ReconfirmationRequest.objects.filter(pk=request.pk).update(
        sent_at=days_ago(site_settings.reconfirmation_grace_days - 1)
    )
    run()
    old_testimonial.refresh_from_db()
    assert old_testimonial.live

    ReconfirmationRequest.objects.filter(pk=request.pk).update(
        sent_at=days_ago(site_settings.reconfirmation_grace_days + 1)
    )
    run()
    run()

    old_testimonial.refresh_from_db()
    request.refresh_from_db()
    assert not old_testimonial.live
    assert old_testimonial.status == Testimonial.Status.APPROVED  # not rejected, not erased
    assert old_testimonial.quote and Revision.objects.for_instance(old_testimonial).count() == (
        revisions
    )
    assert not Testimonial.objects.public().filter(pk=old_testimonial.pk).exists()
    assert request.outcome == ReconfirmationRequest.Outcome.LAPSED
    history = ModelLogEntry.objects.for_instance(old_testimonial)
    assert history.filter(action="candor.reconfirmation_lapsed").count() == 1
    assert len(mail.outbox) == 1


def test_a_late_answer_is_recorded_and_the_editor_republishes(client, old_testimonial):
    run()
    request = ReconfirmationRequest.objects.get()
    ReconfirmationRequest.objects.filter(pk=request.pk).update(sent_at=days_ago(60))
    run()

    response = client.post(reconfirmation_link.path(request), {"answer": "yes"})

    assert "an editor will check and publish" in response.content.decode()
    old_testimonial.refresh_from_db()
    assert not old_testimonial.live
    old_testimonial.save_revision().publish()
    run()
    assert len(mail.outbox) == 1, "confirmed: not asked again"


def test_no_longer_a_customer_unpublishes_at_once(client, old_testimonial):
    run()

    response = client.post(link_in(mail.outbox[0]), {"answer": "no"})

    assert "We no longer show what you wrote" in response.content.decode()
    old_testimonial.refresh_from_db()
    assert not old_testimonial.live and Testimonial.objects.filter(pk=old_testimonial.pk).exists()
    assert ModelLogEntry.objects.for_instance(old_testimonial).filter(
        action="candor.no_longer_customer"
    )


def test_an_advocate_is_asked_once_for_all_their_testimonials_and_renewed(client, site_settings):
    advocate = AdvocateFactory(
        name="Grace Hopper", email="grace@customer.example", customer_as_of=days_ago(500).date()
    )
    first = published(submitted_at=days_ago(450), advocate=advocate, email="old@address.example")
    second = published(submitted_at=days_ago(380), advocate=advocate)

    run()

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["grace@customer.example"]
    assert "Hello Grace Hopper" in mail.outbox[0].body
    client.post(link_in(mail.outbox[0]), {"answer": "yes"})
    advocate.refresh_from_db()
    assert advocate.reconfirmed_on == timezone.localdate()
    assert not needing_reconfirmation(site_settings).filter(pk__in=[first.pk, second.pk])


def test_a_link_works_only_for_its_own_request(client, old_testimonial):
    run()
    request = ReconfirmationRequest.objects.get()
    token = reconfirmation_link.path(request).rstrip("/").rsplit("/", 1)[-1]
    payload, signature = token.split(":", 1)

    for forged in (str(request.pk), "Mg:" + signature.split(":", 1)[-1], payload + ":x"):
        response = client.post(f"/testimonials/reconfirm/{forged}/", {"answer": "no"})
        assert response.status_code == 404
    old_testimonial.refresh_from_db()
    assert old_testimonial.live


def test_a_mail_failure_keeps_the_request_and_the_next_run_sends_it(
    settings, old_testimonial, site_settings
):
    settings.EMAIL_BACKEND = "tests.testimonials.failing_mail.FailingEmailBackend"
    run()
    request = ReconfirmationRequest.objects.get()
    assert request.sent_at is None

    # Never sent, so never lapsed, however long it waits.
    ReconfirmationRequest.objects.filter(pk=request.pk).update(created_at=days_ago(90))
    run()
    old_testimonial.refresh_from_db()
    assert old_testimonial.live

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run()
    assert len(mail.outbox) == 1
    assert ReconfirmationRequest.objects.get().sent_at is not None


def test_editors_see_the_flag_in_the_admin(admin_client, old_testimonial):
    edit = admin_client.get(
        f"/admin/snippets/testimonials/testimonial/edit/{old_testimonial.pk}/"
    ).content.decode()
    report = admin_client.get("/admin/reports/reconfirmation-due/").content.decode()
    export = admin_client.get("/admin/reports/reconfirmation-due/?export=xlsx")

    assert "more than 12 months ago" in edit
    assert "Ada Byron" in report
    assert export.status_code == 200
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
