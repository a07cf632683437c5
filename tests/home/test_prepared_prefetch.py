"""What a prepared query prefetches (home.prepared_prefetch): along relations loaded with
its rows to a reverse foreign key, read by a query compiled once, and cached on each
parent as Django caches it; any other lookup left to Django. Either way the instances
hold what Django's own prefetch gives them."""

from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.images.models import Filter

import pytest
from wagtail_factories import ImageFactory

from home.prepared import PreparedQuery
from testimonials.models import Testimonial, TestimonialReply
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

SPECS = ("fill-64x64", "fill-128x128", "width-300")


@pytest.fixture
def cards(our_product):
    """Three testimonials: a photo with three renditions, with a reply edited twice; a
    photo with one; no photo and no reply. Another image's rendition nobody shows."""
    first = TestimonialFactory(product=our_product, approved=True, photo=ImageFactory())
    second = TestimonialFactory(product=our_product, approved=True, photo=ImageFactory())
    third = TestimonialFactory(product=our_product, approved=True)
    for spec in SPECS:
        first.photo.get_rendition(Filter(spec=spec))
    second.photo.get_rendition(Filter(spec=SPECS[0]))
    ImageFactory().get_rendition(Filter(spec=SPECS[0]))
    reply = TestimonialReply.objects.create(testimonial=first, text="Thank you")
    for text in ("Thanks", "Thank you!"):
        reply.edits.create(text=text)
    return [first, second, third]


def shown(*lookups, related=("photo", "reply")):
    def build(ids):
        return (
            Testimonial.objects.filter(pk__in=ids)
            .select_related(*related)
            .prefetch_related(*lookups)
            .order_by("pk")
        )

    return build


def held(testimonials):
    """What each testimonial's prefetched sets hold: its photo's renditions, its
    reply's earlier versions."""
    return [
        (
            sorted(r.pk for r in t.photo.renditions.all()) if t.photo else None,
            sorted(e.pk for e in t.reply.edits.all()) if hasattr(t, "reply") else None,
        )
        for t in testimonials
    ]


def test_renditions_and_earlier_replies_are_what_djangos_prefetch_gives(
    cards, django_assert_num_queries
):
    ids = [card.pk for card in cards]
    build = shown("photo__renditions", "reply__edits")
    django = list(build(ids))

    found = PreparedQuery(build, [int])(ids)

    with django_assert_num_queries(0):
        assert held(found) == held(django)
    assert [len(renditions) for renditions, _ in held(found)[:2]] == [3, 1]
    assert found[0].photo.renditions.all()[0].image is found[0].photo


def test_a_prefetched_set_filtered_further_keeps_to_its_parent(cards):
    found = PreparedQuery(shown("photo__renditions"), [int])([card.pk for card in cards])

    assert found[1].photo.renditions.filter(filter_spec=SPECS[1]).count() == 0
    assert found[0].photo.renditions.filter(filter_spec=SPECS[1]).count() == 1


def test_the_prefetch_is_compiled_once_for_each_number_of_parents(cards, compilations):
    build = shown("photo__renditions", "reply__edits")
    prepared = PreparedQuery(build, [int])
    prepared([cards[0].pk, cards[2].pk])
    compiled = compilations[0]

    found = prepared([cards[1].pk, cards[2].pk])

    assert compilations[0] == compiled
    assert held(found) == held(build([cards[1].pk, cards[2].pk]))


def test_no_parent_to_prefetch_for_asks_nothing_more(cards, django_assert_num_queries):
    prepared = PreparedQuery(shown("photo__renditions"), [int])
    prepared([cards[2].pk])

    with django_assert_num_queries(1):
        found = prepared([cards[2].pk])

    assert found == [cards[2]]


@pytest.mark.parametrize(
    "lookups, related",
    [
        (("photo__renditions",), ()),  # the photo not loaded with the rows
        ((Prefetch("photo__renditions"),), ("photo",)),  # a lookup with a queryset
    ],
)
def test_what_it_cannot_read_is_left_to_django(cards, lookups, related):
    ids = [card.pk for card in cards]

    found = PreparedQuery(shown(*lookups, related=related), [int])(ids)

    assert held(found) == held(shown(*lookups, related=related)(ids))
    assert all("renditions" in t.photo._prefetched_objects_cache for t in found[:2])


def test_a_prefetch_with_its_own_queryset_among_them_leaves_them_all_to_django(cards):
    # Django keeps the filtered set and skips the plain lookup of the same relations.
    small = get_image_model().get_rendition_model().objects.filter(filter_spec=SPECS[0])
    lookups = (Prefetch("photo__renditions", queryset=small), "photo__renditions")
    ids = [card.pk for card in cards]

    found = PreparedQuery(shown(*lookups, related=("photo",)), [int])(ids)

    assert [len(t.photo.renditions.all()) for t in found[:2]] == [1, 1]


def test_every_object_walked_through_has_a_prefetch_cache_as_django_leaves_it(cards):
    found = PreparedQuery(shown("photo__renditions"), [int])([card.pk for card in cards])

    assert all(t._prefetched_objects_cache == {} for t in found)
    assert "renditions" in found[0].photo._prefetched_objects_cache
