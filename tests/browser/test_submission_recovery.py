"""An advocate who makes a mistake in the testimonial form loses nothing: the photo they
chose is kept and published once a moderator approves, and a long paste is kept whole,
counted, and refused with by how much it is over."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from testimonials.models import Testimonial
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.test_moderation import edit_url, logged_in
from tests.testimonials.test_photo_privacy import located_photo, roles_after_a_flush  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def fill_in(page, product):
    page.get_by_label("Product").select_option(label=product.name)
    page.get_by_label("Your experience, in your own words").fill("Setup took an afternoon.")
    page.get_by_label("Your name").fill("Ana Ortiz")
    page.get_by_label("I agree that my words and rating may be published on this site.").check()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_photo_chosen_before_a_mistake_reaches_the_moderator(
    roles_after_a_flush,  # noqa: F811
    live_server,
    open_page,
    screenshot,
    media,
    submission_page,
    our_product,
    no_typing_delay,
    tmp_path,
    width,
    django_user_model,
):
    photo = tmp_path / "ana.jpg"
    photo.write_bytes(located_photo().getvalue())
    page = open_page(live_server.url + submission_page.url, width=width)
    fill_in(page, our_product)
    page.get_by_label("Your e-mail address").fill("ana@harbour")  # the mistake
    page.get_by_label("A photo of you (optional)").set_input_files(str(photo))
    page.get_by_label("You may show my photo").check()
    page.get_by_role("button", name="Send my testimonial").click()

    assert page.get_by_role("alert").is_visible()
    kept = page.locator("#id_photo_helptext")
    assert kept.inner_text() == "Your photo “ana.jpg” is kept: choose another to replace it."
    assert page.get_by_label("Remove this photo").is_visible()
    page.locator("#id_photo").scroll_into_view_if_needed()
    screenshot(page, f"submission-photo-kept-{width}")
    assert not Testimonial.objects.exists()

    page.get_by_label("Your e-mail address").fill("ana@harbour.example")
    page.get_by_role("button", name="Send my testimonial").click()
    page.wait_for_url("**/thanks/")

    testimonial = Testimonial.objects.select_related("photo").get()
    assert testimonial.photo is not None and testimonial.consent_photo
    moderator = user_in_group(django_user_model, "mona", Group.objects.get(name="Moderators"))
    edit_page = logged_in(moderator).get(edit_url(testimonial)).content.decode()
    photo_url = reverse("testimonial_photo", args=[testimonial.pk])
    assert photo_url in edit_page
    assert logged_in(moderator).get(photo_url).status_code == 200


@pytest.mark.parametrize("width", [375, 1280])
def test_a_long_paste_is_kept_counted_and_refused_with_by_how_much(
    live_server, open_page, screenshot, submission_page, our_product, no_typing_delay, width
):
    page = open_page(live_server.url + submission_page.url, width=width)
    fill_in(page, our_product)
    page.get_by_label("Your e-mail address").fill("ana@harbour.example")
    quote = page.get_by_label("Your experience, in your own words")
    count = page.locator("#id_quote_count")
    assert count.inner_text() == "24 of 2,000 characters"
    assert "id_quote_count" in quote.get_attribute("aria-describedby")

    long_text = "x" * 2100
    quote.fill(long_text)

    assert len(quote.input_value()) == 2100, "the browser cut nothing"
    assert count.inner_text() == "2,100 of 2,000 characters: 100 too many"
    # Crossing the limit is told to screen readers at once, politely.
    live = page.locator("p[aria-live=polite]")
    assert live.inner_text() == "2,100 of 2,000 characters: 100 too many"
    screenshot(page, f"submission-quote-over-{width}")

    page.get_by_role("button", name="Send my testimonial").click()

    assert page.get_by_role("alert").is_visible()
    assert "This is 2,100 characters long, 100 more than the 2,000 allowed." in page.content()
    assert page.get_by_label("Your experience, in your own words").input_value() == long_text
    assert not Testimonial.objects.exists()
