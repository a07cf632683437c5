"""An advocate who chose a photo and made a mistake elsewhere in the form keeps the
photo: the form comes back saying so, and the corrected send publishes it once a
moderator approves, exactly as if it had been chosen again. The kept file is private,
good for that visitor's form only, and gone within a day."""

import datetime
import html
import io
import re

from django.core.management import call_command

import pytest
import time_machine
from bs4 import BeautifulSoup

from home.uploads import private_storage
from testimonials import kept_photos
from testimonials.models import Testimonial
from tests.testimonials.test_photo_privacy import (
    assert_says_nothing_about_the_author,
    assert_upright,
    every_file,
    files_under,
    gettable_under_media_url,
    located_photo,
    public_files,
)
from tests.testimonials.test_submission import image_file, valid_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings


def hidden(response, name):
    field = BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": name})
    return html.unescape(field["value"]) if field and field.has_attr("value") else ""


def corrected(response, our_product, **changes):
    """The form as the visitor sends it again: the browser has forgotten the file, the
    page's hidden fields come back."""
    sent_back = {
        "rendered_at": hidden(response, "rendered_at"),
        "kept_photo": hidden(response, "kept_photo"),
        "consent_photo": "on",
    }
    return valid_form(our_product, **(sent_back | changes))


@pytest.fixture
def with_a_mistake(media, client, submission_page, our_product, no_typing_delay):
    """An anonymous visitor chooses a phone photo, ticks "You may show my photo" and
    types an e-mail address wrong."""
    token = hidden(client.get(submission_page.url), "rendered_at")
    response = client.post(
        submission_page.url,
        valid_form(
            our_product,
            rendered_at=token,
            photo=located_photo(),
            consent_photo="on",
            email="ana@harbour",
        ),
    )
    assert response.status_code == 400
    return response


def kept_files(media):
    return {name for name in files_under(media.PRIVATE_MEDIA_ROOT) if name.startswith("kept_")}


def test_the_form_says_the_photo_is_kept(with_a_mistake, media):
    text = " ".join(with_a_mistake.content.decode().split())

    assert (
        "Your photo “ana-ortiz-42-harbour-street.jpg” is kept: choose another to replace it."
        in (html.unescape(text))
    )
    page = BeautifulSoup(with_a_mistake.content, "html.parser")
    photo_input = page.find("input", attrs={"name": "photo"})
    assert "id_photo_helptext" in photo_input["aria-describedby"]
    assert page.find("input", attrs={"name": "forget_kept_photo"})
    assert page.find("label", attrs={"for": "id_forget_kept_photo"}).get_text(strip=True) == (
        "Remove this photo"
    )
    assert Testimonial.objects.count() == 0


def test_the_corrected_send_stores_the_kept_photo_for_the_moderators(
    with_a_mistake, media, post, our_product
):
    sent = post(corrected(with_a_mistake, our_product))

    assert sent.status_code == 302
    testimonial = Testimonial.objects.select_related("photo").get()
    assert testimonial.consent_photo
    assert testimonial.photo is not None
    assert testimonial.photo.file.name.startswith("testimonial_photos/")
    with private_storage().open(testimonial.photo.file.name) as file:
        data = file.read()
    assert_upright(data)
    assert_says_nothing_about_the_author(data)
    assert kept_files(media) == set(), "the kept file went once it was used"
    assert public_files(media) == set(), "private until a moderator approves it"


def test_a_second_mistake_keeps_it_too(with_a_mistake, media, post, our_product):
    again = post(corrected(with_a_mistake, our_product, quote=""))
    sent = post(corrected(again, our_product))

    assert again.status_code == 400
    assert "is kept" in again.content.decode()
    assert sent.status_code == 302
    assert Testimonial.objects.get().photo is not None


def test_the_photo_is_kept_when_the_mistake_was_not_ticking_the_photo_box(
    media, client, submission_page, our_product, no_typing_delay, post
):
    first = client.post(
        submission_page.url, valid_form(our_product, photo=image_file(name="me.png"))
    )
    assert "did not allow us to show it" in first.content.decode()
    assert "Your photo “me.png” is kept" in html.unescape(first.content.decode())

    sent = post(corrected(first, our_product))

    assert sent.status_code == 302
    assert Testimonial.objects.get().photo.width == 200


def test_a_photo_chosen_again_replaces_the_kept_one(with_a_mistake, media, post, our_product):
    kept_before = kept_files(media)
    again = post(corrected(with_a_mistake, our_product, photo=image_file(name="b.png"), quote=""))

    assert "Your photo “b.png” is kept" in html.unescape(again.content.decode())
    assert kept_files(media).isdisjoint(kept_before), "the replaced file is deleted"
    post(corrected(again, our_product))
    assert Testimonial.objects.get().photo.width == 200


def test_remove_this_photo_forgets_it(with_a_mistake, media, post, our_product):
    sent = post(corrected(with_a_mistake, our_product, forget_kept_photo="on", consent_photo=None))

    assert sent.status_code == 302
    assert Testimonial.objects.get().photo is None
    assert kept_files(media) == set()


def test_the_kept_file_is_never_under_the_media_url(with_a_mistake, media):
    (name,) = kept_files(media)

    assert public_files(media) == set()
    assert not gettable_under_media_url(media, name)
    assert name not in with_a_mistake.content.decode(), "the page does not name the file"


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda token: token[:-3] + "abc", id="altered"),
        pytest.param(lambda token: "", id="emptied"),
    ],
)
def test_an_altered_token_asks_for_the_photo_again(
    with_a_mistake, media, post, our_product, tamper
):
    data = corrected(with_a_mistake, our_product)
    data["kept_photo"] = tamper(data["kept_photo"]) or "not-a-token"

    response = post(data)

    assert response.status_code == 400
    assert "Please choose your photo again." in response.content.decode()
    assert not Testimonial.objects.exists()
    assert hidden(response, "kept_photo") == ""
    # Sent again without a photo, the testimonial goes through without one.
    assert post(corrected(response, our_product, consent_photo=None)).status_code == 302
    assert Testimonial.objects.get().photo is None


def test_another_visitors_token_attaches_nothing(
    with_a_mistake, media, client, submission_page, our_product, post
):
    """Someone who has another visitor's kept-photo token, with a form of their own."""
    their_token = hidden(with_a_mistake, "kept_photo")
    own_form = client.get(submission_page.url)

    response = post(corrected(own_form, our_product, kept_photo=their_token))

    assert response.status_code == 400
    assert "Please choose your photo again." in response.content.decode()
    assert not Testimonial.objects.exists()
    assert len(kept_files(media)) == 1, "the other visitor's file is left alone"


def test_a_token_forged_for_any_file_is_refused(media):
    scope = "1:abc"
    token = kept_photos.signing.dumps(
        {"file": "testimonial_photos/x.jpg", "filename": "x", "scope": scope},
        salt=kept_photos.SALT,
    )
    assert kept_photos.find(token, scope) is None, "only kept files, never a testimonial's"


def test_an_expired_token_asks_for_the_photo_again(with_a_mistake, media, post, our_product):
    data = corrected(with_a_mistake, our_product)
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(
        seconds=kept_photos.MAX_AGE + 60
    )

    with time_machine.travel(later, tick=False):
        response = post(data)

    assert response.status_code == 400
    assert not Testimonial.objects.exists()
    errors = response.context["form"].errors.as_data()
    assert "rendered_at" in errors, "the whole form expired with it"
    assert "Please choose your photo again." in str(errors["photo"])


def test_a_kept_file_deleted_meanwhile_asks_for_the_photo_again(
    with_a_mistake, media, post, our_product
):
    data = corrected(with_a_mistake, our_product)
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=2)
    with time_machine.travel(later, tick=False):
        call_command("delete_kept_photos", stdout=io.StringIO())

    response = post(data)

    assert response.status_code == 400
    assert "Please choose your photo again." in response.content.decode()
    assert not Testimonial.objects.exists()


def test_the_daily_clean_up_deletes_kept_photos_once_their_form_expired(with_a_mistake, media):
    now = datetime.datetime.now(tz=datetime.UTC)
    output = io.StringIO()

    with time_machine.travel(now + datetime.timedelta(hours=23), tick=False):
        call_command("delete_kept_photos", stdout=output)
    assert len(kept_files(media)) == 1, "the visitor may still send the form"

    with time_machine.travel(now + datetime.timedelta(hours=26), tick=False):
        call_command("delete_kept_photos", stdout=output)
    assert kept_files(media) == set()
    assert every_file(media) == set()
    assert re.findall(r"Deleted (\d+) kept photos", output.getvalue()) == ["0", "1"]


def test_a_bots_send_keeps_nothing(media, post, our_product, settings):
    settings.TESTIMONIAL_MIN_SECONDS = 60  # sent faster than a person types
    response = post(valid_form(our_product, photo=image_file(), consent_photo="on", quote=""))

    assert response.status_code == 400
    assert every_file(media) == set()
    assert "is kept" not in response.content.decode()


def test_each_kept_photo_counts_against_the_limit_so_nobody_fills_the_disk(
    media, client, submission_page, our_product, no_typing_delay, settings
):
    """A visitor (or a script) sending a new photo with the same mistake again and again,
    never sending the kept one back: each file kept counts like a stored send."""
    settings.TESTIMONIAL_RATE_LIMIT = "3/m"
    token = hidden(client.get(submission_page.url), "rendered_at")
    statuses = []
    for _ in range(5):
        response = client.post(
            submission_page.url,
            valid_form(our_product, rendered_at=token, photo=image_file(), quote=""),
        )
        statuses.append(response.status_code)

    assert statuses == [400, 400, 400, 429, 429]
    assert len(kept_files(media)) == 3, "no more files than the limit allows sends"
    refusal = " ".join(html.unescape(response.content.decode()).split())
    assert "3 stored photos while the rest of the form was corrected." in refusal
    assert Testimonial.objects.count() == 0


def test_sending_the_kept_photo_back_costs_nothing(with_a_mistake, media, post, our_product):
    """A person who corrects one mistake after another sends the kept photo back each
    time: only the first, which stored it, counted."""
    response = with_a_mistake
    for _ in range(6):
        response = post(corrected(response, our_product, quote=""))
        assert response.status_code == 400
        assert "is kept" in response.content.decode()

    assert post(corrected(response, our_product)).status_code == 302
    assert Testimonial.objects.get().photo is not None
