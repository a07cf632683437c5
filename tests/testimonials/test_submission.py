"""An advocate submits a testimonial: saved first, then e-mailed; bad input is
explained and stores nothing."""

import io
import time

from django.core import mail

import pytest
import time_machine
from bs4 import BeautifulSoup
from PIL import Image

from testimonials.forms import TestimonialSubmissionForm
from testimonials.models import Testimonial
from tests.comparisons.factories import ProductFactory

pytestmark = pytest.mark.django_db


def valid_form(our_product, **overrides):
    data = {
        "product": our_product.pk,
        "quote": "We answer twice as many customers with the same team.",
        "rating": "4",
        "author_name": "Ana Ortiz",
        "author_role": "Support lead",
        "author_company": "Harbour Books",
        "email": "ana@harbour.example",
        "relationship": "customer",
        "incentive": "none",
        "incentive_detail": "",
        "consent_publish": "on",
        "consent_name": "on",
        "consent_company": "on",
        "website": "",
        "rendered_at": TestimonialSubmissionForm.time_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def image_file(width=200, height=200, name="me.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def test_a_valid_submission_is_stored_as_pending_and_both_emails_are_sent(
    client, post, our_product, submission_page
):
    response = post(valid_form(our_product))

    assert response.status_code == 302
    assert response["Location"] == submission_page.url + "thanks/"
    testimonial = Testimonial.objects.get()
    assert (testimonial.status, testimonial.live) == (Testimonial.Status.PENDING, False)
    assert testimonial.quote == "We answer twice as many customers with the same team."
    assert testimonial.source == Testimonial.Source.FORM
    assert testimonial.notified_at is not None
    advocate, editors = mail.outbox
    assert advocate.to == ["ana@harbour.example"]
    assert "/testimonials/withdraw/" in advocate.body
    assert editors.to == ["editors@candor.example", "moderation@candor.example"]
    thanks = client.get(response["Location"])
    assert "An editor reads every testimonial within two working days." in thanks.content.decode()


def test_the_receipt_repeats_nothing_the_sender_typed(post, our_product):
    """Anyone can type anyone's address: the receipt must not carry their words to it."""
    typed = {
        "author_name": "Cheap pills at pills.example",
        "author_role": "Call +1 555 0100",
        "author_company": "Win a prize today",
        "quote": "Visit pills.example for the best prices on everything you need.",
        "incentive": "gift",
        "incentive_detail": "A voucher from pills.example",
    }

    post(valid_form(our_product, email="victim@mail.example", **typed))

    receipt, editors = mail.outbox
    assert receipt.to == ["victim@mail.example"]
    for text in set(typed.values()) - {"gift"}:
        assert text not in receipt.subject and text not in receipt.body
    assert "pills.example" not in receipt.body
    assert "Fernhill Desk" in receipt.body and "/testimonials/withdraw/" in receipt.body
    assert typed["incentive_detail"] in editors.body, "editors see it, as plain text"
    assert "pills" not in editors.subject


def test_a_failing_mail_server_loses_nothing(client, post, our_product, settings, caplog):
    settings.EMAIL_BACKEND = "tests.testimonials.failing_mail.FailingEmailBackend"

    response = post(valid_form(our_product))

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    testimonial = Testimonial.objects.get()
    assert testimonial.notified_at is None
    assert "Could not send e-mails for testimonial" in caplog.text

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core.management import call_command

    call_command("send_testimonial_emails", verbosity=0)
    testimonial.refresh_from_db()
    assert testimonial.notified_at is not None
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"consent_publish": None},
            "consent_publish",
            "only publish your testimonial with your consent",
        ),
        ({"quote": "   "}, "quote", "this field is empty"),
        ({"quote": "x" * 2001}, "quote", "2,001 characters long, 1 more than the 2,000 allowed"),
        ({"rating": "6"}, "rating", "Choose a rating from 1 to 5"),
        ({"email": "ana@"}, "email", "Enter a valid email address"),
        ({"product": "999999"}, "product", "Choose one of our products"),
        ({"incentive": "discount"}, "incentive_detail", "Tell us what you received"),
        ({"rendered_at": "forged"}, "rendered_at", "This form has expired"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(post, our_product, change, field, message):
    response = post(valid_form(our_product, **change))

    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not Testimonial.objects.exists()
    assert not mail.outbox
    # Each error in the summary leads to its field, which a screen reader hears it with
    # (a group of radio buttons as well as an input); no id is used twice.
    soup = BeautifulSoup(response.content, "html.parser")
    for link in soup.select("#form-errors a"):
        assert soup.select_one(link["href"]) is not None, link["href"]
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    if field != "rendered_at":  # the form's guard, hidden: the summary alone says it
        assert soup.select_one(f'#form-errors a[href="#id_{field}"]')
        described = soup.select_one(f'#id_{field}, [name="{field}"]')
        assert f"id_{field}_error" in described.get("aria-describedby", "").split()
        assert message in soup.select_one(f"#id_{field}_error").get_text()


def test_a_competitors_product_cannot_be_chosen(post, our_product):
    rival = ProductFactory(is_ours=False)

    response = post(valid_form(our_product, product=str(rival.pk)))

    assert "product" in response.context["form"].errors
    assert not Testimonial.objects.exists()


def test_a_form_sent_faster_than_anyone_types_is_refused(client, submission_page, our_product):
    response = client.post(submission_page.url, valid_form(our_product))  # default delay: 4 s

    assert response.status_code == 400
    assert "quicker than anyone can type" in response.content.decode()
    assert not Testimonial.objects.exists()


def test_a_form_sent_after_a_pause_is_accepted(client, submission_page, our_product, settings):
    settings.TESTIMONIAL_MIN_SECONDS = 4
    five_seconds_ago = TestimonialSubmissionForm.time_token(at=time.time() - 5)

    client.post(submission_page.url, valid_form(our_product, rendered_at=five_seconds_ago))

    assert Testimonial.objects.count() == 1


def test_a_filled_honeypot_is_discarded_silently(post, our_product, submission_page):
    response = post(valid_form(our_product, website="https://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == submission_page.url + "thanks/"
    assert not Testimonial.objects.exists()
    assert not mail.outbox


def test_a_photo_is_stored_when_its_display_is_allowed(post, our_product):
    post(valid_form(our_product, photo=image_file(), consent_photo="on"))

    testimonial = Testimonial.objects.get()
    assert testimonial.photo.width == 200


@pytest.mark.parametrize(
    ("photo", "setting", "message"),
    [
        (io.BytesIO(b"%PDF-1.4 not an image"), {}, "Upload a valid image"),
        (image_file(), {"TESTIMONIAL_PHOTO_MAX_BYTES": 100}, "the limit is 100"),
        (image_file(500, 40), {"TESTIMONIAL_PHOTO_MAX_PIXELS": 400}, "500 × 40 pixels"),
    ],
)
def test_bad_photos_are_refused(post, our_product, settings, photo, setting, message):
    for name, value in setting.items():
        setattr(settings, name, value)
    photo.name = getattr(photo, "name", "photo.png")

    response = post(valid_form(our_product, photo=photo, consent_photo="on"))

    assert message in str(response.context["form"].errors["photo"])
    assert not Testimonial.objects.exists()


def test_a_photo_without_consent_to_show_it_is_refused(post, our_product):
    response = post(valid_form(our_product, photo=image_file()))

    assert "did not allow us to show it" in str(response.context["form"].errors["photo"])
    assert not Testimonial.objects.exists()


# Frozen: a limit window that ends between two posts would reset the count.
@time_machine.travel("2026-11-28 10:00:05", tick=False)
def test_submissions_are_rate_limited_per_address(post, our_product, settings):
    settings.TESTIMONIAL_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert post(valid_form(our_product)).status_code == 302

    limited = post(valid_form(our_product))
    spoofed = post(valid_form(our_product), HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert limited.status_code == 429
    assert "Nothing was saved this time" in limited.content.decode()
    assert spoofed.status_code == 429, "a forged X-Forwarded-For must not dodge the limit"
    assert Testimonial.objects.count() == 3


# Frozen: a limit window that ends between two posts would reset the count.
@time_machine.travel("2026-11-28 10:00:05", tick=False)
def test_behind_a_trusted_proxy_each_client_has_its_own_limit(post, our_product, settings):
    settings.TESTIMONIAL_RATE_LIMIT = "1/m"
    settings.TRUSTED_PROXY_COUNT = 1

    first = post(valid_form(our_product), HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = post(valid_form(our_product), HTTP_X_FORWARDED_FOR="198.51.100.2")
    again = post(valid_form(our_product), HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1")

    assert [first.status_code, second.status_code, again.status_code] == [302, 302, 429]


def test_the_form_page_is_never_cached_by_shared_caches(client, submission_page):
    response = client.get(submission_page.url)

    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
