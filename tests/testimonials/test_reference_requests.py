"""Sales ask for customer references in the admin; only editors approve them."""

from django.contrib.auth.models import Group

import pytest
from bs4 import BeautifulSoup

from testimonials.models import ReferenceRequest
from tests.testimonials.advocate_factories import AdvocateFactory, ReferenceRequestFactory
from tests.testimonials.factories import ProductFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/testimonials/referencerequest/"


def request_form(product, **values):
    return {
        "product": product.pk,
        "industry": "education",
        "prospect_need": "How SSO works for a school IT team of two.",
        "needed_by": "2099-01-15",
    } | values


def test_the_sales_role_holds_only_what_it_needs():
    permissions = Group.objects.get(name="Sales").permissions.values_list(
        "content_type__app_label", "codename"
    )

    assert set(permissions) == {
        ("wagtailadmin", "access_admin"),
        ("testimonials", "add_referencerequest"),
        ("testimonials", "view_referencerequest"),
        ("testimonials", "view_demorequestsubmission"),
    }


def test_sales_request_a_reference_and_follow_it(sales_client, sales_user, site_settings):
    product = ProductFactory(is_ours=True)

    form = sales_client.get(f"{LIST_URL}add/").content.decode()
    response = sales_client.post(f"{LIST_URL}add/", request_form(product))

    assert 'name="prospect_need"' in form
    assert 'name="advocate"' not in form and 'name="status"' not in form
    assert response.status_code == 302
    request = ReferenceRequest.objects.get()
    assert request.requested_by == sales_user
    assert request.status == ReferenceRequest.Status.REQUESTED
    listing = sales_client.get(LIST_URL)
    assert listing.status_code == 200 and "Waiting for an editor" in listing.content.decode()
    assert sales_client.get(f"{LIST_URL}inspect/{request.pk}/").status_code == 200


def test_sales_cannot_approve_or_assign(sales_client, site_settings):
    advocate = AdvocateFactory()
    product = ProductFactory(is_ours=True)

    sales_client.post(
        f"{LIST_URL}add/", request_form(product, status="approved", advocate=advocate.pk)
    )
    request = ReferenceRequest.objects.get()
    edit = sales_client.post(
        f"{LIST_URL}edit/{request.pk}/",
        request_form(product, status="approved", advocate=advocate.pk),
    )

    request.refresh_from_db()
    assert (request.status, request.advocate) == (ReferenceRequest.Status.REQUESTED, None)
    assert edit.status_code in (302, 403)
    assert sales_client.get(f"{LIST_URL}edit/{request.pk}/").status_code in (302, 403)


def test_sales_see_nothing_else_of_the_program(sales_client):
    for url in (
        "/admin/snippets/testimonials/advocate/",
        "/admin/snippets/testimonials/testimonial/",
        "/admin/snippets/testimonials/npsresponse/",
        "/admin/reports/advocate-candidates/",
        "/admin/reports/reconfirmation-due/",
    ):
        assert sales_client.get(url).status_code in (302, 403), url


def test_an_editor_approves_and_assigns(editor_client, editor, site_settings):
    request = ReferenceRequestFactory()
    advocate = AdvocateFactory()

    response = editor_client.post(
        f"{LIST_URL}edit/{request.pk}/",
        {
            "product": request.product_id,
            "industry": request.industry,
            "prospect_need": request.prospect_need,
            "needed_by": request.needed_by.isoformat(),
            "status": "approved",
            "advocate": advocate.pk,
            "editor_note": "Video calls on Tuesdays.",
        },
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ReferenceRequest.Status.APPROVED
    assert (request.advocate, request.decided_by) == (advocate, editor)


def test_a_request_for_a_past_date_is_refused(sales_client):
    response = sales_client.post(
        f"{LIST_URL}add/", request_form(ProductFactory(is_ours=True), needed_by="2001-01-01")
    )

    assert response.status_code == 200
    assert "That date has passed." in response.content.decode()


def test_the_list_exports(admin_client):
    ReferenceRequestFactory(prospect_need="Forty agents moving from a shared inbox")

    export = admin_client.get(LIST_URL + "?export=csv")

    assert "Forty agents moving from a shared inbox" in b"".join(export.streaming_content).decode()


def listing_row(client, request):
    """The cells of ``request``'s row in the list, by column heading."""
    soup = BeautifulSoup(client.get(LIST_URL).content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table.listing thead th")]
    for row in soup.select("table.listing tbody tr"):
        if str(request) in row.get_text():
            cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
            return dict(zip(headings, cells, strict=True))
    raise AssertionError(f"{request} is not listed")


def test_the_list_says_when_a_request_is_needed_and_who_made_it(
    sales_client, sales_user, site_settings
):
    """A date in three weeks is a date, not "Just now"; the requester is named."""
    sales_user.first_name, sales_user.last_name = "Sam", "Seller"
    sales_user.save()

    sales_client.post(
        f"{LIST_URL}add/", request_form(ProductFactory(is_ours=True), needed_by="2026-12-17")
    )
    row = listing_row(sales_client, ReferenceRequest.objects.get())

    assert row["Needed by"] == "17 December 2026"
    assert row["Requested by"] == "Sam Seller"
