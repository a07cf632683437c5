"""An advocate fills in the testimonial form in a real browser."""

import pytest

from testimonials.models import Testimonial

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_advocate_submits_a_testimonial_and_reads_what_happens_next(
    live_server, open_page, screenshot, submission_page, our_product, no_typing_delay
):
    page = open_page(live_server.url + submission_page.url, width=1280)

    page.get_by_label("Product").select_option(label=our_product.name)
    page.get_by_label("Your experience, in your own words").fill(
        "Setup took an afternoon and <b>nobody</b> needed training."
    )
    page.get_by_label("2 out of 5").check()
    page.get_by_label("Your name").fill("Ana Ortiz")
    page.get_by_label("Your e-mail address").fill("ana@harbour.example")
    page.get_by_label("A discount").check()
    page.get_by_label("If so, what?").fill("20% off one year")
    page.get_by_label("I agree that my words and rating may be published on this site.").check()
    page.get_by_label("You may show my name").check()
    screenshot(page, "submission-form")
    page.get_by_role("button", name="Send my testimonial").click()

    page.wait_for_url("**/thanks/")
    assert page.get_by_role("heading", name="Thank you").is_visible()
    assert "An editor reads every testimonial within two working days." in page.content()
    testimonial = Testimonial.objects.get()
    assert testimonial.quote == "Setup took an afternoon and <b>nobody</b> needed training."
    assert (testimonial.rating, testimonial.incentive) == (2, "discount")
    assert not testimonial.live


def test_missing_consent_is_explained_next_to_the_field(
    live_server, open_page, submission_page, our_product, no_typing_delay
):
    page = open_page(live_server.url + submission_page.url, width=375, height=812)

    page.get_by_label("Product").select_option(label=our_product.name)
    page.get_by_label("Your experience, in your own words").fill("Good product.")
    page.get_by_label("Your name").fill("Ana Ortiz")
    page.get_by_label("Your e-mail address").fill("ana@harbour.example")
    page.get_by_role("button", name="Send my testimonial").click()

    assert page.get_by_role("alert").is_visible()
    assert "We can only publish your testimonial with your consent." in page.content()
    assert page.get_by_label("Your experience, in your own words").input_value() == "Good product."
    assert not Testimonial.objects.exists()


def test_every_field_in_error_is_outlined_in_red(
    live_server, open_page, submission_page, our_product, no_typing_delay
):
    """The name and e-mail boxes as much as the text area: a reader scanning the form
    for what to fix finds every field by its red border."""
    page = open_page(live_server.url + submission_page.url, width=375, height=812)
    page.get_by_label("Your experience, in your own words").fill("Good product.")
    page.get_by_label("Your e-mail address").fill("not an address")
    page.get_by_role("button", name="Send my testimonial").click()
    page.wait_for_load_state()

    boxes = page.locator(".field--error input[type=text], .field--error input[type=email]")
    assert boxes.count() >= 2  # the name (required) and the e-mail address
    borders = boxes.evaluate_all(
        "boxes => boxes.map(box => getComputedStyle(box).borderTopColor + ' '"
        " + getComputedStyle(box).borderTopWidth)"
    )
    assert set(borders) == {"rgb(164, 0, 15) 2px"}
