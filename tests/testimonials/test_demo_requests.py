"""A demo request is stored first, then e-mailed to the sales team; a mail failure
loses nothing and the retry command sends it later. The visitor gets no e-mail, and an
answer longer than the limit is explained and stores nothing."""

import io

from django.core import mail
from django.core.management import call_command

import pytest
import time_machine

from testimonials.models import DemoRequestSubmission
from tests.testimonials.advocate_factories import DemoRequestPageFactory
from tests.testimonials.test_referrals import demo_form

pytestmark = pytest.mark.django_db

FIELDS = [
    ("Your name", "singleline", True),
    ("Work e-mail", "email", True),
    ("What should the demo show?", "multiline", False),
]


@pytest.fixture
def demo_page(home_page):
    return DemoRequestPageFactory(parent=home_page, fields=FIELDS)


@pytest.fixture
def send(client, demo_page, no_demo_request_delay, django_capture_on_commit_callbacks):
    def post(**values):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(demo_page.url, demo_form(**values))

    return post


def retry():
    output = io.StringIO()
    call_command("send_demo_request_emails", stdout=output)
    return output.getvalue().strip()


@time_machine.travel("2026-03-02 09:30 +00:00", tick=False)
def test_a_request_is_stored_then_e_mailed_to_sales_with_every_answer(send):
    response = send(what_should_the_demo_show="Importing our\nhelp-desk history.")

    assert response.status_code == 302
    submission = DemoRequestSubmission.objects.get()
    assert submission.notified_at.isoformat() == "2026-03-02T09:30:00+00:00"
    (message,) = mail.outbox
    assert message.to == ["sales@candor.example"]
    assert message.subject == "Demo request", "the editors' subject, nothing the visitor typed"
    assert message.reply_to == [] and message.extra_headers == {}
    assert "Your name: Iris Novak" in message.body
    assert "Work e-mail: iris@prospect.example" in message.body
    assert "What should the demo show?: Importing our\nhelp-desk history." in message.body
    assert retry() == "Sent e-mails for 0 demo requests.", "nothing is sent twice"
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_keeps_the_request_and_the_retry_sends_it(
    client, send, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.testimonials.failing_mail.FailingEmailBackend"

    response = send()

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert DemoRequestSubmission.objects.get().notified_at is None
    assert "Could not send the e-mail for demo request" in caplog.text
    assert "send_demo_request_emails will send it" in caplog.text
    assert retry().startswith("Sent e-mails for 0 demo requests; 1 not sent yet")

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert retry() == "Sent e-mails for 1 demo request."

    assert DemoRequestSubmission.objects.get().notified_at is not None
    (message,) = mail.outbox
    assert "Your name: Iris Novak" in message.body


def test_a_request_to_a_page_without_an_address_is_kept_and_not_retried(send, demo_page):
    demo_page.to_address = ""
    demo_page.save()

    send()

    assert DemoRequestSubmission.objects.get().notified_at is None
    assert retry() == "Sent e-mails for 0 demo requests."
    assert not mail.outbox


@pytest.mark.parametrize(
    ("field", "limit"),
    [("what_should_the_demo_show", 5000), ("your_name", 255)],
)
def test_an_answer_over_the_limit_is_explained_and_nothing_is_stored(send, field, limit):
    response = send(**{field: "x" * (limit + 10)})

    assert response.status_code == 400
    error = f"This is {limit + 10:,} characters long, 10 more than the {limit:,} allowed."
    assert error in str(response.context["form"].errors[field])
    assert error in response.content.decode()
    assert not DemoRequestSubmission.objects.exists()
    assert not mail.outbox


def test_an_answer_at_the_limit_is_stored_whole(send):
    send(what_should_the_demo_show="x" * 5000)

    assert len(DemoRequestSubmission.objects.get().form_data["what_should_the_demo_show"]) == 5000


def test_the_browser_is_not_told_to_cut_a_long_paste_short(client, demo_page):
    form = client.get(demo_page.url).context["form"]

    assert "maxlength" not in str(form["what_should_the_demo_show"])
    assert "maxlength" not in str(form["your_name"])
