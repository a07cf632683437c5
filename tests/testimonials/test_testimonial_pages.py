"""The testimonial wall and the product page's account of what customers say."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.home.factories import StandardPageFactory
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_product_page_shows_the_full_rating_distribution(
    client, product_index, our_product, site_settings
):
    for rating in (5, 5, 4, 2, 1):
        TestimonialFactory(product=our_product, rating=rating, approved=True)
    TestimonialFactory(product=our_product, rating=1)  # pending: not counted
    page = ProductPageFactory(parent=product_index, product=our_product)

    html = soup(client, page.url)
    rows = {
        row.th.get_text(): row.select("td")[0].get_text()
        for row in html.select("table.distribution tbody tr")
    }

    assert rows == {"5 stars": "2", "4 stars": "1", "3 stars": "0", "2 stars": "1", "1 star": "1"}
    assert "3.4 out of 5 from 5 ratings" in html.select_one(".rating-summary").get_text(
        " ", strip=True
    )
    record = html.select_one(".moderation-record").get_text(" ", strip=True)
    assert "Of 6 testimonials received for this product: 5 published, 1 awaiting review" in record


def test_wall_lists_newest_first_never_best_first(client, wall_page, our_product):
    now = timezone.now()
    for days, rating in [(3, 5), (1, 1), (2, 3)]:
        TestimonialFactory(
            product=our_product,
            rating=rating,
            approved=True,
            quote=f"Rated {rating}.",
            submitted_at=now - datetime.timedelta(days=days),
        )

    quotes = [q.get_text(strip=True) for q in soup(client, wall_page.url).select("blockquote")]

    assert quotes == ["Rated 1.", "Rated 3.", "Rated 5."]


def test_wall_filters_by_product_rating_and_tag(client, wall_page, our_product):
    chat = ProductFactory(is_ours=True, name="Fernhill Chat")
    TestimonialFactory(product=our_product, rating=5, approved=True, quote="Desk five.")
    low = TestimonialFactory(product=our_product, rating=2, approved=True, quote="Desk two.")
    low.tags.add("onboarding")
    low.save()
    TestimonialFactory(product=chat, rating=2, approved=True, quote="Chat two.")

    def quotes(query):
        return sorted(
            q.get_text(strip=True) for q in soup(client, wall_page.url + query).select("blockquote")
        )

    assert quotes(f"?product={our_product.pk}") == ["Desk five.", "Desk two."]
    assert quotes("?rating=2") == ["Chat two.", "Desk two."]
    assert quotes("?tag=onboarding") == ["Desk two."]
    assert quotes(f"?product={chat.pk}&rating=5") == []


def test_a_tag_is_found_as_readers_type_it(client, wall_page, our_product):
    """By its name or its slug, whatever the case: "Single sign-on" and "SINGLE-SIGN-ON"
    find the same testimonials, each once, and a tag nobody used finds none."""
    both = TestimonialFactory(product=our_product, approved=True, quote="SSO and security.")
    both.tags.add("Single sign-on", "Security")
    both.save()
    TestimonialFactory(product=our_product, approved=True, quote="Untagged.")

    def quotes(query):
        html = soup(client, wall_page.url + query)
        return [q.get_text(strip=True) for q in html.select("blockquote")], html

    for typed in ("Single sign-on", "single-sign-on", "SINGLE-SIGN-ON", " security "):
        assert quotes(f"?tag={typed}")[0] == ["SSO and security."], typed
    found, html = quotes("?tag=billing")
    assert found == []
    assert "0 testimonials" in html.select_one("[role=status]").get_text()


def test_filters_that_find_nothing_say_so_rather_than_that_there_is_nothing(
    client, wall_page, our_product
):
    """With 1 testimonial published, a filter that finds none must not tell the reader
    that none are approved: it says that none match, and how to see them all."""
    TestimonialFactory(product=our_product, rating=5, approved=True)

    empty = soup(client, wall_page.url + "?rating=1").select_one(".testimonials").get_text()
    unfiltered = soup(client, wall_page.url).select(".testimonials blockquote")

    assert "No testimonials match these filters." in empty
    assert "No approved testimonials yet." not in empty
    assert len(unfiltered) == 1


def test_wall_paginates(client, wall_page, our_product):
    TestimonialFactory.create_batch(wall_page.per_page + 3, product=our_product, approved=True)

    first = soup(client, wall_page.url)
    second = soup(client, wall_page.url + first.select_one("a[rel=next]")["href"])

    assert len(first.select("figure.testimonial")) == wall_page.per_page
    assert len(second.select("figure.testimonial")) == 3
    assert "Page 1 of 2" in first.select_one(".pagination").get_text()


def test_every_testimonial_block_links_to_how_testimonials_are_collected(
    client, wall_page, our_product, site_settings, home_page
):
    policy = StandardPageFactory(parent=home_page, title="How we collect testimonials")
    site_settings.testimonial_policy_page = policy
    site_settings.save()
    TestimonialFactory(product=our_product, approved=True)

    link = soup(client, wall_page.url).select_one(".testimonial-list__policy a")

    assert link["href"] == policy.url


def test_a_card_is_dated_by_the_day_it_was_sent_where_the_site_is(
    client, settings, wall_page, our_product
):
    """Sent at 20:00 UTC on 1 March, it was the morning of 2 March in Tokyo: a site
    kept in Tokyo's time dates the card 2 March, as readers there lived it."""
    settings.TIME_ZONE = "Asia/Tokyo"
    sent = datetime.datetime(2026, 3, 1, 20, 0, tzinfo=datetime.UTC)
    TestimonialFactory(product=our_product, approved=True, submitted_at=sent)

    (time,) = soup(client, wall_page.url).select(".testimonial__meta time")

    assert time["datetime"] == "2026-03-02"
    assert time.get_text() == "2 March 2026"


def test_a_card_shows_what_its_customer_wrote_as_text_with_its_line_breaks(
    client, wall_page, our_product
):
    """Markup a customer types is shown, not obeyed; the lines they wrote stay lines."""
    TestimonialFactory(
        product=our_product,
        approved=True,
        quote='First line.\r\n<b onmouseover="alert(1)">Second</b> & "third".',
        author_name="<i>Ann</i>",
        consent_name=True,
    )

    response = client.get(wall_page.url)
    html = BeautifulSoup(response.content, "html.parser")

    (quote,) = html.select(".testimonial blockquote p")
    assert str(quote) == (
        '<p>First line.<br/>&lt;b onmouseover="alert(1)"&gt;Second&lt;/b&gt; &amp; "third".</p>'
    )
    assert b"&lt;b onmouseover=&quot;alert(1)&quot;&gt;Second" in response.content
    assert html.select_one(".testimonial__author").get_text() == "<i>Ann</i>"
    assert not html.select(".testimonial b, .testimonial i")
