"""A prospect looks for the bad news first: on the wall, "3 stars and below" and
"critical first" in one tap; on the product page, a link to them with their number."""

import datetime
from urllib.parse import parse_qs, urlparse

from django.test import Client
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.home.translations import japanese
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.test_moderation import publish

pytestmark = pytest.mark.django_db

CRITICAL = "?rating=1-3&order=critical"


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def quotes(client, url):
    return [q.get_text(strip=True) for q in soup(client, url).select("blockquote")]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def reviews(our_product):
    """Every rating published, with critical ones of every kind kept from the public."""
    for days, rating in [(5, 5), (4, 4), (3, 3), (2, 2), (1, 1), (6, None), (7, 3)]:
        TestimonialFactory(
            product=our_product,
            rating=rating,
            approved=True,
            quote=f"Rated {rating}, {days} days ago.",
            submitted_at=days_ago(days),
        )
    TestimonialFactory(product=our_product, rating=1, quote="Pending one.")
    TestimonialFactory(product=our_product, rating=2, rejected=True, quote="Rejected two.")
    TestimonialFactory(product=our_product, rating=1, withdrawn=True, quote="Withdrawn one.")
    TestimonialFactory(
        product=our_product, rating=2, status="approved", live=False, quote="Unpublished two."
    )
    return our_product


# The wall -----------------------------------------------------------------------------


def test_three_stars_and_below_shows_only_approved_low_ratings(client, wall_page, reviews):
    shown = quotes(client, wall_page.url + "?rating=1-3")

    assert shown == [
        "Rated 1, 1 days ago.",
        "Rated 2, 2 days ago.",
        "Rated 3, 3 days ago.",
        "Rated 3, 7 days ago.",
    ]


def test_critical_first_puts_the_lowest_rating_first_then_the_newest(client, wall_page, reviews):
    shown = quotes(client, wall_page.url + "?order=critical")

    assert shown == [
        "Rated 1, 1 days ago.",
        "Rated 2, 2 days ago.",
        "Rated 3, 3 days ago.",
        "Rated 3, 7 days ago.",
        "Rated 4, 4 days ago.",
        "Rated 5, 5 days ago.",
        "Rated None, 6 days ago.",  # no rating given: nothing to rank it by
    ]


def test_the_filter_form_offers_both_and_the_count_is_of_what_is_shown(client, wall_page, reviews):
    html = soup(client, wall_page.url + CRITICAL)

    rating = html.select_one("select[name=rating]")
    order = html.select_one("select[name=order]")
    assert rating.select_one("option[selected]")["value"] == "1-3"
    assert rating.select_one("option[value='1-3']").get_text() == "3 stars and below"
    assert order.select_one("option[selected]")["value"] == "critical"
    assert [o.get_text() for o in order.select("option")] == ["Newest first", "Critical first"]
    assert html.select_one(".filters + .note, [role=status]").get_text(strip=True) == (
        "4 testimonials"
    )
    assert "lowest rating first" in html.select_one(".wall-order").get_text()


def test_the_wall_offers_critical_reviews_in_one_tap_keeping_the_product(
    client, wall_page, reviews
):
    other = ProductFactory(is_ours=True, name="Fernhill Chat")
    TestimonialFactory(product=other, rating=1, approved=True, quote="Chat one.")

    link = soup(client, f"{wall_page.url}?product={reviews.pk}").select_one(
        "a.critical-reviews__link"
    )
    query = parse_qs(urlparse(link["href"]).query)

    assert query == {"product": [str(reviews.pk)], "rating": ["1-3"], "order": ["critical"]}
    assert quotes(client, wall_page.url + "?" + urlparse(link["href"]).query)[0] == (
        "Rated 1, 1 days ago."
    )


def test_exact_ratings_still_work(client, wall_page, reviews):
    assert quotes(client, wall_page.url + "?rating=3") == [
        "Rated 3, 3 days ago.",
        "Rated 3, 7 days ago.",
    ]
    assert len(quotes(client, wall_page.url)) == 7


@pytest.mark.parametrize("asked", ["rating=0-3", "rating=1-5", "order=best", "order=-rating"])
def test_values_the_wall_does_not_offer_are_ignored(client, wall_page, reviews, asked):
    assert len(quotes(client, f"{wall_page.url}?{asked}")) == 7


# The product page ---------------------------------------------------------------------


@pytest.fixture
def product_page(product_index, reviews, wall_page):
    return ProductPageFactory(parent=product_index, product=reviews, title="Fernhill Desk")


def critical_link(client, url):
    return soup(client, url).select_one(".customers-say a.critical-reviews__link")


def test_product_page_links_to_its_critical_reviews_with_their_honest_number(
    client, product_page, wall_page, reviews
):
    ProductFactory(is_ours=True)  # another product's low ratings are not counted
    TestimonialFactory(rating=1, approved=True)

    link = critical_link(client, product_page.url)
    target = urlparse(link["href"])

    assert target.path == wall_page.url
    assert parse_qs(target.query) == {
        "product": [str(reviews.pk)],
        "rating": ["1-3"],
        "order": ["critical"],
    }
    assert "(4)" in link.get_text()
    assert len(quotes(client, link["href"])) == 4, "the number is what the wall shows"


def test_a_product_without_critical_reviews_says_so_without_a_dead_link(
    client, product_index, wall_page
):
    liked = ProductFactory(is_ours=True, name="Fernhill Chat")
    TestimonialFactory(product=liked, rating=5, approved=True)
    TestimonialFactory(product=liked, rating=2)  # pending: not a published review
    page = ProductPageFactory(parent=product_index, product=liked)

    section = soup(client, page.url).select_one(".customers-say")

    assert section.select_one("a.critical-reviews__link") is None
    assert "No reviews of 3 stars or below" in section.get_text(" ", strip=True)


# Japanese -----------------------------------------------------------------------------


def test_japanese_product_page_links_to_the_japanese_walls_critical_reviews(
    client, home_page, product_page, wall_page, reviews
):
    japanese(home_page)
    ja_wall = japanese(wall_page)
    japanese(product_page.get_parent())
    ja_page = japanese(product_page)

    link = critical_link(client, ja_page.url)
    wall = soup(client, link["href"])

    assert ja_page.url.startswith("/ja/")
    assert urlparse(link["href"]).path == ja_wall.url
    assert wall.html["lang"] == "ja"
    assert [q.get_text(strip=True) for q in wall.select("blockquote")] == [
        "Rated 1, 1 days ago.",
        "Rated 2, 2 days ago.",
        "Rated 3, 3 days ago.",
        "Rated 3, 7 days ago.",
    ]


# The page cache -----------------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.usefixtures("page_cache_on")
def test_critical_reviews_are_cached_apart_from_the_wall(client, wall_page, reviews):
    answers = [client.get(wall_page.url + query)["X-Cache"] for query in ("", CRITICAL, CRITICAL)]
    reordered = client.get(wall_page.url + "?order=critical&rating=1-3&utm_source=x")

    assert answers == ["miss", "miss", "hit"]
    assert reordered["X-Cache"] == "hit"
    assert "Rated 5" not in reordered.content.decode()


@pytest.mark.usefixtures("page_cache_on")
@pytest.mark.parametrize("asked", ["rating=0-3", "rating=1-3x", "order=best", "order=Critical"])
def test_values_the_wall_does_not_offer_are_answered_but_not_cached(
    client, wall_page, reviews, asked
):
    first = client.get(f"{wall_page.url}?{asked}")
    second = client.get(f"{wall_page.url}?{asked}")

    assert (first.status_code, second.status_code) == (200, 200)
    assert "X-Cache" not in first, "answered, never stored"
    assert "X-Cache" not in second


@pytest.mark.usefixtures("page_cache_on")
def test_approving_a_low_rating_shows_at_once_on_the_critical_wall(
    client, wall_page, reviews, moderator, django_capture_on_commit_callbacks
):
    pending = TestimonialFactory(product=reviews, rating=2, quote="Slow exports.")
    client.get(wall_page.url + CRITICAL)
    assert client.get(wall_page.url + CRITICAL)["X-Cache"] == "hit"
    moderator_client = Client()
    moderator_client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        publish(moderator_client, pending)

    response = client.get(wall_page.url + CRITICAL)
    assert response["X-Cache"] == "miss"
    assert "Slow exports." in response.content.decode()
