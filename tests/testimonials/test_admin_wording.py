"""What the admin calls things, as an editor reads it: NPS spelt as NPS, yes or no
rather than True or False, counts in the singular when there is one."""

import io

from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from tests.comparisons.factories import ProductFactory
from tests.testimonials.advocate_factories import NpsInvitationFactory, NpsResponseFactory

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def column(soup, heading):
    """The texts of the cells under ``heading`` in a listing."""
    headings = [th.get_text(" ", strip=True) for th in soup.select("table.listing thead th")]
    index = headings.index(heading)
    return [
        row.find_all("td")[index].get_text(" ", strip=True)
        for row in soup.select("table.listing tbody tr")
    ]


def test_nps_is_spelt_nps_in_the_lists(editors_client):
    NpsResponseFactory()

    invitations = page(editors_client, f"{SNIPPETS}/testimonials/npsinvitation/")
    answers = page(editors_client, f"{SNIPPETS}/testimonials/npsresponse/")

    assert invitations.h1.get_text(strip=True) == "NPS invitations"
    assert answers.h1.get_text(strip=True) == "NPS answers"
    assert "Nps" not in invitations.get_text() + answers.get_text()


def test_a_new_nps_invitation_is_titled_so(admin_client):
    """No role adds invitations by hand but whoever runs the survey, an administrator."""
    add = page(admin_client, f"{SNIPPETS}/testimonials/npsinvitation/add/")

    assert add.title.get_text(strip=True).startswith("New: NPS invitation")


def test_whether_an_invitation_was_answered_reads_yes_or_no(editors_client):
    NpsResponseFactory(invitation__name="Answered Ann")
    NpsInvitationFactory(name="Silent Sid")

    listing = page(editors_client, f"{SNIPPETS}/testimonials/npsinvitation/")

    assert sorted(column(listing, "Answered")) == ["No", "Yes"]
    assert "True" not in listing.select_one("table.listing").get_text()


def test_made_by_us_reads_yes_or_no(editors_client):
    ProductFactory(name="Fernhill Desk", is_ours=True)
    ProductFactory(name="Tidewell Desk", is_ours=False)

    listing = page(editors_client, f"{SNIPPETS}/comparisons/product/")

    assert column(listing, "Made by us") == ["Yes", "No"]


@pytest.mark.parametrize(
    ("count", "report"), [(1, "Sent 1 invitation."), (2, "Sent 2 invitations.")]
)
def test_sending_invitations_counts_them_in_words(nps_survey, count, report):
    NpsInvitationFactory.create_batch(count, survey=nps_survey)
    out = io.StringIO()

    call_command("send_nps_invitations", stdout=out)

    assert out.getvalue().strip() == report


def test_the_product_form_does_not_save_as_the_editor_types(editors_client):
    """A product has no drafts: autosave would put a half-typed product and its facts
    live, and turn Create into an edit ("Product X updated.")."""
    product = ProductFactory()

    for url in (
        f"{SNIPPETS}/comparisons/product/add/",
        f"{SNIPPETS}/comparisons/product/edit/{product.pk}/",
    ):
        form = page(editors_client, url).select_one("form[data-controller~='w-unsaved']")
        assert "w-autosave" not in form["data-controller"].split(), url
