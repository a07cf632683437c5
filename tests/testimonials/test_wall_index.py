"""The wall's pages are read by keyset, each through an index: the hundredth page costs
what the first does. Walking the pages shows every testimonial once, in the wall's order,
whatever the filters, the order and the reader's language, and however many were
submitted at the same moment."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from testimonials.models import Testimonial, TestimonialWallPage
from tests.comparisons.factories import ProductFactory
from tests.home.translations import japanese
from tests.query_counts import query_plan
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

PER_PAGE = 3
NOW = timezone.now().replace(microsecond=0)


@pytest.fixture(autouse=True)
def short_pages(monkeypatch):
    monkeypatch.setattr(TestimonialWallPage, "per_page", PER_PAGE)


@pytest.fixture
def other_product(db):
    return ProductFactory(name="Fernhill Chat", is_ours=True)


@pytest.fixture
def testimonials(our_product, other_product):
    """Both languages, every rating and none, several submitted at the same moment,
    with some not public in between."""
    same_moment = NOW - datetime.timedelta(days=3)
    specs = [
        # (days ago or the same moment, language, rating, product)
        (1, "en", 5, our_product),
        (2, "ja", 2, our_product),
        (None, "en", 4, our_product),
        (None, "en", 2, other_product),
        (None, "ja", None, our_product),
        (None, "en", 2, our_product),
        (4, "en", None, other_product),
        (5, "ja", 1, our_product),
        (6, "en", 3, our_product),
        (7, "en", 1, other_product),
        (8, "ja", 5, other_product),
        (9, "en", 4, our_product),
        (10, "en", 3, our_product),
    ]
    for number, (days, language, rating, product) in enumerate(specs):
        TestimonialFactory(
            quote=f"Testimonial {number}.",
            language=language,
            rating=rating,
            product=product,
            approved=True,
            submitted_at=same_moment if days is None else NOW - datetime.timedelta(days=days),
        )
    TestimonialFactory(quote="Pending.", submitted_at=same_moment)
    TestimonialFactory(quote="Rejected.", rejected=True, submitted_at=same_moment)
    return Testimonial.objects.public()


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def quotes(page):
    return [quote.get_text(strip=True) for quote in page.select("blockquote")]


def walk(client, url, rel="next"):
    """Every page from ``url`` on, following the ``rel`` links: the quotes of each."""
    pages, base = [], url.split("?")[0]
    while url:
        page = soup(client.get(url, follow=True))
        pages.append(quotes(page))
        link = page.select_one(f"a[rel={rel}]")
        url = base + link["href"] if link else ""
    return pages


def expected(queryset):
    return list(queryset.values_list("quote", flat=True))


def assert_every_page_in_order(client, url, order):
    pages = walk(client, url)
    shown = [quote for page in pages for quote in page]
    assert shown == expected(order)
    assert all(len(page) == PER_PAGE for page in pages[:-1])
    # And back again, page by page, from the last.
    last = soup(client.get(url.split("?")[0] + last_page_query(client, url)))
    back = walk(client, url.split("?")[0] + last_page_query(client, url), rel="prev")
    assert [quote for page in reversed(back) for quote in page] == shown
    assert last.select_one("a[rel=next]") is None


def last_page_query(client, url):
    query = "?" + url.split("?")[1] if "?" in url else ""
    while True:
        link = soup(client.get(url.split("?")[0] + query)).select_one("a[rel=next]")
        if link is None:
            return query
        query = link["href"]


def test_every_testimonial_once_newest_first(client, wall_page, testimonials):
    assert_every_page_in_order(client, wall_page.url, testimonials.newest_first("en"))


def test_every_testimonial_once_lowest_rating_first(client, wall_page, testimonials):
    assert_every_page_in_order(
        client, wall_page.url + "?order=critical", testimonials.critical_first("en")
    )


@pytest.mark.parametrize(
    "query,narrowed",
    [
        ("rating=2", {"rating": 2}),
        ("rating=1-3", {"rating__lte": 3}),
        ("product={product}", {"product__name": "Fernhill Chat"}),
    ],
)
def test_filters_hold_on_every_page(
    client, wall_page, testimonials, other_product, query, narrowed
):
    query = query.format(product=other_product.pk)
    matching = testimonials.filter(**narrowed)

    assert_every_page_in_order(client, f"{wall_page.url}?{query}", matching.newest_first("en"))
    assert_every_page_in_order(
        client, f"{wall_page.url}?{query}&order=critical", matching.critical_first("en")
    )


def test_japanese_readers_page_through_japanese_first(client, home_page, wall_page, testimonials):
    japanese(home_page)
    ja_wall = japanese(wall_page)

    assert_every_page_in_order(client, ja_wall.url, testimonials.newest_first("ja"))
    assert_every_page_in_order(
        client, ja_wall.url + "?order=critical", testimonials.critical_first("ja")
    )


def test_an_old_numbered_link_leads_to_that_page(client, wall_page, testimonials):
    pages = walk(client, wall_page.url + "?order=critical")

    response = client.get(wall_page.url + "?order=critical&page=3")

    assert response.status_code == 302
    assert quotes(soup(client.get(response["Location"]))) == pages[2]
    assert client.get(wall_page.url + "?page=99")["Location"] == wall_page.url
    assert client.get(wall_page.url + "?page=1&rating=2")["Location"].endswith("?rating=2")


@pytest.mark.parametrize(
    "cursor",
    [
        "nonsense",
        "en.1.2.3",
        "xx.1700000000000000.5",
        "en.-1.5",
        "en.99999999999999999999.5",
        "en.1700000000000000.0",
        "en.1700000000000000.05",
        "en.１７.5",
        "en..5",
    ],
)
def test_a_cursor_that_is_not_one_is_not_found(client, wall_page, testimonials, cursor):
    assert client.get(f"{wall_page.url}?after={cursor}").status_code == 404
    assert client.get(f"{wall_page.url}?before={cursor}").status_code == 404
    assert client.get(f"{wall_page.url}?order=critical&after=9.{cursor}").status_code == 404


def test_a_page_after_one_cursor_and_before_another_is_not_found(client, wall_page, testimonials):
    cursor = soup(client.get(wall_page.url)).select_one("a[rel=next]")["href"][len("?after=") :]

    assert client.get(f"{wall_page.url}?after={cursor}&before={cursor}").status_code == 404


def test_a_deep_page_asks_as_many_queries_as_the_first(client, wall_page, our_product):
    TestimonialFactory.create_batch(PER_PAGE * 6, product=our_product, approved=True)
    TestimonialFactory.create_batch(PER_PAGE * 2, product=our_product, approved=True, language="ja")
    query = last_page_query(client, wall_page.url)

    counts = []
    for url in (wall_page.url, wall_page.url + query):
        client.get(url)  # settles what is read once per process
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def key_query(client, url):
    """The SQL that reads a page's positions: the union of the wall's segments."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    [sql] = [query["sql"] for query in queries if "UNION ALL" in query["sql"]]
    return sql


@pytest.mark.parametrize("order", ["", "&order=critical"])
def test_a_deep_page_is_read_through_an_index(client, wall_page, our_product, order):
    TestimonialFactory.create_batch(PER_PAGE * 5, product=our_product, approved=True)
    TestimonialFactory.create_batch(PER_PAGE, product=our_product, approved=True, rating=None)
    TestimonialFactory.create_batch(PER_PAGE, product=our_product, approved=True, language="ja")
    deep = wall_page.url + last_page_query(client, f"{wall_page.url}?rating={order}")
    sql = key_query(client, deep)

    plan = query_plan(sql)

    if connection.vendor == "sqlite":
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
        assert not re.search(r"SCAN testimonials_testimonial(?! USING)", plan), plan
        assert "USING COVERING INDEX testimonial_wall_" in plan, plan
    else:
        # PostgreSQL chooses among the indexes by its (absent) statistics: what matters
        # is that each segment is read in an index's order.
        assert "Index Scan using testimonial_" in plan, plan
        assert "Seq Scan on testimonials_testimonial" not in plan, plan
        assert not re.search(r"\bSort\b", plan), plan


def test_only_a_cursor_that_names_a_shown_testimonial_is_kept_in_the_page_cache(
    client, settings, wall_page, testimonials
):
    settings.PAGE_CACHE_SECONDS = 600
    cursor = soup(client.get(wall_page.url)).select_one("a[rel=next]")["href"]
    language, since, pk = cursor[len("?after=") :].split(".")
    a_moment_later = f"?after={language}.{int(since) + 1}.{pk}"

    answers = [client.get(wall_page.url + cursor).get("X-Cache") for _ in range(2)]
    made_up = [client.get(wall_page.url + a_moment_later) for _ in range(2)]

    assert answers == ["miss", "hit"]
    assert [response.status_code for response in made_up] == [200, 200]
    assert [response.get("X-Cache") for response in made_up] == [None, None]
