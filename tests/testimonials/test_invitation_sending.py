"""Sending a launched campaign: the same message to everyone in their language, with
their link and a way to stop (also as RFC 8058 headers); never faster than the site's
per-minute number; a refused address recorded as bounced, any other failure left for
the retry command; one reminder, only to those who have not answered, bounced or
unsubscribed."""

import datetime
import io
import re
from smtplib import SMTPRecipientsRefused

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext, override

import pytest
from django_tasks import task_backends

from testimonials.invitations import sending
from testimonials.invitations.launch import launch
from testimonials.invitations.sending import collection_settings, send_batch
from testimonials.models import CustomerContact, Invitation
from tests.home.translations import japanese
from tests.testimonials.factories import CustomerContactFactory, InvitationCampaignFactory

pytestmark = pytest.mark.django_db

REFUSING_BACKEND = "tests.testimonials.test_invitation_sending.RefusingEmailBackend"


class RefusingEmailBackend(EmailBackend):
    """A mail server that refuses addresses at refused.example."""

    def send_messages(self, messages):
        for message in messages:
            refused = [to for to in message.to if to.endswith("@refused.example")]
            if refused:
                raise SMTPRecipientsRefused(dict.fromkeys(refused, (550, b"No such user")))
        return super().send_messages(messages)


@pytest.fixture
def per_minute(home_page):
    def set_to(number):
        settings = collection_settings()
        settings.invitations_per_minute = number
        settings.save()

    return set_to


def launched(product, django_capture_on_commit_callbacks, **campaign):
    campaign = InvitationCampaignFactory(product=product, **campaign)
    with django_capture_on_commit_callbacks(execute=True):
        launch(campaign)
    return campaign


def links(message):
    return re.findall(r"https?://\S+", message.body)


def site_path(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_everyone_gets_the_same_message_with_their_own_link_and_a_way_to_stop(
    client, our_product, submission_page, django_capture_on_commit_callbacks
):
    CustomerContactFactory(name="Ana", email="ana@list.example", products=[our_product])
    CustomerContactFactory(name="Ben", email="ben@list.example", products=[our_product])

    launched(our_product, django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@list.example",
        "ben@list.example",
    ]
    ana, ben = sorted(mail.outbox, key=lambda message: message.to[0])
    assert ana.subject == ben.subject == "How has your experience with Fernhill Desk been?"
    assert "Good or bad" in ana.body and "low ratings exactly like high ones" in ana.body

    def neutral(message, name):
        body = message.body.replace(name, "NAME")
        for link in links(message):
            body = body.replace(link, "LINK")
        return body

    assert neutral(ana, "Ana") == neutral(ben, "Ben")
    assert type(ana) is mail.EmailMessage and "<img" not in ana.body  # no tracking pixel
    invited_url, stop_url = links(ana)
    assert ana.extra_headers == {
        "List-Unsubscribe": f"<{stop_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert all("ana" not in value.lower() for value in ana.extra_headers.values())
    assert client.get(site_path(invited_url)).status_code == 200
    assert Invitation.objects.filter(sent_at__isnull=True).count() == 0

    client.post(site_path(stop_url), {"List-Unsubscribe": "One-Click"})
    assert CustomerContact.objects.get(email="ana@list.example").unsubscribed_at is not None


def test_a_japanese_customer_is_written_to_in_japanese_with_links_to_japanese_pages(
    home_page, our_product, submission_page, django_capture_on_commit_callbacks
):
    japanese(home_page)
    japanese_form = japanese(submission_page)
    CustomerContactFactory(name="森", language="ja", products=[our_product])

    launched(our_product, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    invited_url, stop_url = links(message)
    assert message.body.startswith("森 様")
    with override("ja"):
        subject = gettext("How has your experience with %(product)s been?")
    assert message.subject == subject % {"product": "Fernhill Desk"}
    assert site_path(invited_url).startswith(japanese_form.url + "invited/")
    assert site_path(stop_url).startswith("/ja/customers/unsubscribe/")


def test_no_more_than_the_per_minute_number_go_out_each_minute(
    our_product, submission_page, per_minute, frozen_clock, django_capture_on_commit_callbacks
):
    per_minute(2)
    for _n in range(5):
        CustomerContactFactory(products=[our_product])

    launched(our_product, django_capture_on_commit_callbacks)
    sent_at_launch = len(mail.outbox)
    call_command("send_invitations", stdout=io.StringIO())  # within the same minute
    within_the_minute = len(mail.outbox)
    out = io.StringIO()
    frozen_clock.shift(61)
    call_command("send_invitations", stdout=out)
    frozen_clock.shift(61)
    call_command("send_invitations", stdout=out)

    assert (sent_at_launch, within_the_minute) == (2, 2)
    assert len(mail.outbox) == 5
    assert "Sent 2 invitations; 1 not sent yet" in out.getvalue()
    assert "Sent 1 invitation." in out.getvalue()


def test_with_a_worker_each_batch_queues_the_next_a_minute_later(
    our_product, submission_page, per_minute, settings
):
    per_minute(2)
    for _n in range(3):
        CustomerContactFactory(products=[our_product])
    launch(InvitationCampaignFactory(product=our_product))
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }

    sent = sending.send_invitations.call()

    (queued,) = task_backends["default"].results
    assert sent == 2 and len(mail.outbox) == 2
    assert list(queued.args) == ["invitation"]
    assert queued.task.run_after == pytest.approx(
        timezone.now() + datetime.timedelta(minutes=1), abs=datetime.timedelta(seconds=5)
    )


def test_a_refused_address_is_recorded_as_bounced_and_the_rest_are_sent(
    our_product, submission_page, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    CustomerContactFactory(email="gone@refused.example", products=[our_product])
    CustomerContactFactory(email="here@list.example", products=[our_product])

    launched(our_product, django_capture_on_commit_callbacks)

    bounced = Invitation.objects.get(contact__email="gone@refused.example")
    delivered = Invitation.objects.get(contact__email="here@list.example")
    assert (bounced.bounced_at is not None, bounced.sent_at) == (True, None)
    assert (delivered.bounced_at, delivered.sent_at is not None) == (None, True)
    assert [message.to for message in mail.outbox] == [["here@list.example"]]


def test_a_mail_server_failure_leaves_them_unsent_for_the_retry_command(
    our_product, submission_page, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.testimonials.failing_mail.FailingEmailBackend"
    for _n in range(2):
        CustomerContactFactory(products=[our_product])

    launched(our_product, django_capture_on_commit_callbacks)
    assert Invitation.objects.filter(sent_at=None, bounced_at=None).count() == 2

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("send_invitations", stdout=out)

    assert out.getvalue().strip() == "Sent 2 invitations."
    assert Invitation.objects.filter(sent_at=None).count() == 0


def test_one_reminder_only_to_those_who_have_not_answered_bounced_or_unsubscribed(
    our_product, submission_page, frozen_clock, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    for email in ("quiet", "answered", "leaving"):
        CustomerContactFactory(email=f"{email}@list.example", products=[our_product])
    CustomerContactFactory(email="gone@refused.example", products=[our_product])
    launched(our_product, django_capture_on_commit_callbacks, reminder_after_days=7)
    Invitation.objects.filter(contact__email="answered@list.example").update(
        answered_at=timezone.now()
    )
    CustomerContact.objects.filter(email="leaving@list.example").update(
        unsubscribed_at=timezone.now()
    )
    mail.outbox.clear()

    frozen_clock.shift(datetime.timedelta(days=6))
    call_command("send_invitation_reminders", stdout=io.StringIO())
    assert mail.outbox == []

    frozen_clock.shift(datetime.timedelta(days=1, minutes=1))
    out = io.StringIO()
    call_command("send_invitation_reminders", stdout=out)
    frozen_clock.shift(datetime.timedelta(days=7))
    call_command("send_invitation_reminders", stdout=out)

    (reminder,) = mail.outbox
    assert reminder.to == ["quiet@list.example"]
    assert reminder.subject.startswith("Reminder:") and "only reminder" in reminder.body
    assert out.getvalue().splitlines() == ["Sent 1 reminder.", "Sent 0 reminders."]
    assert Invitation.objects.filter(reminded_at__isnull=False).count() == 1


def test_a_campaign_without_reminders_sends_none(
    our_product, submission_page, frozen_clock, django_capture_on_commit_callbacks
):
    CustomerContactFactory(products=[our_product])
    launched(our_product, django_capture_on_commit_callbacks, reminder_after_days=0)

    frozen_clock.shift(datetime.timedelta(days=30))
    call_command("send_invitation_reminders", stdout=io.StringIO())

    assert len(mail.outbox) == 1


def test_a_batch_takes_the_same_queries_for_3_or_40_invitations(
    our_product, submission_page, per_minute, django_capture_on_commit_callbacks
):
    per_minute(600)

    def queries_to_send(customers):
        for _n in range(customers):
            CustomerContactFactory(products=[our_product])
        launch(InvitationCampaignFactory(product=our_product))  # not sent: nothing committed
        with CaptureQueriesContext(connection) as queries:
            batch = send_batch()
        assert batch.sent == customers
        Invitation.objects.all().delete()
        CustomerContact.objects.all().delete()
        return len(queries)

    queries_to_send(1)  # Wagtail's site root paths, cached on first use
    assert queries_to_send(3) == queries_to_send(40)
