"""Pages in a private section stay private, however they are reached."""

from wagtail.models import PageViewRestriction

import pytest

from tests.comparisons.factories import ProductPageFactory
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def restrict(page, kind=PageViewRestriction.LOGIN):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind)


def test_a_page_under_a_login_restricted_section_asks_visitors_to_log_in(
    client, site_settings, product_index
):
    product_page = ProductPageFactory(parent=product_index)
    restrict(product_index)

    response = client.get(product_page.url)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_password_protected_page_shows_the_password_form(client, site_settings, home_page):
    page = StandardPageFactory(parent=home_page, title="Internal pricing notes")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_an_alias_takes_the_restriction_of_the_page_it_mirrors(client, site_settings, home_page):
    source = StandardPageFactory(parent=home_page, title="Partner terms")
    restrict(source)
    alias = source.create_alias(update_slug="partner-terms-copy")

    assert client.get(alias.url).status_code == 302


def test_pages_outside_a_restricted_section_stay_public(client, site_settings, home_page):
    restrict(StandardPageFactory(parent=home_page, title="Internal"))
    public = StandardPageFactory(parent=home_page, title="How we compare")

    assert client.get(public.url).status_code == 200
