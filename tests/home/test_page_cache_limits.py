"""The page cache cannot be blown up: whatever a visitor adds to a URL, sends as its host
or encoding, or carries as a session cookie, the number of cached pages stays bounded by
the pages, the parameters they read and the values they offer."""

import gzip
from importlib import import_module

from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from home.page_cache.parameters import normalised
from tests.page_cache import beyond_the_page_cache, stored_pages
from tests.services import redis_url
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

GZIP_MAGIC = b"\x1f\x8b"
JUNK = ["utm_source=newsletter", "fbclid=IwAR0abc", "gclid=Cj0KCQ", "x=1", "x=2", "ref=hn"]


@pytest.fixture
def wall(wall_page, our_product):
    """A wall of two pages: 15 five-star testimonials and 10 two-star ones."""
    TestimonialFactory.create_batch(15, product=our_product, approved=True, rating=5)
    TestimonialFactory.create_batch(10, product=our_product, approved=True, rating=2)
    return wall_page


def test_made_up_parameters_make_a_single_cached_page(client, wall):
    urls = [f"{wall.url}?{junk}" for junk in JUNK] + [f"{wall.url}?x={n}" for n in range(30)]
    answers = [client.get(url)["X-Cache"] for url in urls]

    assert stored_pages() == 1
    assert answers == ["miss"] + ["hit"] * (len(urls) - 1)


def test_a_tracking_parameter_is_served_the_cached_page_with_no_other_query(client, wall):
    client.get(wall.url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(wall.url + "?utm_source=newsletter&utm_medium=email")

    assert response["X-Cache"] == "hit"
    assert beyond_the_page_cache(queries) == []


def next_page(html):
    """The address of the wall's next page, as its link gives it."""
    return BeautifulSoup(html, "html.parser").select_one("a[rel=next]")["href"]


def test_a_visitors_tracking_id_never_reaches_the_cached_page(client, wall):
    html = client.get(wall.url + "?fbclid=IwAR0-visitor-7731").content.decode()

    assert "IwAR0-visitor-7731" not in html
    assert next_page(html).startswith("?after=")


def test_the_parameters_a_page_reads_still_make_pages_of_their_own(client, wall):
    first = client.get(wall.url).content.decode()
    after = next_page(first)
    second = client.get(wall.url + after).content.decode()
    low = client.get(wall.url + "?rating=2").content.decode()

    assert "Page 1 of 2" in first and 'rel="prev"' in second
    assert "10 testimonials" in low and "25 testimonials" in first
    assert stored_pages() == 3
    for url in (wall.url + after + "&utm_source=x", wall.url + "?rating=2&fbclid=y"):
        assert client.get(url)["X-Cache"] == "hit", url


def test_the_same_parameters_in_another_order_or_empty_are_the_same_page(client, wall):
    client.get(wall.url + "?rating=5&order=")

    assert client.get(wall.url + "?order=&rating=5&product=&tag=")["X-Cache"] == "hit"
    assert stored_pages() == 1


@pytest.mark.parametrize("page", ["2", "3", "99", "0", "-1", "abc", "02", "2.0"])
def test_an_old_numbered_page_is_sent_on_and_never_stored(client, wall, page):
    response = client.get(f"{wall.url}?page={page}")

    assert response.status_code == 302
    assert stored_pages() == 0


def test_a_cursor_that_names_no_testimonial_is_shown_but_not_stored(client, wall):
    cursor = next_page(client.get(wall.url).content.decode())
    made_up = cursor.rsplit(".", 1)[0] + ".999999999"

    response = client.get(wall.url + made_up)

    assert response.status_code == 200
    assert stored_pages() == 1


@pytest.mark.parametrize(
    "asked", ["rating=9", "rating=05", "product=999999", "product=0{pk}", "tag=made-up-tag"]
)
def test_a_filter_value_the_page_does_not_offer_is_not_stored(client, wall, our_product, asked):
    response = client.get(f"{wall.url}?{asked.format(pk=our_product.pk)}")

    assert response.status_code == 200
    assert stored_pages() == 0


def test_a_filter_value_the_page_offers_is_stored(client, wall, our_product):
    client.get(f"{wall.url}?product={our_product.pk}")

    assert client.get(f"{wall.url}?product={our_product.pk}")["X-Cache"] == "hit"


def test_an_index_page_beyond_the_last_is_not_stored(client, product_index):
    assert client.get(product_index.url + "?page=2").status_code == 200
    assert client.get(product_index.url + "?page=1")["X-Cache"] == "miss"

    assert stored_pages() == 1


def test_a_toggle_value_the_comparison_does_not_offer_is_not_stored(client, comparison_grid):
    comparison = comparison_grid(product_count=2, criterion_count=2)

    client.get(comparison.url + "?differences=1")
    client.get(comparison.url + "?differences=yes")

    assert stored_pages() == 1


@pytest.mark.parametrize(
    ("asked", "stored"),
    [("industry=retail", 1), ("industry=not-an-industry", 0), ("tag=made-up", 0), ("page=2", 0)],
)
def test_case_studies_are_stored_only_for_the_filters_the_index_offers(
    client, case_study_index, asked, stored
):
    CaseStudyPageFactory(parent=case_study_index).save_revision().publish()

    assert client.get(f"{case_study_index.url}?{asked}").status_code == 200
    assert stored_pages() == stored


def test_a_link_to_the_report_form_still_names_the_cell(client, reported_comparison):
    comparison = reported_comparison.page
    query = f"?product={reported_comparison.ours.pk}&criterion={reported_comparison.phone.pk}"

    html = client.get(comparison.inaccuracy_report_url() + query + "&utm_source=x").content.decode()

    assert f'<option value="{reported_comparison.phone.pk}" selected>' in html


def test_another_port_or_spelling_of_the_host_is_the_same_cached_page(client, wall):
    client.get(wall.url)

    for host in ("testserver:8080", "TestServer", "TESTSERVER:443"):
        assert client.get(wall.url, HTTP_HOST=host)["X-Cache"] == "hit", host
    assert stored_pages() == 1


@pytest.mark.parametrize("allowed", [".example.com", "*"])
def test_a_host_the_site_does_not_name_makes_no_cached_page(client, settings, wall, allowed):
    settings.ALLOWED_HOSTS = ["testserver", allowed]
    client.get(wall.url)

    for n in range(5):
        assert client.get(wall.url, HTTP_HOST=f"probe-{n}.example.com").status_code == 200
    assert stored_pages() == 1


@pytest.mark.parametrize(
    "first_visitor",
    ["gzip", "gzip, deflate, br", "", "identity", "br", "nogzip", "gzipped", "GZIP"],
)
def test_the_body_is_compressed_exactly_when_it_says_so(client, wall, first_visitor):
    client.get(wall.url, HTTP_ACCEPT_ENCODING=first_visitor)

    compressed = client.get(wall.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get(wall.url)

    assert compressed["Content-Encoding"] == "gzip"
    assert compressed.content.startswith(GZIP_MAGIC)
    assert b"<html" in gzip.decompress(compressed.content)
    assert not plain.has_header("Content-Encoding")
    assert b"<html" in plain.content


@pytest.fixture
def session_store():
    return import_module(django_settings.SESSION_ENGINE).SessionStore


def with_session_cookie(client, key):
    client.cookies[django_settings.SESSION_COOKIE_NAME] = key


def test_a_made_up_session_cookie_is_served_the_cached_page(client, wall):
    client.get(wall.url)
    with_session_cookie(client, "madeupsessionkey0123456789abcdef")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(wall.url + "?utm_source=x")

    assert response["X-Cache"] == "hit"
    assert len(beyond_the_page_cache(queries)) <= 1  # at most looking the session up


def test_a_session_that_holds_nothing_is_served_the_cached_page(client, wall, session_store):
    client.get(wall.url)
    empty = session_store()
    empty.create()
    with_session_cookie(client, empty.session_key)

    assert client.get(wall.url)["X-Cache"] == "hit"


def test_a_visitor_whose_session_holds_something_of_theirs_is_never_served_a_shared_page(
    client, wall, session_store
):
    client.get(wall.url)
    theirs = session_store()
    theirs["wagtail-private-page"] = [wall.pk]  # a password they gave for a private page
    theirs.create()
    with_session_cookie(client, theirs.session_key)

    for _ in range(2):
        assert "X-Cache" not in client.get(wall.url)


def test_a_logged_in_editor_is_never_served_a_cached_page(client, wall, django_user_model):
    client.get(wall.url)
    editor = django_user_model.objects.create_user(username="editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    for _ in range(2):
        response = client.get(wall.url + "?utm_source=x")
        assert "X-Cache" not in response
        assert "wagtail-userbar" in response.content.decode()


@pytest.fixture
def redis_page_cache(settings):
    """The default cache in Redis, database 7, emptied before and after."""
    import redis

    location = redis_url(7)
    server = redis.Redis.from_url(location)
    server.flushdb()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "candor",
        },
    }
    settings.PAGE_CACHE_ALIAS = "default"
    yield server
    server.flushdb()


def test_made_up_parameters_make_a_single_key_in_redis_and_every_page_expires(
    client, wall, redis_page_cache
):
    for n in range(30):
        client.get(f"{wall.url}?x={n}", HTTP_HOST=f"testserver:{8000 + n}")

    keys = [key.decode() for key in redis_page_cache.keys("*")]
    assert sum(":page-cache:page:" in key for key in keys) == 1
    # Only the version counters (one per page path) and the menu (one per site and
    # language) live until they are changed; everything else expires.
    lasting = ("page-cache:v:", "candor:main-menu:")
    for key in keys:
        assert any(part in key for part in lasting) or redis_page_cache.ttl(key) > 0, key


def test_a_parameter_asked_more_than_once_keeps_its_values_only_when_declared_a_list():
    query = QueryDict("features=7&seats=2&features=3&features=7&seats=5&features=&x=1")

    assert normalised(query, ["seats", "features"], lists=["features"]) == (
        "features=3&features=7&seats=5"
    )
    # Undeclared, a repeat is read as QueryDict.get reads it: the last value, once.
    assert normalised(query, ["seats", "features"]) == "seats=5"
