"""No visitor waits on the mail server: a submission is stored and its e-mails queued;
a worker sends them, records when, and a failure is logged, marked on the task and
sent by the retry command later. Wagtail's own tasks run under the same queue."""

import io
import socket
import time

from django.core import mail
from django.core.management import call_command

from wagtail.models import ReferenceIndex

import pytest
from django_tasks_db.models import DBTaskResult

from testimonials.models import Testimonial
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.test_submission import valid_form

EMAIL_TIMEOUT = 3
DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


@pytest.fixture
def silent_mail_server(settings):
    """An SMTP server that accepts connections and never answers, as a hung one does."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.getsockname()
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = EMAIL_TIMEOUT
        server.setblocking(False)

        def connections():
            """How many clients have connected since the last call."""
            count = 0
            while True:
                try:
                    client, _ = server.accept()
                except BlockingIOError:
                    return count
                client.close()
                count += 1

        yield connections


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def run_worker():
    call_command(
        "db_worker", batch=True, queue_name="*", stdout=io.StringIO(), stderr=io.StringIO()
    )


def post_testimonial(client, submission_page, our_product):
    started = time.monotonic()
    response = client.post(submission_page.url, valid_form(our_product))
    return response, time.monotonic() - started


@pytest.mark.django_db(transaction=True)
def test_a_hung_mail_server_delays_no_visitor_and_the_worker_sends_later(
    client,
    settings,
    submission_page,
    our_product,
    no_typing_delay,
    silent_mail_server,
    database_queue,
):
    response, seconds = post_testimonial(client, submission_page, our_product)

    assert response.status_code == 302
    assert seconds < EMAIL_TIMEOUT / 2
    assert silent_mail_server() == 0, "the request did not even connect to the mail server"
    assert Testimonial.objects.get().notified_at is None
    (queued,) = DBTaskResult.objects.filter(task_path="home.tasks.send_notification")
    assert queued.status == "READY"
    assert client.get(response["Location"]).status_code == 200

    run_worker()  # the server still hangs: the task times out and is marked failed

    queued.refresh_from_db()
    assert queued.status == "FAILED"
    assert silent_mail_server() == 1
    assert Testimonial.objects.get().notified_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # back up
    call_command("send_testimonial_emails", stdout=io.StringIO())
    run_worker()

    assert Testimonial.objects.get().notified_at is not None
    advocate, editors = mail.outbox
    assert advocate.to == ["ana@harbour.example"]


def test_with_tasks_run_at_once_a_mail_failure_is_logged_marked_and_retried(
    client, post, our_product, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.testimonials.failing_mail.FailingEmailBackend"

    response = post(valid_form(our_product))

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert Testimonial.objects.get().notified_at is None
    assert "Could not send e-mails for testimonial" in caplog.text
    (failed,) = [record for record in caplog.records if record.name == "django_tasks"]
    assert "home.tasks.send_notification" in failed.getMessage()
    assert "FAILED" in failed.getMessage()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    output = io.StringIO()
    call_command("send_testimonial_emails", stdout=output)

    assert output.getvalue().strip() == "Sent e-mails for 1 testimonial."
    assert Testimonial.objects.get().notified_at is not None
    assert len(mail.outbox) == 2


def test_wagtails_reference_index_is_kept_at_once_without_a_worker(our_product):
    TestimonialFactory(product=our_product)

    assert ReferenceIndex.get_references_to(our_product).exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_wagtails_reference_index_is_kept_by_the_worker(our_product, database_queue):
    TestimonialFactory(product=our_product)

    assert not ReferenceIndex.get_references_to(our_product).exists()
    assert DBTaskResult.objects.filter(
        task_path="wagtail.tasks.update_reference_index_task", status="READY"
    ).exists()

    run_worker()

    assert ReferenceIndex.get_references_to(our_product).exists()
