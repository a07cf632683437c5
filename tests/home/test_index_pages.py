"""An index page lists its live, public children a page at a time, each card linking
where Wagtail serves the child, in every language; the case study index stands for
them all (tests/testimonials/test_case_studies.py has its filters)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests.home.translations import in_japanese
from tests.testimonials.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_studies(case_study_index):
    """Fourteen listed case studies, newest first, beside a draft and a private one."""
    listed = [
        CaseStudyPageFactory(
            parent=case_study_index,
            title=f"Case study {number:02}",
            customer_approved_on=datetime.date(2026, 11, 1) - datetime.timedelta(days=number),
        )
        for number in range(14)
    ]
    CaseStudyPageFactory(parent=case_study_index, title="A draft", live=False)
    private = CaseStudyPageFactory(parent=case_study_index, title="For customers only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return listed


def cards(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    links = [(a.get_text(), a["href"]) for a in html.select(".card h2 a")]
    pagination = html.select_one(".pagination span")
    return links, pagination and pagination.get_text(" ", strip=True)


def test_each_page_lists_the_live_public_children_and_counts_only_them(
    client, case_study_index, case_studies
):
    first, first_count = cards(client, case_study_index.url)
    second, second_count = cards(client, case_study_index.url, page=2)

    assert [title for title, _ in first + second] == [page.title for page in case_studies]
    assert first_count == "Page 1 of 2" and second_count == "Page 2 of 2"


def test_each_card_links_where_wagtail_serves_its_page(client, case_study_index, case_studies):
    links = cards(client, case_study_index.url)[0] + cards(client, case_study_index.url, page=2)[0]

    assert [href for _, href in links] == [page.get_url() for page in case_studies]
    for _, href in links[:2]:
        assert client.get(href).status_code == 200


def test_a_japanese_index_links_its_japanese_pages(client, case_study_index, case_studies):
    translated = [in_japanese(page) for page in case_studies[:2]]
    index = in_japanese(case_study_index)

    links, _ = cards(client, index.url)

    assert index.url.startswith("/ja/")
    assert [href for _, href in links] == [page.get_url() for page in translated]


def test_an_unfiltered_index_counts_its_pages_without_reading_each_childs_row(
    client, case_study_index, case_studies
):
    with CaptureQueriesContext(connection) as queries:
        client.get(case_study_index.url)

    [count] = [query["sql"] for query in queries if "COUNT(" in query["sql"]]
    assert "testimonials_casestudypage" not in count
