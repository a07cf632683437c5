"""A picture written by home.markup is the one Wagtail's ``Picture`` writes: the same
sources in the same order, the same attributes, escaped the same way."""

from wagtail.images.models import Filter, Picture

import pytest
from wagtail_factories import ImageFactory

from home.markup import picture

pytestmark = pytest.mark.django_db

ATTRIBUTES = {"sizes": "64px", "class": "photo", "alt": "", "loading": "lazy", "hidden": True}


def renditions_of(image, *specs):
    return image.get_renditions(*(Filter(spec=spec) for spec in Filter.expand_spec(list(specs))))


@pytest.mark.parametrize(
    "specs",
    [
        ("format-{avif,webp,jpeg}", "fill-{64x64,128x128}"),  # a card's photo
        ("format-{webp,png}", "fill-{32x32,64x64,96x96}"),
        ("fill-{64x64,128x128}",),  # one format: no <source>
        ("fill-64x64",),  # one rendition: no srcset
    ],
)
def test_the_same_markup_as_wagtails_picture(specs):
    renditions = renditions_of(ImageFactory(), *specs)

    assert picture(renditions, ATTRIBUTES) == Picture(renditions, dict(ATTRIBUTES)).__html__()


def test_attributes_are_escaped_and_the_images_own_alt_text_used_when_none_is_given():
    renditions = renditions_of(ImageFactory(title='A "quoted" & <marked> title'), "fill-64x64")
    attributes = {"class": 'a"b', "data-note": "<&>", "skipped": None, "off": False}

    written = picture(renditions, attributes)

    assert written == Picture(renditions, dict(attributes)).__html__()
    assert 'class="a&quot;b"' in written and 'data-note="&lt;&amp;&gt;"' in written
    assert "skipped" not in written and "off" not in written
