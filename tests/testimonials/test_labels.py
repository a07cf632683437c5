"""Every label a prospect relies on appears exactly when it should."""

import pytest
from bs4 import BeautifulSoup

from testimonials.models import Testimonial
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


def rendered(client, wall_page, **fields):
    testimonial = TestimonialFactory(approved=True, **fields)
    soup = BeautifulSoup(client.get(wall_page.url).content, "html.parser")
    (figure,) = soup.select("figure.testimonial")
    return testimonial, figure


def test_unverified_by_default(client, wall_page):
    _, figure = rendered(client, wall_page)

    assert "Not verified" in figure.get_text()
    assert not figure.select(".label--verified")


def test_verified_with_its_method(client, wall_page):
    _, figure = rendered(client, wall_page, verification=Testimonial.Verification.ACCOUNT)

    assert "✓ Verified customer: matched to a customer account" in figure.get_text()
    assert "Not verified" not in figure.get_text()


def test_incentive_is_disclosed_next_to_the_quote(client, wall_page):
    _, figure = rendered(
        client, wall_page, incentive=Testimonial.Incentive.DISCOUNT, incentive_detail="20% off"
    )

    label = figure.select_one(".testimonial__disclosure .label--incentive")
    assert label.get_text() == "Received a discount for this review (20% off)"
    # Before the quote, not in a footnote.
    assert str(figure).index("label--incentive") < str(figure).index("<blockquote")


def test_no_incentive_label_when_nothing_was_given(client, wall_page):
    _, figure = rendered(client, wall_page)

    assert not figure.select(".label--incentive, .label--relationship")


@pytest.mark.parametrize(
    ("relationship", "label"),
    [("employee", "Employee"), ("partner", "Partner"), ("other", "Not a customer")],
)
def test_non_customers_are_labelled(client, wall_page, relationship, label):
    _, figure = rendered(client, wall_page, relationship=relationship)

    assert figure.select_one(".label--relationship").get_text() == label


def test_an_excerpt_is_marked_and_links_to_the_full_original(client, wall_page):
    quote = "Setup took an afternoon. Support answered within the hour every time we asked."
    testimonial, figure = rendered(
        client, wall_page, quote=quote, excerpt="Setup took an afternoon. … every time we asked."
    )

    assert "Excerpt" in figure.select_one(".label--excerpt").get_text()
    link = figure.select_one(".testimonial__labels a")
    assert link["href"] == f"{wall_page.url}{testimonial.pk}/"
    assert quote in client.get(link["href"]).content.decode()


def test_consent_decides_whether_name_and_company_are_shown(client, wall_page):
    _, figure = rendered(
        client,
        wall_page,
        author_name="Ana Ortiz",
        author_company="Harbour Books",
        author_role="Support lead",
        consent_name=False,
        consent_company=False,
    )

    text = figure.get_text()
    assert "Ana Ortiz" not in text and "Harbour Books" not in text
    assert "Support lead" in text
