"""The wall, a product page and the API listing cost as many queries with 35
testimonials of every provenance, half of them answered and some replies edited, as
with 5: what provenance and replies show is fetched with the testimonials."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from tests.comparisons.factories import ProductPageFactory
from tests.query_counts import MAX_QUERIES, queries_to_render
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.reply_factories import (
    TestimonialReplyFactory,
    after_nps,
    imported,
    invited,
)

pytestmark = pytest.mark.django_db


def add_testimonials(product, count):
    makers = [
        lambda: invited(product, timezone.now() - datetime.timedelta(days=3)),
        lambda: after_nps(product),
        lambda: imported(product),
        lambda: TestimonialFactory(approved=True, product=product),
        lambda: TestimonialFactory(approved=True, product=product, source="interview"),
    ]
    for n in range(count):
        testimonial = makers[n % len(makers)]()
        if n % 2:
            reply = TestimonialReplyFactory(testimonial=testimonial)
            if n % 3 == 0:
                reply.text = "Edited once."
                reply.save()


def api_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()


@pytest.mark.parametrize("where", ["wall", "product page", "api"])
def test_queries_do_not_grow_from_5_to_35_testimonials_with_provenance_and_replies(
    client, where, site_settings, our_product, product_index, wall_page
):
    product_page = ProductPageFactory(parent=product_index, product=our_product)
    url = {
        "wall": wall_page.url,
        "product page": product_page.url,
        "api": "/api/v2/testimonials/?limit=40",
    }[where]

    def count():
        if where == "api":
            queries, body = api_queries(client, url)
            return queries, sum(1 for item in body["items"] if item["reply"])
        return queries_to_render(client, url), None

    add_testimonials(our_product, 5)
    small, small_replies = count()
    add_testimonials(our_product, 30)
    large, large_replies = count()

    assert large == small
    assert large <= MAX_QUERIES
    if where == "api":
        assert (small_replies, large_replies) == (2, 17)


@pytest.mark.parametrize("where", ["wall", "product page", "api"])
def test_cards_never_load_an_authors_address_nor_an_invitations_token_or_recipient(
    client, where, site_settings, our_product, product_index, wall_page
):
    """A public page reads of an invitation only when it was sent: the link's token and
    whom it was sent to stay in the database, as does the author's e-mail address."""
    product_page = ProductPageFactory(parent=product_index, product=our_product)
    add_testimonials(our_product, 5)
    url = {
        "wall": wall_page.url,
        "product page": product_page.url,
        "api": "/api/v2/testimonials/?limit=40",
    }[where]

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    cards = [q["sql"] for q in queries if 'FROM "testimonials_testimonial"' in q["sql"]]
    assert any('"testimonials_npsinvitation"."sent_at"' in sql for sql in cards), where
    unread = [
        '"testimonials_npsinvitation"."token"',
        '"testimonials_npsinvitation"."email"',
        '"testimonials_npsinvitation"."name"',
        '"testimonials_invitation"."contact_id"',
        '"testimonials_invitation"."campaign_id"',
        '"testimonials_testimonial"."email"',
    ]
    for sql in cards:
        for column in unread:
            assert column not in sql, (where, column)
