"""Searching each snippet listing in the admin (``?q=``), on whichever database runs the
tests, as the role that keeps the list. An indexed snippet is searched through its
model's search index; a viewset's own search_fields would name columns that the SQLite
index does not have."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.search.index import class_is_indexed
from wagtail.snippets.models import get_snippet_models

import pytest

from tests.comparisons.factories import CriterionFactory, ProductFactory
from tests.testimonials.advocate_factories import AdvocateFactory, NpsInvitationFactory
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import (
    CustomerContactFactory,
    CustomerFactory,
    InvitationCampaignFactory,
    TestimonialFactory,
)

pytestmark = pytest.mark.django_db

# model: (the group that searches it, a record to find and one not to, what is typed)
SEARCHES = {
    "testimonials.Testimonial": (
        "Moderators",
        lambda: TestimonialFactory(quote="Rollout took a weekend.", author_name="Ada Byron"),
        lambda: TestimonialFactory(quote="Rollout took a month.", author_name="Alan Turing"),
        "weekend",
    ),
    "testimonials.Customer": (
        "Editors",
        lambda: CustomerFactory(name="Fernhill Bakery"),
        lambda: CustomerFactory(name="Harbour Freight"),
        "Fernh",
    ),
    "testimonials.Advocate": (
        "Editors",
        lambda: AdvocateFactory(name="Grace Hopper"),
        lambda: AdvocateFactory(name="Edsger Dijkstra"),
        "Grace",
    ),
    "testimonials.NpsInvitation": (
        "Editors",
        lambda: NpsInvitationFactory(name="Barbara Liskov"),
        lambda: NpsInvitationFactory(name="Donald Knuth"),
        "Liskov",
    ),
    "testimonials.CustomerContact": (
        "Editors",
        lambda: CustomerContactFactory(name="Aiko Sato", company="Kobe Tea"),
        lambda: CustomerContactFactory(name="Ben Ode", company="Leeds Print"),
        "Aiko",
    ),
    "testimonials.InvitationCampaign": (
        "Editors",
        lambda: InvitationCampaignFactory(name="Spring customers 2026"),
        lambda: InvitationCampaignFactory(name="Autumn customers 2025"),
        "Spring",
    ),
    "comparisons.Product": (
        "Editors",
        lambda: ProductFactory(name="Quillstone Desk"),
        lambda: ProductFactory(name="Ravenmoor Help"),
        "Quill",
    ),
    "comparisons.Criterion": (
        "Editors",
        lambda: CriterionFactory(name="Offline mode"),
        lambda: CriterionFactory(name="Audit trail"),
        "Offl",
    ),
}


def is_searchable(viewset):
    return class_is_indexed(viewset.model) or viewset.search_fields not in (
        None,
        viewset.UNDEFINED,
    )


def test_every_searchable_snippet_listing_is_tested():
    searchable = {m._meta.label for m in get_snippet_models() if is_searchable(m.snippet_viewset)}

    assert searchable == set(SEARCHES)


def search_as_keeper(client, django_user_model, label, record, typed):
    """Search the listing of ``record``'s model for ``typed``, as the group that keeps it."""
    group = SEARCHES[label][0]
    client.force_login(user_in_group(django_user_model, group, Group.objects.get(name=group)))
    url = reverse(type(record).snippet_viewset.get_url_name("list_results"))
    return client.get(url, {"q": typed})


@pytest.mark.parametrize("label", sorted(SEARCHES))
def test_searching_a_snippet_listing_finds_the_record(label, client, django_user_model):
    _group, make_found, make_other, typed = SEARCHES[label]
    found, other = make_found(), make_other()

    response = search_as_keeper(client, django_user_model, label, found, typed)

    assert response.status_code == 200
    listed = [str(row) for row in response.context["object_list"]]
    assert listed == [str(found)], f"{other} is not what was searched for"


@pytest.mark.parametrize("typed", ['"', '"unclosed', 'week"end', '""', 'O"Brien "rollout'])
@pytest.mark.parametrize("label", sorted(SEARCHES))
def test_a_double_quote_in_a_search_is_just_a_character(label, typed, client, django_user_model):
    """A quote typed (or pasted) into the search box must never reach the database as
    syntax: the listing answers, finding what it can."""
    found = SEARCHES[label][1]()

    response = search_as_keeper(client, django_user_model, label, found, typed)

    assert response.status_code == 200
