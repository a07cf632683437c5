"""Site search: public pages in the reader's language and approved testimonials'
words; nothing pending, draft or private, and a bounded number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from testimonials.models import Testimonial
from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.home.factories import StandardPageFactory
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


def search(client, words, url="/search/", status=200, **params):
    response = client.get(url, {"q": words, **params})
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def result_titles(html):
    return [heading.get_text(" ", strip=True) for heading in html.select(".search-result h2")]


def result_text(html):
    results = html.select_one(".search-results")
    return results.get_text(" ", strip=True) if results else ""


def test_finds_a_product_page_by_its_summary(client, site_settings, product_index, our_product):
    ProductPageFactory(
        parent=product_index,
        title="Fernhill Desk",
        product=our_product,
        summary="<p>A shared inbox for <b>small</b> support teams in kelp farming.</p>",
    )

    html = search(client, "kelp farming")

    assert result_titles(html) == ["Fernhill Desk"]
    result = html.select_one(".search-result")
    assert result.select_one(".search-result__type").get_text(strip=True) == "Product"
    assert "A shared inbox for small support teams in kelp farming." in result.get_text()
    assert "1 result for “kelp farming”" in html.select_one("[role=status]").get_text()


def test_finds_a_case_study_and_a_testimonial(
    client, site_settings, case_study_index, our_product, wall_page
):
    CaseStudyPageFactory(
        parent=case_study_index, title="Harbour Books", summary="Replies went from days to hours."
    )
    testimonial = TestimonialFactory(
        product=our_product, approved=True, quote="Our replies went out in hours, not days."
    )

    html = search(client, "hours")

    assert [label.get_text(strip=True) for label in html.select(".search-result__type")] == [
        "Case study",
        "Testimonial",
    ]
    assert "Harbour Books" in result_titles(html)
    assert "Our replies went out in hours, not days." in result_text(html)
    link = html.select(".search-result h2 a")[-1]["href"]
    assert link == f"{wall_page.url}{testimonial.pk}/"


def test_never_returns_a_testimonial_that_is_not_public(client, site_settings, our_product):
    for traits in (
        {},
        {"rejected": True},
        {"withdrawn": True},
        {"status": Testimonial.Status.APPROVED, "live": False},
    ):
        TestimonialFactory(product=our_product, quote="Secret marmalade opinions.", **traits)

    html = search(client, "marmalade")

    assert "marmalade" not in result_text(html)
    assert html.select(".search-result") == []
    assert "Nothing on this site matches" in html.get_text()


def test_a_name_shown_without_consent_never_finds_its_testimonial(
    client, site_settings, our_product
):
    TestimonialFactory(
        product=our_product,
        approved=True,
        quote="It works.",
        author_name="Wilhelmina Quarrington",
        author_company="Secretive Ltd",
        consent_name=False,
        consent_company=False,
    )

    assert search(client, "Quarrington").select(".search-result") == []
    assert search(client, "Secretive").select(".search-result") == []


def test_never_returns_a_draft_or_private_page(client, site_settings, home_page, product_index):
    ProductPageFactory(parent=product_index, title="Gooseberry draft", live=False)
    section = StandardPageFactory(parent=home_page, title="Gooseberry partners")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=section, title="Gooseberry price list")
    secret = StandardPageFactory(parent=home_page, title="Gooseberry notes")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    StandardPageFactory(parent=home_page, title="Gooseberry methodology")

    assert result_titles(search(client, "gooseberry")) == ["Gooseberry methodology"]


def test_pages_are_searched_in_the_readers_language(client, site_settings, home_page):
    english = StandardPageFactory(parent=home_page, title="Quince methodology")
    Locale.objects.get_or_create(language_code="ja")
    japanese_home = home_page.copy_for_translation(Locale.objects.get(language_code="ja"))
    japanese_home.save_revision().publish()
    japanese = english.copy_for_translation(Locale.objects.get(language_code="ja"))
    japanese.title = "Quince 方法論"
    japanese.save_revision().publish()

    assert result_titles(search(client, "quince")) == ["Quince methodology"]
    assert result_titles(search(client, "quince", url="/ja/search/")) == ["Quince 方法論"]


def test_an_empty_query_shows_only_the_form(client, site_settings):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get("/search/", params)
        html = BeautifulSoup(response.content, "html.parser")

        assert response.status_code == 200
        form = html.select_one("main form[role=search]")
        assert form.select_one("label[for=search-query]")
        assert html.select_one("main [role=status]") is None
        assert "Nothing on this site matches" not in html.get_text()


def test_the_query_is_echoed_escaped(client, site_settings):
    response = client.get("/search/", {"q": '<script>alert("x")</script>'})
    body = response.content.decode()

    assert response.status_code == 200
    assert '<script>alert("x")</script>' not in body
    assert "&lt;script&gt;" in body


@pytest.mark.parametrize("words", ['"', "AND", "OR NOT", "*", "title:x", "(", "a\x00b", "x" * 500])
def test_odd_queries_are_just_words(client, site_settings, words):
    search(client, words)


def test_the_header_has_a_labelled_search_box(client, site_settings, home_page):
    html = BeautifulSoup(client.get(home_page.url).content, "html.parser")

    form = html.select_one("header form[role=search]")
    assert form["action"] == "/search/"
    assert form.select_one("label[for=site-search-query]").get_text(strip=True)
    assert form.select_one("input#site-search-query")["name"] == "q"


def add_matching_content(product_index, count):
    products = [ProductFactory(is_ours=True) for _ in range(count)]
    for product in products:
        ProductPageFactory(parent=product_index, product=product, summary="<p>Walrus tools.</p>")
    Testimonial.objects.bulk_create(
        TestimonialFactory.build(
            product=products[0], approved=True, quote=f"Walrus number {n} approves."
        )
        for n in range(count)
    )


def queries_to_search(client, params):
    client.get("/search/", params)  # warm per-process caches such as the site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["1", "2", "4"])
def test_queries_stay_bounded_with_many_results(
    client, site_settings, product_index, wall_page, page
):
    add_matching_content(product_index, 3)
    small = queries_to_search(client, {"q": "walrus", "page": page})
    add_matching_content(product_index, 40)
    large = queries_to_search(client, {"q": "walrus", "page": page})

    assert large <= MAX_QUERIES
    assert large <= small + 2  # page 2 and 4 now hold both kinds of result


def test_results_are_paginated_keeping_the_query(client, site_settings, product_index, wall_page):
    add_matching_content(product_index, 15)

    first = search(client, "walrus")
    second = search(client, "walrus", page="2")

    assert len(first.select(".search-result")) == 20
    assert len(second.select(".search-result")) == 10
    assert "30 results for “walrus”" in first.select_one("[role=status]").get_text()
    assert first.select_one("a[rel=next]")["href"] == "?q=walrus&page=2"
    labels = [label.get_text(strip=True) for label in second.select(".search-result__type")]
    assert set(labels) == {"Testimonial"}


@pytest.mark.parametrize("typed", ['O"Brien', '"Brien', 'Brien"'])
def test_a_double_quote_typed_in_the_search_box_is_just_a_character(
    client, site_settings, home_page, typed
):
    """Candor's backend (home/search_backend.py) keeps a quote from reaching SQLite's
    full-text search as syntax; on PostgreSQL Wagtail's own backend does the same."""
    StandardPageFactory(parent=home_page, title='Ask O"Brien about kelp')
    StandardPageFactory(parent=home_page, title="Kelp methodology")

    assert result_titles(search(client, typed)) == ['Ask O"Brien about kelp']


def test_results_pages_ask_search_engines_not_to_index_them(client, site_settings):
    html = client.get("/search/", {"q": "helpdesk"}).content.decode()

    assert '<meta name="robots" content="noindex">' in html
