"""Public uploads accept common raster images only: an SVG can carry script."""

import io

import pytest
from PIL import Image

from testimonials.models import Testimonial
from tests.testimonials.test_submission import image_file, valid_form

pytestmark = pytest.mark.django_db

SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>"""


def named(data, name):
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


def bitmap(image_format, name):
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "teal").save(buffer, image_format)
    return named(buffer.getvalue(), name)


@pytest.mark.parametrize(
    "photo",
    [
        named(SVG, "me.svg"),
        named(SVG, "me.png"),
        bitmap("TIFF", "me.tiff"),
        bitmap("BMP", "me.png"),
    ],
    ids=["svg", "svg-named-png", "tiff", "bmp-named-png"],
)
def test_anything_but_a_common_raster_image_is_refused(post, our_product, photo):
    response = post(valid_form(our_product, photo=photo, consent_photo="on"))

    assert response.status_code == 400
    errors = str(response.context["form"].errors["photo"])
    assert "Upload a valid image" in errors or "JPEG, PNG, GIF, WebP" in errors
    assert not Testimonial.objects.exists()


@pytest.mark.parametrize(("image_format", "name"), [("JPEG", "me.jpg"), ("WEBP", "me.webp")])
def test_jpeg_and_webp_photos_are_accepted(post, our_product, image_format, name):
    post(valid_form(our_product, photo=bitmap(image_format, name), consent_photo="on"))

    assert Testimonial.objects.get().photo.width == 50


def test_a_png_is_accepted(post, our_product):
    post(valid_form(our_product, photo=image_file(), consent_photo="on"))

    assert Testimonial.objects.exists()


def animation(frames, side):
    """A GIF of ``frames`` frames of ``side`` × ``side`` pixels: small as a file, large
    once decoded."""
    colours = ["teal", "orange"]
    pictures = [Image.new("RGB", (side, side), colours[index % 2]) for index in range(frames)]
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], duration=50)
    return named(buffer.getvalue(), "me.gif")


def test_an_animation_too_large_once_decoded_is_refused_before_it_is_decoded(
    post, our_product, settings
):
    settings.TESTIMONIAL_PHOTO_MAX_PIXELS = 400  # 160,000 pixels: one 400 × 400 picture
    response = post(valid_form(our_product, photo=animation(3, 300), consent_photo="on"))

    assert response.status_code == 400
    assert "3 pictures" in str(response.context["form"].errors["photo"])
    assert not Testimonial.objects.exists()


def test_a_short_animation_is_accepted(post, our_product, settings):
    settings.TESTIMONIAL_PHOTO_MAX_PIXELS = 400
    post(valid_form(our_product, photo=animation(3, 200), consent_photo="on"))

    assert Testimonial.objects.get().photo.width == 200


def test_a_photo_cut_short_is_refused_with_a_reason_and_nothing_is_stored(post, our_product):
    buffer = io.BytesIO()
    Image.effect_noise((300, 300), 60).convert("RGB").save(buffer, "JPEG")
    cut_short = named(buffer.getvalue()[: len(buffer.getvalue()) // 2], "me.jpg")

    response = post(valid_form(our_product, photo=cut_short, consent_photo="on"))

    assert response.status_code == 400
    assert "cut short" in str(response.context["form"].errors["photo"])
    assert not Testimonial.objects.exists()
