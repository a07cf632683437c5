"""A case study's hand-picked quotes are flagged when they leave out every low rating
the product has: readers trust a mix more than praise alone."""

import pytest

from home.honesty import Severity, run_checks
from testimonials.checks import selection_leaves_out_low_ratings
from testimonials.models import CaseStudyPage, CaseStudyQuote
from tests.comparisons.factories import ProductFactory
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


def case_study(product, *quoted):
    page = CaseStudyPage(title="How Acme answers in hours")
    page.products = [product]
    page.quotes = [CaseStudyQuote(testimonial=t) for t in quoted]
    return page


@pytest.fixture
def product():
    return ProductFactory(is_ours=True)


def test_praise_only_while_low_ratings_are_approved_is_a_warning(product):
    praise = TestimonialFactory(product=product, rating=5, approved=True)
    TestimonialFactory(product=product, rating=2, approved=True)
    TestimonialFactory(product=product, rating=1, approved=True)

    [problem] = selection_leaves_out_low_ratings(case_study(product, praise))

    assert problem.severity == Severity.WARNING
    assert problem.field == "quotes"
    assert "leave out all 2 approved 1–2★ testimonials" in problem.message
    assert run_checks(case_study(product, praise)) == [problem]


def test_a_selection_with_a_low_rating_passes(product):
    praise = TestimonialFactory(product=product, rating=5, approved=True)
    low = TestimonialFactory(product=product, rating=2, approved=True)

    assert list(selection_leaves_out_low_ratings(case_study(product, praise, low))) == []


def test_low_ratings_that_are_not_public_do_not_count(product):
    praise = TestimonialFactory(product=product, rating=5, approved=True)
    TestimonialFactory(product=product, rating=1)  # pending
    TestimonialFactory(product=product, rating=3, approved=True)

    assert list(selection_leaves_out_low_ratings(case_study(product, praise))) == []


def test_no_quotes_chosen_is_no_selection_to_judge(product):
    TestimonialFactory(product=product, rating=1, approved=True)

    assert list(selection_leaves_out_low_ratings(case_study(product))) == []
