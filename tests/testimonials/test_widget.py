"""The embeddable testimonial widget: approved testimonials only, the same labels,
a link back, and only the listed origins may frame it."""

import pytest

from testimonials.models import Testimonial
from tests.comparisons.factories import ProductFactory
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

WIDGET = "/embed/testimonials/"


def frame_ancestors(response):
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if " " in directive.strip()
    )
    return policy["frame-ancestors"].split()


@pytest.fixture
def embed_origins(site_settings):
    site_settings.widget_allowed_origins = "https://www.candor.example\nhttps://docs.candor.example"
    site_settings.save()
    return ["https://www.candor.example", "https://docs.candor.example"]


def test_shows_a_products_approved_testimonials_with_their_labels_and_a_link_back(
    client, our_product, wall_page
):
    TestimonialFactory(
        product=our_product,
        approved=True,
        quote="Setup took an afternoon.",
        incentive=Testimonial.Incentive.DISCOUNT,
    )
    TestimonialFactory(
        product=our_product,
        approved=True,
        quote="Reporting is weak.",
        rating=2,
        relationship=Testimonial.Relationship.EMPLOYEE,
    )
    TestimonialFactory(product=our_product, quote="Pending words.")
    TestimonialFactory(product=our_product, rejected=True, quote="Rejected words.")
    TestimonialFactory(approved=True, quote="About another product.")

    response = client.get(WIDGET, {"product": our_product.pk})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Setup took an afternoon." in html and "Reporting is weak." in html
    assert "Pending words." not in html and "Rejected words." not in html
    assert "About another product." not in html
    assert "Received a discount for this review" in html
    assert "Employee" in html and "Rated 2 out of 5" in html
    assert f"http://testserver{wall_page.url}?product={our_product.pk}" in html
    assert "@" not in html.split("<body", 1)[1]  # no advocate e-mail


def test_shows_testimonials_for_a_tag(client, our_product, wall_page):
    tagged = TestimonialFactory(product=our_product, approved=True, quote="Great for schools.")
    tagged.tags.add("education")
    tagged.save()
    TestimonialFactory(product=our_product, approved=True, quote="Untagged words.")

    html = client.get(WIDGET, {"tag": "education"}).content.decode()

    assert "Great for schools." in html and "Untagged words." not in html
    assert "?tag=education" in html


@pytest.mark.parametrize("query", [{}, {"product": "999999"}, {"product": "abc"}])
def test_an_unknown_or_missing_product_is_not_found(client, wall_page, query):
    assert client.get(WIDGET, query).status_code == 404


def test_competitor_products_have_no_widget(client, wall_page):
    assert client.get(WIDGET, {"product": ProductFactory().pk}).status_code == 404


def test_only_the_listed_origins_may_frame_it(client, our_product, embed_origins):
    response = client.get(WIDGET, {"product": our_product.pk})

    assert frame_ancestors(response) == embed_origins
    assert "X-Frame-Options" not in response


def test_with_no_origins_listed_nobody_may_frame_it(client, our_product, site_settings):
    response = client.get(WIDGET, {"product": our_product.pk})

    assert frame_ancestors(response) == ["'none'"]


def test_every_other_page_refuses_to_be_framed(client, our_product, wall_page, embed_origins):
    response = client.get(wall_page.url)

    assert frame_ancestors(response) == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
