"""The embeddable testimonial widget: approved testimonials only, the same labels,
a link back, and only the listed origins may frame it."""

import pytest
from bs4 import BeautifulSoup

from testimonials.models import Testimonial, TestimonialTally
from tests.comparisons.factories import ProductFactory
from tests.query_counts import MAX_QUERIES, queries_to_render
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
    # A selection's own count would not include the low ratings it left out.
    assert "low ratings included" not in html


def test_a_tag_is_found_as_its_see_all_link_finds_it_on_the_wall(client, our_product, wall_page):
    """By its name or slug in any case, as the wall does: an embed code written as
    "Single sign-on" shows the same testimonials as the wall it links to."""
    tagged = TestimonialFactory(product=our_product, approved=True, quote="SSO at last.")
    tagged.tags.add("Single sign-on")
    tagged.save()

    for typed in ("Single sign-on", "SINGLE-SIGN-ON"):
        assert "SSO at last." in client.get(WIDGET, {"tag": typed}).content.decode(), typed


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


def tagged(tag, count=1, **fields):
    testimonials = TestimonialFactory.create_batch(count, approved=True, **fields)
    for testimonial in testimonials:
        testimonial.tags.add(tag)
        testimonial.save()
    return testimonials


def distribution(section):
    """{stars: count} from a rating distribution table, as a reader sees it."""
    rows = section.select("table.distribution tbody tr")
    return {int(row.th.get_text().split()[0]): int(row.select("td")[0].get_text()) for row in rows}


@pytest.fixture
def praise_and_complaints(our_product):
    """Three 5★ testimonials tagged for the home page; the same product also has
    published 1★ and 3★ ones, and unpublished ones that must not count."""
    tagged("homepage", 3, product=our_product, rating=5, quote="Wonderful.")
    TestimonialFactory.create_batch(2, product=our_product, approved=True, rating=1)
    TestimonialFactory(product=our_product, approved=True, rating=3)
    TestimonialFactory(product=our_product, rating=1, quote="Pending complaint.")
    TestimonialFactory(product=our_product, rejected=True, rating=1)
    pending_praise = TestimonialFactory(product=our_product, rating=5, quote="Pending praise.")
    pending_praise.tags.add("homepage")
    pending_praise.save()
    return our_product


def test_a_tag_selection_says_it_was_chosen_and_shows_every_rating_of_the_product(
    client, praise_and_complaints, wall_page
):
    product = praise_and_complaints

    html = client.get(WIDGET, {"tag": "homepage"}).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert "A selection chosen by Candor Test Co" in soup.get_text(" ", strip=True)
    assert "low ratings included" not in html
    assert html.count("Wonderful.") == 3
    assert "Pending praise." not in html and "Pending complaint." not in html
    ratings = soup.find("section", attrs={"aria-labelledby": f"ratings-{product.pk}"})
    assert ratings.h2.get_text(strip=True) == f"Every rating of {product.name}"
    assert ratings.caption is not None
    assert distribution(ratings) == {5: 3, 4: 0, 3: 1, 2: 0, 1: 2}
    assert "from 6 ratings" in ratings.get_text(" ", strip=True)
    link = ratings.find("a", string=f"Read all reviews of {product.name}")
    assert link["href"] == f"http://testserver{wall_page.url}?product={product.pk}"


def test_a_selection_about_two_products_shows_each_ones_ratings(client, our_product, wall_page):
    other = ProductFactory(is_ours=True)
    tagged("schools", product=our_product, rating=5)
    tagged("schools", product=other, rating=4)
    TestimonialFactory(product=other, approved=True, rating=2)

    soup = BeautifulSoup(client.get(WIDGET, {"tag": "schools"}).content, "html.parser")

    assert distribution(soup.find(attrs={"aria-labelledby": f"ratings-{our_product.pk}"}))[5] == 1
    theirs = distribution(soup.find(attrs={"aria-labelledby": f"ratings-{other.pk}"}))
    assert (theirs[4], theirs[2]) == (1, 1)


def test_a_product_widget_shows_its_ratings_but_is_no_selection(
    client, praise_and_complaints, wall_page
):
    product = praise_and_complaints

    soup = BeautifulSoup(client.get(WIDGET, {"product": product.pk}).content, "html.parser")

    assert "selection" not in soup.get_text().lower()
    ratings = soup.find("section", attrs={"aria-labelledby": f"ratings-{product.pk}"})
    assert distribution(ratings) == {5: 3, 4: 0, 3: 1, 2: 0, 1: 2}


def test_the_japanese_widget_discloses_the_selection_too(client, praise_and_complaints, wall_page):
    response = client.get("/ja" + WIDGET, {"tag": "homepage"})
    soup = BeautifulSoup(response.content, "html.parser")

    assert soup.html["lang"] == "ja"
    assert "Candor Test Co" in soup.select_one(".widget__selection").get_text()
    assert soup.select_one(f"#ratings-{praise_and_complaints.pk}") is not None


@pytest.mark.parametrize("kind", ["tag", "product"])
def test_queries_do_not_grow_with_the_number_of_testimonials(client, our_product, wall_page, kind):
    query = "?tag=homepage" if kind == "tag" else f"?product={our_product.pk}"

    def queries(count):
        tagged("homepage", count, product=our_product, rating=5)
        TestimonialFactory.create_batch(count, product=our_product, approved=True, rating=1)
        return queries_to_render(client, WIDGET + query)

    few, many = queries(2), queries(20)

    assert few == many <= MAX_QUERIES


def test_a_selection_about_more_products_reads_their_figures_in_as_many_queries(
    client, our_product, wall_page
):
    """Each product a selection quotes shows its own figures, read for all of them at
    once (the same queries for one product or five); a product not tallied yet is
    counted from its testimonials."""
    tagged("schools", product=our_product, rating=5)
    one = queries_to_render(client, WIDGET + "?tag=schools")
    others = [ProductFactory(is_ours=True) for _ in range(4)]
    for rating, product in enumerate(others, start=1):
        tagged("schools", product=product, rating=rating)
        TestimonialFactory(product=product, approved=True, rating=3)

    five = queries_to_render(client, WIDGET + "?tag=schools")
    TestimonialTally.objects.filter(product=others[0]).delete()
    soup = BeautifulSoup(client.get(WIDGET, {"tag": "schools"}).content, "html.parser")

    assert five == one
    for product in [our_product, *others]:
        ratings = distribution(soup.find(attrs={"aria-labelledby": f"ratings-{product.pk}"}))
        counted = Testimonial.objects.filter(product=product).summary()["ratings"]
        assert sum(ratings.values()) == counted["count"] > 0, product
    untallied = distribution(soup.find(attrs={"aria-labelledby": f"ratings-{others[0].pk}"}))
    assert untallied == {5: 0, 4: 0, 3: 1, 2: 0, 1: 1}
