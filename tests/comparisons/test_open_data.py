"""Every comparison offers its table as CSV and JSON: each value with its evidence, its
age and its corrections, in the page's language, safe to open in a spreadsheet, and
never older than the page."""

import csv
import datetime
import io
import json
from decimal import Decimal
from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Locale, PageViewRestriction

import pytest

from comparisons.demo.japanese_catalogue import translate_object
from comparisons.models import ComparedCriterion, ComparedProduct, Criterion, Fact
from comparisons.open_data import LICENSE_URL
from home.page_cache.signals import changed_in_bulk
from tests.comparisons.factories import (
    ComparisonPageFactory,
    CriterionFactory,
    FactChangeFactory,
    FactFactory,
    ProductFactory,
)
from tests.comparisons.test_query_counts import correct_every_fact
from tests.home.translations import japanese
from tests.page_cache import beyond_the_page_cache
from tests.query_counts import MAX_QUERIES, queries_to_render

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","Click")'
EXCERPT = "Phone support is included on every plan."


@pytest.fixture
def open_comparison(comparison_index, site_settings, today):
    """Our Fernhill Desk against Tidewell Desk, which wins the phone row; Tidewell's
    audit log retention is not recorded, ours is stale, our phone value was corrected
    and the source of Tidewell's has changed since it was verified."""
    ours = ProductFactory(name="Fernhill Desk", vendor="Candor Test Co", is_ours=True)
    rival = ProductFactory(name="Tidewell Desk", vendor="Tidewell Inc")
    phone = CriterionFactory(name="Phone channel", group="Channels")
    retention = CriterionFactory(
        name="Audit log retention",
        group="Security",
        kind=Criterion.Kind.NUMBER,
        direction=Criterion.Direction.HIGHER,
        unit="days",
    )
    our_phone = Fact.objects.create(
        product=ours,
        criterion=phone,
        support="no",
        source_url="https://fernhill.example/pricing",
        verified_on=today - datetime.timedelta(days=10),
    )
    rival_phone = Fact.objects.create(
        product=rival,
        criterion=phone,
        support="yes",
        note=FORMULA,
        evidence_excerpt=EXCERPT,
        source_url="https://tidewell.example/features",
        verified_on=today - datetime.timedelta(days=20),
    )
    Fact.objects.create(
        product=ours,
        criterion=retention,
        number=Decimal(90),
        source_url="https://fernhill.example/security",
        verified_on=today - datetime.timedelta(days=400),
    )
    checked_at = timezone.now() - datetime.timedelta(hours=3)
    Fact.objects.filter(pk=rival_phone.pk).update(
        source_flag="changed", source_flagged_at=checked_at, source_checked_at=checked_at
    )
    FactChangeFactory(
        fact=our_phone,
        product=ours,
        criterion=phone,
        old_value="Yes",
        new_value="No",
        reason="The pricing page sells phone as an extra.",
        changed_at=timezone.now() - datetime.timedelta(days=5),
    )
    page = ComparisonPageFactory(
        parent=comparison_index,
        title="Fernhill Desk vs Tidewell Desk",
        slug="fernhill-vs-tidewell",
        compared_products=[ComparedProduct(product=ours), ComparedProduct(product=rival)],
        compared_criteria=[ComparedCriterion(criterion=c) for c in (phone, retention)],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return SimpleNamespace(
        page=page,
        ours=ours,
        rival=rival,
        phone=phone,
        retention=retention,
        our_phone=our_phone,
        rival_phone=rival_phone,
    )


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8, Japanese included, after it
    header, *rows = csv.reader(io.StringIO(text[1:]))
    return [dict(zip(header, row, strict=True)) for row in rows]


def cell(rows, product, criterion, product_key="Product", criterion_key="Criterion"):
    [found] = [
        row for row in rows if row[product_key] == product and row[criterion_key] == criterion
    ]
    return found


def test_the_csv_has_a_row_for_every_cell_with_its_evidence(client, open_comparison):
    page = open_comparison.page
    response = client.get(page.url + "data.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="fernhill-vs-tidewell.csv"'
    rows = csv_rows(response)
    assert len(rows) == 4  # 2 products by 2 criteria, a missing value included
    rival_phone = cell(rows, "Tidewell Desk", "Phone channel")
    assert rival_phone["Value"] == "Yes"
    assert rival_phone["Support (raw)"] == "yes"
    assert rival_phone["Best in row"] == "yes"  # a competitor's win is marked
    assert rival_phone["Made by the publisher"] == "no"
    assert rival_phone["Vendor"] == "Tidewell Inc"
    assert rival_phone["Source"] == "https://tidewell.example/features"
    assert rival_phone["Verified on"] == "2026-11-06"
    assert rival_phone["Source changed since verified"] == "The excerpt is no longer on the source"
    assert rival_phone["Source checked automatically at"].startswith("2026-11-26T09:00")
    assert rival_phone["Evidence excerpt"] == EXCERPT
    assert rival_phone["Link to the value"] == (
        f"http://localhost{page.url}#phone-channel--tidewell-desk"
    )

    missing = cell(rows, "Tidewell Desk", "Audit log retention")
    assert missing["Value"] == "not recorded"
    assert (missing["Source"], missing["Verified on"], missing["Best in row"]) == ("", "", "no")

    our_retention = cell(rows, "Fernhill Desk", "Audit log retention")
    assert our_retention["Value"] == "90 days"
    assert our_retention["Number (raw)"] == "90.00"
    assert (our_retention["Stale"], our_retention["Age in days"]) == ("yes", "400")

    our_phone = cell(rows, "Fernhill Desk", "Phone channel")
    assert our_phone["Change history"] == (
        "2026-11-21: Yes → No (The pricing page sells phone as an extra.)"
    )
    assert our_phone["Stale"] == "no"


def test_a_formula_typed_into_a_note_is_text_in_a_spreadsheet(client, open_comparison):
    rows = csv_rows(client.get(open_comparison.page.url + "data.csv"))

    assert cell(rows, "Tidewell Desk", "Phone channel")["Note"] == "'" + FORMULA


def test_the_json_describes_the_table_and_every_cell(client, open_comparison):
    page = open_comparison.page
    response = client.get(page.url + "data.json")

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="fernhill-vs-tidewell.json"'
    data = json.loads(response.content)
    assert data["title"] == "Fernhill Desk vs Tidewell Desk"
    assert data["url"] == f"http://localhost{page.url}"
    assert data["language"] == "en"
    assert data["dateModified"] == "2026-11-26"  # published today
    assert data["license"]["url"] == LICENSE_URL
    assert data["publisher"]["name"] == "Candor Test Co"
    assert [column["product"] for column in data["columns"]] == ["Fernhill Desk", "Tidewell Desk"]
    assert [criterion["name"] for criterion in data["criteria"]] == [
        "Phone channel",
        "Audit log retention",
    ]
    cells = data["cells"]
    rival_phone = cell(cells, "Tidewell Desk", "Phone channel", "product", "criterion")
    assert rival_phone["best_in_row"] is True
    assert rival_phone["note"] == FORMULA  # JSON is data: nothing to neutralise
    assert rival_phone["source_flag"] == "The excerpt is no longer on the source"
    our_phone = cell(cells, "Fernhill Desk", "Phone channel", "product", "criterion")
    assert our_phone["history"] == [
        {
            "date": "2026-11-21",
            "old_value": "Yes",
            "new_value": "No",
            "reason": "The pricing page sells phone as an extra.",
        }
    ]
    missing = cell(cells, "Tidewell Desk", "Audit log retention", "product", "criterion")
    assert (missing["value"], missing["source_url"], missing["verified_on"]) == (
        "not recorded",
        "",
        None,
    )
    our_retention = cell(cells, "Fernhill Desk", "Audit log retention", "product", "criterion")
    assert (our_retention["number"], our_retention["stale"]) == ("90.00", True)


def test_the_japanese_data_names_criteria_in_japanese_with_the_same_values(
    client, open_comparison, home_page, comparison_index
):
    ja = Locale.objects.get_or_create(language_code="ja")[0]
    japanese(home_page)
    japanese(comparison_index)
    translation = japanese(open_comparison.page)
    translate_object(
        open_comparison.phone, ja, {"Phone channel": "電話チャネル", "Channels": "チャネル"}
    )
    english = json.loads(client.get(open_comparison.page.url + "data.json").content)

    response = client.get(translation.url + "data.json")

    assert translation.url.startswith("/ja/")
    data = json.loads(response.content)
    assert data["language"] == "ja"
    assert data["criteria"][0]["name"] == "電話チャネル"
    rival_phone = cell(data["cells"], "Tidewell Desk", "電話チャネル", "product", "criterion")
    assert rival_phone["group"] == "チャネル"
    english_phone = cell(english["cells"], "Tidewell Desk", "Phone channel", "product", "criterion")
    for same in ("support", "source_url", "verified_on", "evidence_excerpt", "best_in_row"):
        assert rival_phone[same] == english_phone[same]
    assert rival_phone["anchor"].endswith("#phone-channel--tidewell-desk")
    ja_csv = client.get(translation.url + "data.csv")
    assert ja_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert "電話チャネル" in ja_csv.content.decode("utf-8")
    # Saved beside the English file, not over it.
    slug = open_comparison.page.slug
    assert ja_csv["Content-Disposition"] == f'attachment; filename="{slug}.ja.csv"'


def test_a_private_comparison_s_data_is_refused_like_the_page(client, open_comparison):
    page = open_comparison.page
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    for route in ("data.csv", "data.json"):
        response = client.get(page.url + route)
        assert response["Content-Type"].startswith("text/html")
        assert "tidewell.example" not in response.content.decode()


def test_a_draft_comparison_has_no_data(client, open_comparison):
    page = open_comparison.page
    url = page.url
    page.unpublish()

    assert client.get(url + "data.csv").status_code == 404
    assert client.get(url + "data.json").status_code == 404


@pytest.mark.parametrize("route", ["data.csv", "data.json"])
def test_downloads_cost_the_same_queries_from_3x5_to_8x40(
    client, site_settings, comparison_grid, route
):
    small = comparison_grid(product_count=3, criterion_count=5)
    large = comparison_grid(product_count=8, criterion_count=40)
    correct_every_fact(small)
    correct_every_fact(large)

    small_count = queries_to_render(client, small.url + route)
    large_count = queries_to_render(client, large.url + route)

    assert large_count == small_count <= MAX_QUERIES


def test_cached_downloads_show_a_corrected_value_and_a_watcher_flag_at_once(
    client, settings, committed, open_comparison
):
    settings.PAGE_CACHE_SECONDS = 600
    url = open_comparison.page.url + "data.csv"
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"

    def correct():
        fact = Fact.objects.get(pk=open_comparison.our_phone.pk)
        fact.support = "partial"
        fact.save()

    committed(correct)
    rows = csv_rows(client.get(url))
    assert cell(rows, "Fernhill Desk", "Phone channel")["Value"] == "Partial"

    def flag():
        # The source watcher writes in bulk, then says what it changed.
        Fact.objects.filter(pk=open_comparison.our_phone.pk).update(source_flag="gone")
        changed_in_bulk(Fact, [open_comparison.our_phone])

    client.get(url)
    committed(flag)
    rows = csv_rows(client.get(url))
    assert cell(rows, "Fernhill Desk", "Phone channel")["Source changed since verified"] == (
        "The source is gone"
    )


def test_a_repeat_download_is_served_from_the_cache_with_no_other_query(
    client, settings, open_comparison
):
    settings.PAGE_CACHE_SECONDS = 600
    url = open_comparison.page.url + "data.json"
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert beyond_the_page_cache(queries) == []
    assert second.content == first.content


def test_a_cdn_purges_the_downloads_with_the_page(open_comparison):
    batch = PurgeBatch()
    batch.add_page(open_comparison.page)

    page_url = open_comparison.page.full_url
    assert set(batch.urls) == {page_url, page_url + "data.csv", page_url + "data.json"}


def test_a_tables_newest_dates_are_over_its_own_facts_only():
    """The newest verification and correction of the products and criteria asked for,
    for tables of any size; none where there is nothing."""
    day = datetime.date(2026, 10, 1)
    facts = [
        FactFactory(verified_on=day + datetime.timedelta(days=n), product__name=f"P{n}")
        for n in range(3)
    ]
    FactChangeFactory(
        fact=facts[1],
        product=facts[1].product,
        criterion=facts[1].criterion,
        changed_at=datetime.datetime(2026, 11, 2, 9, tzinfo=datetime.UTC),
    )
    products = [fact.product_id for fact in facts]
    criteria = [fact.criterion_id for fact in facts]

    assert Fact.objects.newest_dates(products, criteria) == (
        datetime.date(2026, 10, 3),
        datetime.date(2026, 11, 2),
    )
    assert Fact.objects.newest_dates(products[:1], criteria) == (day, None)
    assert Fact.objects.newest_dates(products[:2], criteria[:2]) == (
        datetime.date(2026, 10, 2),
        datetime.date(2026, 11, 2),
    )
    assert Fact.objects.newest_dates([], criteria) == (None, None)
    assert Fact.objects.newest_dates(products, [0]) == (None, None)
