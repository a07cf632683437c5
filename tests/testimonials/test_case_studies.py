"""Case studies: customer, products, measured results and approved quotes."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from home import sqlite_statistics
from testimonials.models import CaseStudyQuote, Customer
from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.query_counts import query_plan
from tests.testimonials.factories import (
    CaseStudyPageFactory,
    CustomerFactory,
    TestimonialFactory,
)

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_case_study_shows_customer_results_and_quotes(client, case_study_index, our_product):
    customer = CustomerFactory(name="Harbour Books", industry=Customer.Industry.RETAIL)
    page = CaseStudyPageFactory(parent=case_study_index, customer=customer)
    page.products.add(our_product)
    page.save_revision().publish()
    quote = TestimonialFactory(product=our_product, approved=True, quote="Replies in hours.")
    CaseStudyQuote.objects.create(page=page, testimonial=quote)

    html = soup(client, page.url)
    text = html.get_text(" ", strip=True)

    assert "Harbour Books · Retail and e-commerce" in text
    assert "Products used: Fernhill Desk" in text
    assert html.select_one(".metric dt").get_text() == "First reply"
    assert "26" in html.select_one(".metric__before").get_text()
    assert html.select_one(".metric__after").get_text() == "3"
    assert (
        html.select_one("figure.testimonial blockquote").get_text(strip=True) == "Replies in hours."
    )
    assert "approved by the customer on" in text


def test_quotes_can_only_be_chosen_from_approved_testimonials(case_study_index, our_product):
    page = CaseStudyPageFactory(parent=case_study_index)
    pending = TestimonialFactory(product=our_product)
    approved = TestimonialFactory(product=our_product, approved=True)

    CaseStudyQuote(page=page, testimonial=approved).full_clean()
    with pytest.raises(ValidationError) as error:
        CaseStudyQuote(page=page, testimonial=pending).full_clean()
    assert "testimonial" in error.value.message_dict


def test_index_filters_by_industry_product_and_tag(client, case_study_index, our_product):
    other_product = ProductFactory(is_ours=True, name="Fernhill Chat")
    retail = CaseStudyPageFactory(
        parent=case_study_index,
        title="Harbour Books halves reply times",
        customer=CustomerFactory(industry=Customer.Industry.RETAIL),
    )
    retail.products.add(our_product)
    retail.tags.add("migration")
    retail.save_revision().publish()
    school = CaseStudyPageFactory(
        parent=case_study_index,
        title="Northfield School answers parents",
        customer=CustomerFactory(industry=Customer.Industry.EDUCATION),
    )
    school.products.add(other_product)
    school.save_revision().publish()

    def titles(query):
        return [
            h2.get_text() for h2 in soup(client, case_study_index.url + query).select(".card h2")
        ]

    # Approved the same day: the one added last comes first.
    assert titles("") == ["Northfield School answers parents", "Harbour Books halves reply times"]
    assert titles("?industry=education") == ["Northfield School answers parents"]
    assert titles(f"?product={our_product.pk}") == ["Harbour Books halves reply times"]
    assert titles("?tag=migration") == ["Harbour Books halves reply times"]


def test_a_case_study_about_two_products_with_two_tags_is_listed_once(
    client, case_study_index, our_product
):
    chat = ProductFactory(is_ours=True, name="Fernhill Chat")
    both = CaseStudyPageFactory(parent=case_study_index, title="Harbour Books uses both")
    both.products.add(our_product, chat)
    both.tags.add("migration", "retail")
    both.save_revision().publish()

    for query in ("", f"?product={chat.pk}", "?tag=retail", f"?product={chat.pk}&tag=migration"):
        cards = soup(client, case_study_index.url + query).select(".card h2")
        assert [card.get_text() for card in cards] == ["Harbour Books uses both"], query


def test_product_page_links_its_case_studies(client, case_study_index, product_index, our_product):
    product_page = ProductPageFactory(parent=product_index, product=our_product)
    case_study = CaseStudyPageFactory(
        parent=case_study_index, title="Harbour Books halves reply times"
    )
    case_study.products.add(our_product)
    case_study.save_revision().publish()

    links = {
        a.get_text(): a["href"]
        for a in soup(client, product_page.url).select("#case-studies ~ ul a")
    }

    assert links == {"Harbour Books halves reply times": case_study.url}


def test_the_index_lists_the_newest_approval_first_and_a_days_last_added_first(
    client, case_study_index
):
    today = datetime.date(2026, 12, 2)
    specs = [
        ("Older", 40),
        ("Newest", 2),
        ("Same day, added first", 10),
        ("Same day, added last", 10),
    ]
    for title, days_ago in specs:
        CaseStudyPageFactory(
            parent=case_study_index,
            title=title,
            customer_approved_on=today - datetime.timedelta(days=days_ago),
        )
    # A draft is not listed, however new.
    draft = CaseStudyPageFactory(parent=case_study_index, title="Draft", customer_approved_on=today)
    draft.unpublish()

    cards = soup(client, case_study_index.url).select(".card h2")

    assert [card.get_text() for card in cards] == [
        "Newest",
        "Same day, added last",
        "Same day, added first",
        "Older",
    ]


@pytest.mark.parametrize("page", ["1", "2"])
def test_the_index_reads_a_page_of_case_studies_in_order_from_an_index(
    client, settings, case_study_index, page
):
    """On a site of thousands of pages neither the count nor a page of the list reads
    every page of the site (Wagtail's ``child_of``, a LIKE on the path, made the count
    do so), and the list walks the case studies' index in their order and stops once
    the page is full, rather than sort every case study to show twelve."""
    for number in range(13):
        CaseStudyPageFactory(parent=case_study_index, title=f"Case study {number}")
    # SQLite plans by the statistics a running site keeps (home.sqlite_statistics).
    settings.SQLITE_OPTIMIZE_SECONDS = 3600
    sqlite_statistics.gather()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(case_study_index.url, {"page": page})
    assert response.status_code == 200
    listed = [query["sql"] for query in queries if "customer_approved_on" in query["sql"]]
    counted = [query["sql"] for query in queries if "COUNT(" in query["sql"]]
    assert len(listed) == 1 and counted

    for sql in listed + counted:
        plan = query_plan(sql)
        if connection.vendor == "sqlite":
            assert not re.search(r"^SCAN wagtailcore_page\b", plan, re.MULTILINE), plan
        else:
            assert not re.search(r"Seq Scan on wagtailcore_page\b", plan), plan
    plan = query_plan(listed[0])
    assert "case_study_approved_order" in plan, plan
    if connection.vendor == "sqlite":
        assert "TEMP B-TREE" not in plan, plan
    else:
        assert not re.search(r"\bSort\b", plan), plan
