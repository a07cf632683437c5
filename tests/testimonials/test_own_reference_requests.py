"""A salesperson follows the reference requests they made, and nobody else's (another
salesperson's prospect, advocate and the editor's note are not theirs to read); editors,
who decide on requests, see every one."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from testimonials.models import ReferenceRequest
from tests.responses import text
from tests.testimonials.advocate_factories import AdvocateFactory, ReferenceRequestFactory
from tests.testimonials.advocate_fixtures import user_in_group

pytestmark = pytest.mark.django_db


SNIPPET = "wagtailsnippets_testimonials_referencerequest"
CHOOSER = "wagtailsnippetchoosers_testimonials_referencerequest"


@pytest.fixture
def requests(django_user_model):
    """Ada's and Ben's requests, each naming its prospect; Ben's approved."""
    sales = Group.objects.get(name="Sales")
    ada = user_in_group(django_user_model, "ada", sales)
    ben = user_in_group(django_user_model, "ben", sales)
    return {
        "ada": ReferenceRequestFactory(
            requested_by=ada, product__name="Fernhill Desk", prospect_need="A school district"
        ),
        "ben": ReferenceRequestFactory(
            requested_by=ben,
            product__name="Harbour Desk",
            prospect_need="A hospital group",
            status=ReferenceRequest.Status.APPROVED,
            advocate=AdvocateFactory(name="Imogen Quarry"),
            editor_note="Call Imogen on Tuesdays.",
        ),
    }


def as_user(client, request):
    client.force_login(request.requested_by)
    return client


def test_a_salesperson_lists_and_exports_only_their_own_requests(requests, client):
    client = as_user(client, requests["ada"])

    listing = text(client.get(reverse(f"{SNIPPET}:list")))
    export = text(client.get(reverse(f"{SNIPPET}:list"), {"export": "csv"}))
    chooser = text(client.get(reverse(f"{CHOOSER}:choose")))

    ada, ben = requests["ada"], requests["ben"]
    assert str(ada) in listing and str(ada) in chooser and "A school district" in export
    for answer in (listing, export, chooser):
        assert str(ben) not in answer
        assert "A hospital group" not in answer and "Imogen" not in answer


@pytest.mark.parametrize("view", ["inspect", "history", "copy", "edit", "delete"])
def test_another_salespersons_request_is_not_found(view, requests, client):
    client = as_user(client, requests["ada"])

    theirs = client.get(reverse(f"{SNIPPET}:{view}", args=[requests["ben"].pk]))

    assert theirs.status_code == 404


def test_a_salesperson_reads_their_own_request(requests, client):
    client = as_user(client, requests["ben"])

    inspect = client.get(reverse(f"{SNIPPET}:inspect", args=[requests["ben"].pk]))

    assert inspect.status_code == 200
    assert "Call Imogen on Tuesdays." in text(inspect)


def test_the_chooser_gives_a_salesperson_only_their_own_requests(requests, client):
    client = as_user(client, requests["ada"])
    ada, ben = requests["ada"], requests["ben"]

    chosen = client.get(reverse(f"{CHOOSER}:chosen", args=[ada.pk]))
    other = client.get(reverse(f"{CHOOSER}:chosen", args=[ben.pk]))
    several = client.get(reverse(f"{CHOOSER}:chosen_multiple"), {"id": [ada.pk, ben.pk]})

    assert chosen.status_code == 200
    assert other.status_code == 404
    assert [item["id"] for item in several.json()["result"]] == [str(ada.pk)]


def test_editors_see_every_request(requests, client, django_user_model):
    editor = user_in_group(django_user_model, "editor", Group.objects.get(name="Editors"))
    client.force_login(editor)

    listing = text(client.get(reverse(f"{SNIPPET}:list")))
    inspect = client.get(reverse(f"{SNIPPET}:inspect", args=[requests["ben"].pk]))

    assert "Fernhill Desk" in listing and "Harbour Desk" in listing
    assert inspect.status_code == 200
