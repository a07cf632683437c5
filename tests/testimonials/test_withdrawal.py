"""An advocate withdraws a testimonial with the private link from their e-mail; a
rejected one stays counted as rejected."""

from django.core import mail
from django.core.exceptions import ValidationError

import pytest

from testimonials.author_edits import withdraw
from testimonials.links import withdrawal_link
from testimonials.models import Testimonial
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.test_submission import valid_form

pytestmark = pytest.mark.django_db

# What the "Withdraw it" button sends; the page's other form changes the testimonial.
WITHDRAW_BUTTON = {"withdraw": "1"}


def test_the_emailed_link_withdraws_at_once_and_keeps_the_record(
    client,
    submission_page,
    our_product,
    wall_page,
    no_typing_delay,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submission_page.url, valid_form(our_product))
    testimonial = Testimonial.objects.get()
    testimonial.save_revision().publish()
    assert "twice as many customers" in client.get(wall_page.url).content.decode()
    link = next(line for line in mail.outbox[0].body.splitlines() if "/withdraw/" in line)
    path = (
        link.split("testserver", 1)[-1].strip()
        if "testserver" in link
        else link[link.index("/testimonials/") :]
    )

    confirm = client.get(path)
    done = client.post(path, WITHDRAW_BUTTON)

    assert "Withdraw it" in confirm.content.decode()
    assert "has been withdrawn" in done.content.decode()
    testimonial.refresh_from_db()
    assert testimonial.status == Testimonial.Status.WITHDRAWN
    assert testimonial.withdrawn_at is not None and not testimonial.live
    assert "twice as many customers" not in client.get(wall_page.url).content.decode()


def test_a_link_works_once(client):
    testimonial = TestimonialFactory(approved=True)
    path = withdrawal_link.path(testimonial)

    client.post(path, WITHDRAW_BUTTON)
    again = client.post(path, WITHDRAW_BUTTON)

    assert again.status_code == 410
    assert "already been withdrawn" in again.content.decode()


def token_in(path):
    return path.rstrip("/").rsplit("/", 1)[-1]


def test_a_link_works_only_for_its_own_testimonial(client):
    mine, theirs = TestimonialFactory(approved=True), TestimonialFactory(approved=True)
    # Their payload under my signature: what someone holding my link could try.
    their_payload = token_in(withdrawal_link.path(theirs)).split(":", 1)[0]
    forged = their_payload + ":" + token_in(withdrawal_link.path(mine)).split(":", 1)[1]
    assert forged != token_in(withdrawal_link.path(mine))

    for path in (f"/testimonials/withdraw/{forged}/", f"/testimonials/withdraw/{theirs.pk}/"):
        assert client.post(path, WITHDRAW_BUTTON).status_code == 404

    theirs.refresh_from_db()
    assert theirs.status == Testimonial.Status.APPROVED


def test_a_rejected_testimonial_cannot_be_withdrawn(client, our_product, wall_page):
    testimonial = TestimonialFactory(product=our_product, rejected=True)
    path = withdrawal_link.path(testimonial)

    page = client.get(path)
    refused = client.post(path, WITHDRAW_BUTTON)

    assert page.status_code == refused.status_code == 409
    for response in (page, refused):
        text = response.content.decode()
        assert "counted as rejected" in text and "Spam" in text
        assert "Withdraw it</button>" not in text
    testimonial.refresh_from_db()
    assert (testimonial.status, testimonial.withdrawn_at) == (Testimonial.Status.REJECTED, None)
    record = Testimonial.objects.filter(product=our_product).summary()["moderation"]
    assert (record["rejected_total"], record["withdrawn"]) == (1, 0)


def test_the_model_refuses_to_withdraw_a_rejected_testimonial():
    testimonial = TestimonialFactory(rejected=True)

    with pytest.raises(ValidationError) as refusal:
        withdraw(testimonial)

    assert refusal.value.code == "rejected"
    testimonial.refresh_from_db()
    assert testimonial.status == Testimonial.Status.REJECTED
