"""Nothing pending, rejected or withdrawn reaches a prospect, anywhere."""

import pytest
from bs4 import BeautifulSoup

from testimonials.author_edits import withdraw
from testimonials.models import CaseStudyQuote, Testimonial
from testimonials.querysets import PUBLIC
from tests.comparisons.factories import ProductPageFactory
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(our_product):
    """One testimonial in each state, each with a quote that names its state."""
    return {
        state: TestimonialFactory(product=our_product, quote=f"Quote that is {state}.", **traits)
        for state, traits in {
            "approved": {"approved": True},
            "pending": {},
            "rejected": {"rejected": True},
            "withdrawn": {"withdrawn": True},
            "unpublished-approved": {"status": Testimonial.Status.APPROVED, "live": False},
        }.items()
    }


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_only_approved_published_testimonials_are_public(mixed):
    assert list(Testimonial.objects.public()) == [mixed["approved"]]


def test_wall_product_page_and_case_study_show_only_approved(
    client, mixed, our_product, product_index, wall_page, case_study_index
):
    product_page = ProductPageFactory(parent=product_index, product=our_product)
    case_study = CaseStudyPageFactory(parent=case_study_index)
    for testimonial in mixed.values():
        CaseStudyQuote.objects.create(page=case_study, testimonial=testimonial)

    for url in (wall_page.url, product_page.url, case_study.url):
        text = text_of(client, url)
        assert "Quote that is approved." in text, url
        for state in ("pending", "rejected", "withdrawn", "unpublished-approved"):
            assert f"Quote that is {state}." not in text, (url, state)


def test_aggregates_count_only_approved_ratings(mixed, our_product):
    summary = our_product.testimonials.summary()

    assert summary["ratings"]["count"] == 1
    assert summary["moderation"] == {
        "submitted": 5,
        "published": 1,
        "pending": 1,
        "withdrawn": 1,
        "rejected": [{"reason": "Spam", "count": 1}],
        "rejected_total": 1,
    }


def test_the_ratings_average_and_spread_only_what_is_public(our_product, django_assert_num_queries):
    for rating in (5, 4, 4, 1, None):
        TestimonialFactory(product=our_product, rating=rating, approved=True)
    for traits in ({}, {"rejected": True}, {"status": Testimonial.Status.APPROVED, "live": False}):
        TestimonialFactory(product=our_product, rating=2, **traits)

    with django_assert_num_queries(1):
        ratings = Testimonial.objects.filter(product=our_product).summary()["ratings"]

    assert ratings["average"] == pytest.approx(3.5)  # (5 + 4 + 4 + 1) / 4: unrated aside
    assert ratings["count"] == 4
    assert [(row["stars"], row["count"], row["percent"]) for row in ratings["distribution"]] == [
        (5, 1, 25),
        (4, 2, 50),
        (3, 0, 0),
        (2, 0, 0),
        (1, 1, 25),
    ]
    assert ratings["critical"] == 1
    assert our_product.testimonials.summary()["ratings"] == ratings


def test_a_product_with_no_public_rating_has_no_average(our_product):
    TestimonialFactory(product=our_product, rating=5)  # pending

    ratings = Testimonial.objects.filter(product=our_product).summary()["ratings"]

    assert (ratings["average"], ratings["count"], ratings["critical"]) == (None, 0, 0)


def test_a_testimonial_that_is_not_public_has_no_page(client, mixed, wall_page):
    assert client.get(f"{wall_page.url}{mixed['approved'].pk}/").status_code == 200
    for state in ("pending", "rejected", "withdrawn"):
        assert client.get(f"{wall_page.url}{mixed[state].pk}/").status_code == 404


def test_a_withdrawn_case_study_quote_disappears_without_a_trace(
    client, our_product, case_study_index
):
    testimonial = TestimonialFactory(
        product=our_product, approved=True, quote="Kept our team sane."
    )
    case_study = CaseStudyPageFactory(parent=case_study_index)
    CaseStudyQuote.objects.create(page=case_study, testimonial=testimonial)
    assert "Kept our team sane." in text_of(client, case_study.url)

    withdraw(testimonial)

    text = text_of(client, case_study.url)
    assert "Kept our team sane." not in text
    assert "In their words" not in text


def test_visitor_text_is_shown_as_text_never_as_markup(client, our_product, wall_page):
    TestimonialFactory(
        product=our_product,
        approved=True,
        quote='<script>alert("x")</script><b>bold</b>',
        author_name="<img src=x onerror=alert(1)>",
    )

    html = client.get(wall_page.url).content.decode()

    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_the_private_email_never_appears_in_public_pages(client, our_product, wall_page):
    TestimonialFactory(product=our_product, approved=True, email="private@customer.example")

    assert "private@customer.example" not in client.get(wall_page.url).content.decode()


def test_the_public_rule_names_the_approved_status():
    """PUBLIC is written before the model it filters: it must name its approved status."""
    assert PUBLIC == {"live": True, "status": Testimonial.Status.APPROVED}
    assert CaseStudyQuote._meta.get_field("testimonial").remote_field.limit_choices_to is PUBLIC
