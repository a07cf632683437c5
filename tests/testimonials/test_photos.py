"""Advocates' photos are served as renditions in modern formats, sized and lazy, and a
warm site never makes a rendition while a visitor waits."""

from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def with_photo(our_product):
    return TestimonialFactory(
        product=our_product, approved=True, photo=ImageFactory(), consent_photo=True
    )


def test_a_photo_is_a_picture_with_avif_and_webp_sources_sized_and_lazy(
    client, wall_page, with_photo
):
    picture = BeautifulSoup(client.get(wall_page.url).content, "html.parser").select_one(
        ".testimonial picture"
    )

    types = [source["type"] for source in picture.select("source")]
    image = picture.select_one("img")
    assert types == ["image/avif", "image/webp"]
    assert (image["width"], image["height"]) == ("64", "64")
    assert image["loading"] == "lazy" and image["alt"] == ""
    assert len(picture.select_one("source")["srcset"].split(",")) == 2  # 1x and 2x screens


def test_a_warm_page_makes_no_rendition(client, wall_page, with_photo, our_product):
    client.get(wall_page.url)  # the first visit after publishing makes them
    made = Rendition.objects.count()
    for _ in range(3):
        TestimonialFactory(product=our_product, approved=True)
        client.get(wall_page.url)

    assert made > 0
    assert Rendition.objects.count() == made


def test_a_photo_shown_without_consent_is_not_shown(client, wall_page, our_product):
    TestimonialFactory(
        product=our_product, approved=True, photo=ImageFactory(), consent_photo=False
    )

    assert "<picture" not in client.get(wall_page.url).content.decode()


def test_each_photo_is_shown_from_its_own_renditions_also_once_its_focal_point_moves(
    client, wall_page, our_product
):
    """The tag's filters are made once and shared by every photo it shows: what a
    rendition depends on (the image, its focal point) is still each photo's own."""
    photos = [ImageFactory(width=640, height=480) for _ in range(2)]
    for photo in photos:
        TestimonialFactory(product=our_product, approved=True, photo=photo, consent_photo=True)

    def shown():
        soup = BeautifulSoup(client.get(wall_page.url).content, "html.parser")
        return [image["src"] for image in soup.select(".testimonial picture img")]

    def renditions(photo):
        return {rendition.url for rendition in Rendition.objects.filter(image=photo)}

    before = shown()
    assert len(set(before)) == 2
    assert all(any(src in renditions(photo) for src in before) for photo in photos)

    moved = photos[0]
    moved.focal_point_x, moved.focal_point_y = 600, 440
    moved.focal_point_width = moved.focal_point_height = 40
    moved.save()
    after = shown()

    new = set(after) - set(before)
    assert len(new) == 1 and new <= renditions(moved)
    assert set(after) & set(before) <= renditions(photos[1])
