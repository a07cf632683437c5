"""The site as it runs in production, with the page cache on (every other test but
tests/home/test_page_cache*.py runs with it off): each public page type is served
twice to an anonymous visitor, a public form still works, and a moderator's approval
shows on the next anonymous request."""

import html
import re

from django.test import Client

import pytest

from testimonials.models import Testimonial
from tests.comparisons.factories import ProductPageFactory
from tests.home.factories import StandardPageFactory
from tests.testimonials.advocate_factories import DemoRequestPageFactory, NpsSurveyPageFactory
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory
from tests.testimonials.test_moderation import publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

# The pages a visitor reads, served from the cache from the second request on.
SHARED = [
    "home",
    "standard",
    "product index",
    "product",
    "comparison index",
    "comparison",
    "wall",
    "case study index",
    "case study",
    "nps survey",
]
# Pages with a form: each visitor gets a page, and a token, of their own.
OWN = ["testimonial submission", "demo request"]


@pytest.fixture
def pages(
    home_page,
    site_settings,
    product_index,
    our_product,
    comparison_grid,
    wall_page,
    case_study_index,
    submission_page,
):
    product_page = ProductPageFactory(
        parent=product_index, product=our_product, title="Fernhill Desk"
    )
    comparison = comparison_grid(product_count=3, criterion_count=4)
    TestimonialFactory(product=our_product, approved=True, quote="Replies in hours, not days.")
    return {
        "home": home_page,
        "standard": StandardPageFactory(parent=home_page, title="How we compare"),
        "product index": product_index,
        "product": product_page,
        "comparison index": comparison.get_parent().specific,
        "comparison": comparison,
        "wall": wall_page,
        "case study index": case_study_index,
        "case study": CaseStudyPageFactory(parent=case_study_index, title="Harbour Books"),
        "testimonial submission": submission_page,
        "demo request": DemoRequestPageFactory(parent=home_page),
        "nps survey": NpsSurveyPageFactory(parent=home_page),
    }


@pytest.mark.parametrize("kind", SHARED)
def test_a_page_is_rendered_once_then_served_from_the_cache(client, pages, kind):
    page = pages[kind]

    first = client.get(page.url)
    second = client.get(page.url)

    assert (first.status_code, second.status_code) == (200, 200)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert html.escape(page.title) in second.content.decode()
    assert "csrfmiddlewaretoken" not in second.content.decode()
    assert not second.cookies, "a shared page sets nobody's cookie"


@pytest.mark.parametrize("kind", OWN)
def test_a_page_with_a_form_is_rendered_for_each_visitor(pages, kind):
    page = pages[kind]

    answers = [Client().get(page.url) for _ in range(2)]

    assert [answer.status_code for answer in answers] == [200, 200]
    assert all("X-Cache" not in answer for answer in answers)
    tokens = [answer.cookies["csrftoken"].value for answer in answers]
    assert tokens[0] != tokens[1]


def form_fields(response):
    page = response.content.decode()
    return {
        name: html.unescape(value)
        for name, value in re.findall(
            r'name="(csrfmiddlewaretoken|rendered_at)" value="([^"]+)"', page
        )
    }


def test_a_testimonial_is_submitted_through_the_cached_site(
    pages, our_product, no_typing_delay, django_capture_on_commit_callbacks
):
    visitor = Client(enforce_csrf_checks=True)
    assert visitor.get(pages["wall"].url)["X-Cache"] == "miss"
    form = visitor.get(pages["testimonial submission"].url)
    answers = {
        "product": our_product.pk,
        "quote": "Our queue is empty by noon.",
        "author_name": "Ana Ortiz",
        "email": "ana@harbour.example",
        "relationship": "customer",
        "incentive": "none",
        "consent_publish": "on",
        "website": "",
    }

    refused = Client(enforce_csrf_checks=True).post(pages["testimonial submission"].url, answers)
    with django_capture_on_commit_callbacks(execute=True):
        sent = visitor.post(pages["testimonial submission"].url, answers | form_fields(form))

    assert refused.status_code == 403, "no CSRF token, no testimonial"
    assert sent.status_code == 302
    assert Testimonial.objects.get(quote="Our queue is empty by noon.").status == "pending"
    wall = visitor.get(pages["wall"].url)
    assert wall.status_code == 200
    assert "Our queue is empty by noon." not in wall.content.decode(), "not before approval"


def test_a_moderators_approval_shows_on_the_next_anonymous_request(
    client, pages, our_product, moderator, django_capture_on_commit_callbacks
):
    pending = TestimonialFactory(product=our_product, quote="Setup took an afternoon.")
    urls = [pages["product"].url, pages["wall"].url]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit"
    moderator_client = Client()
    moderator_client.force_login(moderator)  # in the Moderators group, as people who moderate are

    with django_capture_on_commit_callbacks(execute=True):
        publish(moderator_client, pending)

    assert Testimonial.objects.get(pk=pending.pk).live
    for url in urls:
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
        assert "Setup took an afternoon." in response.content.decode(), url
