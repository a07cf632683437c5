"""Comparison and product pages as plain Markdown, for readers that are programs:
at ``page.md`` and ``?format=md``, in the page's language, escaped, and refused where
the HTML page is."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

import pytest
import time_machine
from bs4 import BeautifulSoup

from comparisons.demo.japanese_catalogue import translate_object
from comparisons.models import Fact, NotSuitableFor
from tests.comparisons.factories import (
    CriterionFactory,
    FactChangeFactory,
    ProductFactory,
    ProductPageFactory,
    plan,
)
from tests.home.translations import japanese
from tests.query_counts import MAX_QUERIES, queries_to_render

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 16, 9, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def markdown_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    return response.content.decode()


def md_url(page):
    return page.url.rstrip("/") + ".md"


def test_a_comparison_as_markdown_says_what_its_page_says(client, reported_comparison):
    page = reported_comparison.page
    FactChangeFactory(
        product=reported_comparison.rival,
        criterion=reported_comparison.phone,
        fact=reported_comparison.rival_phone,
        old_value="No",
        new_value="Yes",
        reason="The vendor added a phone channel.",
    )

    text = markdown_of(client, md_url(page))

    assert text.startswith("# Fernhill Desk vs Tidewell Desk\n")
    assert "> Published by Candor Test Co, maker of Fernhill Desk." in text
    assert "We make one of the products compared here." in text
    assert "| Criterion | Fernhill Desk (All plans) | Tidewell Desk (Business) |" in text
    assert "| Phone channel | No[^phone-channel--fernhill-desk] |" in text
    assert "Yes; All plans (★ Best)[^phone-channel--tidewell-desk]" in text
    # Where a competitor wins, in its own section.
    assert "## Where competitors are better\n\n- Phone channel: Tidewell Desk" in text
    assert (
        "[^phone-channel--tidewell-desk]: Source: [https://vendor.example/docs]"
        "(https://vendor.example/docs), verified 2026-10-27." in text
    )
    assert f"(http://localhost{page.url}#phone-channel--tidewell-desk)" in text
    assert "Tidewell Desk, Phone channel (All plans): No → Yes. The vendor added" in text
    assert f"By {page.author_name} · last reviewed {page.reviewed_on.isoformat()}" in text


def test_format_md_serves_the_same_rendition_and_the_html_links_it(client, reported_comparison):
    page = reported_comparison.page

    assert markdown_of(client, f"{page.url}?format=md") == markdown_of(client, md_url(page))
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.find("link", rel="alternate", type="text/markdown")["href"] == md_url(page)


def test_editors_and_sources_words_cannot_become_markup(client, reported_comparison):
    fact = reported_comparison.rival_phone
    Fact.objects.filter(pk=fact.pk).update(note="# Only | on <script>alert(1)</script>")
    reported_comparison.phone.name = "Phone | channel"
    reported_comparison.phone.save()

    text = markdown_of(client, md_url(reported_comparison.page))

    assert "<script>" not in text
    assert r"\# Only \| on \<script\>alert(1)\</script\>" in text
    assert r"| Phone \| channel |" in text
    # Every table row keeps its columns.
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert {line.replace(r"\|", "").count("|") for line in rows} == {4}


@pytest.fixture
def product_page(product_index, site_settings):
    ours = ProductFactory(name="Fernhill Mail", ours=True, summary="Email helpdesk.")
    rival = ProductFactory(name="Brightline Desk", website="https://brightline.example/")
    page = ProductPageFactory(
        parent=product_index,
        title="Fernhill Mail",
        slug="fernhill-mail",
        product=ours,
        summary='<p>Shared inbox <a href="https://x.example">for</a> <b>small</b> teams.</p>',
        pricing=[plan("Team", 15), plan("Enterprise", None)],
    )
    NotSuitableFor.objects.create(
        page=page,
        situation="You need phone support",
        reason="We answer by email only.",
        alternative=rival,
    )
    our_chat = ProductFactory(name="Fernhill Talk", ours=True)
    ProductPageFactory(parent=product_index, product=our_chat, slug="fernhill-talk")
    NotSuitableFor.objects.create(
        page=page, situation="You only need chat", reason="Too much.", alternative=our_chat
    )
    page.save_revision().publish()
    Fact.objects.create(
        product=ours,
        criterion=CriterionFactory(name="Live chat", group="Channels"),
        support="no",
        source_url="https://fernhill.example/docs",
        verified_on=timezone.localdate() - datetime.timedelta(days=5),
    )
    return page


def test_a_product_page_as_markdown(client, product_page):
    text = markdown_of(client, md_url(product_page))

    assert text.startswith("# Fernhill Mail\n\nEmail helpdesk.\n\nShared inbox for small teams.")
    assert "<a href" not in text and "<b>" not in text
    assert "## Where it is strong\n\n- **Fast set-up**" in text
    assert "## Limitations\n\n- **No phone channel**" in text
    assert "## Who it is for\n\n- **Teams of 2 to 20**" in text
    assert (
        "- **You need phone support**: We answer by email only. Instead: "
        "[Brightline Desk](https://brightline.example/)" in text
    )
    assert "Instead: [Fernhill Talk](http://localhost/products/fernhill-talk/)" in text
    assert "- **Team**: $15" in text
    assert "- **Enterprise**: Price on request" in text
    assert "| Live chat | No | All plans | Source: [https://fernhill.example/docs]" in text
    assert markdown_of(client, f"{product_page.url}?format=md") == text


def test_the_japanese_renditions_are_in_japanese(client, reported_comparison, product_page):
    ja = Locale.objects.get_or_create(language_code="ja")[0]
    translate_object(reported_comparison.phone, ja, {"Phone channel": "電話チャネル"})
    translate_object(
        Fact.objects.get(product=product_page.product).criterion, ja, {"Live chat": "チャット"}
    )
    page = reported_comparison.page
    japanese(page.get_parent().get_parent())
    japanese(page.get_parent())
    japanese_page = japanese(page)
    japanese(product_page.get_parent())
    japanese_product = japanese(product_page)

    comparison = markdown_of(client, md_url(japanese_page))
    product = markdown_of(client, md_url(japanese_product))

    assert md_url(japanese_page).startswith("/ja/")
    assert "| 電話チャネル |" in comparison
    assert f"(http://localhost{japanese_page.url}#phone-channel--tidewell-desk)" in comparison
    assert "| チャット |" in product
    assert "| Live chat |" not in product


def test_a_draft_or_private_page_has_no_rendition(client, reported_comparison, product_page):
    page = reported_comparison.page
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([Group.objects.get(name="Editors")])
    product_page.unpublish()

    assert client.get(md_url(page)).status_code in (302, 403, 404)
    assert "text/markdown" not in client.get(md_url(page)).get("Content-Type", "")
    assert client.get(f"{page.url}?format=md").status_code == client.get(page.url).status_code
    assert client.get(md_url(product_page)).status_code == 404


def test_only_comparison_and_product_pages_have_renditions(client, reported_comparison):
    page = reported_comparison.page

    assert client.get(md_url(page.get_parent())).status_code == 404
    assert client.get(f"{page.url}report.md").status_code == 404
    assert client.get("/no-such-page.md").status_code == 404


def test_the_rendition_is_cached_as_its_own_entry_and_made_up_formats_are_not(
    client, reported_comparison, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    page = reported_comparison.page
    for url in (md_url(page), f"{page.url}?format=md"):
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit"
    client.get(f"{page.url}?format=xml")
    assert client.get(f"{page.url}?format=xml").get("X-Cache") != "hit"

    with django_capture_on_commit_callbacks(execute=True):
        fact = reported_comparison.rival_phone
        fact.note = "Callback only"
        fact.save()

    response = client.get(md_url(page))
    assert response["X-Cache"] == "miss"
    assert "Callback only" in response.content.decode()


def test_the_rendition_asks_the_same_queries_for_a_larger_table(client, comparison_grid):
    small = comparison_grid(product_count=3, criterion_count=10)
    large = comparison_grid(product_count=8, criterion_count=60)

    small_count = queries_to_render(client, md_url(small))
    large_count = queries_to_render(client, md_url(large))

    assert large_count == small_count
    assert large_count <= MAX_QUERIES
    assert markdown_of(client, md_url(large)).count("[^") == 2 * 8 * 60


def test_a_stale_value_says_so_in_the_rendition(client, reported_comparison):
    Fact.objects.filter(pk=reported_comparison.rival_phone.pk).update(
        verified_on=datetime.date(2025, 1, 1)
    )

    text = markdown_of(client, md_url(reported_comparison.page))

    assert "verified 2025-01-01. Stale: last checked 684 days ago" in text


def test_the_product_rendition_asks_the_same_queries_for_more_facts(client, product_page):
    before = queries_to_render(client, md_url(product_page))
    for number in range(10):
        Fact.objects.create(
            product=product_page.product,
            criterion=CriterionFactory(name=f"Criterion {number}"),
            support="yes",
            source_url="https://fernhill.example/docs",
            verified_on=timezone.localdate(),
        )
        NotSuitableFor.objects.create(
            page=product_page, situation=f"Situation {number}", reason="Why", alternative=None
        )

    assert queries_to_render(client, md_url(product_page)) == before <= MAX_QUERIES


def test_a_count_in_the_product_rendition_reads_in_the_singular(client, product_page):
    minimum = CriterionFactory(name="Minimum seats", group="Pricing", kind="number", unit="seats")
    minimum.pricing_role = "minimum_seats"
    minimum.save()
    Fact.objects.create(
        product=product_page.product,
        criterion=minimum,
        number=1,
        source_url="https://fernhill.example/pricing",
        verified_on=timezone.localdate(),
    )

    assert "| Minimum seats | 1 seat |" in markdown_of(client, md_url(product_page))
