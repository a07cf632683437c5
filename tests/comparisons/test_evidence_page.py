"""What a reader learns about one value: the watcher's finding in the cell, the cell's
stable anchor, and the evidence page with the excerpt, fingerprint and history."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

import pytest
import time_machine
from bs4 import BeautifulSoup

from comparisons.demo.japanese_catalogue import translate_object
from comparisons.models import Fact, FactVerification, SourceFlag
from tests.comparisons.factories import FactChangeFactory, FactFactory, ProductPageFactory
from tests.home.translations import japanese

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 16, 9, tzinfo=datetime.UTC)
PHONE_ANCHOR = "phone-channel--tidewell-desk"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def cell(soup, anchor):
    found = soup.find("td", id=anchor)
    assert found is not None, anchor
    return found


def test_a_cell_without_a_watcher_finding_says_only_when_it_was_verified(
    client, reported_comparison
):
    text = cell(soup_of(client, reported_comparison.page.url), PHONE_ANCHOR).get_text(" ")

    assert "verified" in text
    assert "checked automatically" not in text
    assert "Source has changed" not in text


def test_a_cell_whose_source_was_checked_says_so_with_the_date(client, reported_comparison):
    Fact.objects.filter(pk=reported_comparison.rival_phone.pk).update(
        source_checked_at=NOW - datetime.timedelta(days=2)
    )

    found = cell(soup_of(client, reported_comparison.page.url), PHONE_ANCHOR)

    assert "source checked automatically on" in found.get_text(" ")
    assert found.select_one(".source-checked time")["datetime"] == "2026-11-14"


def test_a_cell_whose_source_changed_says_it_in_words_and_keeps_its_value(
    client, reported_comparison
):
    Fact.objects.filter(pk=reported_comparison.rival_phone.pk).update(
        source_checked_at=NOW, source_flag=SourceFlag.CHANGED, source_flagged_at=NOW
    )

    found = cell(soup_of(client, reported_comparison.page.url), PHONE_ANCHOR)

    notice = found.select_one(".source-flag").get_text(" ", strip=True)
    assert notice == "Source has changed since we verified this; we are re-checking."
    assert "checked automatically" not in found.get_text(" ")
    assert "Yes" in found.get_text(" ")


def test_every_cell_has_an_anchor_and_an_evidence_link(client, reported_comparison):
    page = reported_comparison.page
    soup = soup_of(client, page.url)

    anchors = [td["id"] for td in soup.select("table.comparison td")]

    assert anchors == [
        "phone-channel--fernhill-desk",
        "phone-channel--tidewell-desk",
        "audit-log-retention--fernhill-desk",
        "audit-log-retention--tidewell-desk",
    ]
    link = cell(soup, PHONE_ANCHOR).select_one("a.evidence__archive")
    assert link["href"] == f"{page.url}evidence/{PHONE_ANCHOR}/"


def test_anchors_are_the_same_on_the_japanese_comparison(client, reported_comparison):
    page = reported_comparison.page
    translate_object(
        reported_comparison.phone,
        Locale.objects.get_or_create(language_code="ja")[0],
        {"Phone channel": "電話チャネル"},
    )
    japanese(page.get_parent().get_parent())
    japanese(page.get_parent())
    japanese_page = japanese(page)

    english = [td["id"] for td in soup_of(client, page.url).select("table.comparison td")]
    soup = soup_of(client, japanese_page.url)

    assert japanese_page.url.startswith("/ja/")
    assert [td["id"] for td in soup.select("table.comparison td")] == english
    assert "電話チャネル" in soup.select_one("table.comparison").get_text()
    link = cell(soup, PHONE_ANCHOR).select_one("a.evidence__archive")
    assert link["href"] == f"{japanese_page.url}evidence/{PHONE_ANCHOR}/"
    assert link.get_text().startswith("根拠")


@pytest.fixture
def evidenced(reported_comparison):
    """Tidewell's phone channel re-verified with an excerpt the watcher then read, and
    corrected once before."""
    fact = reported_comparison.rival_phone
    first = fact.verifications.get()
    first.fingerprint = "a" * 64
    first.save()
    fact.evidence_excerpt = "Phone support <script>alert(1)</script> on every plan."
    fact.verified_on = timezone.localdate() - datetime.timedelta(days=3)
    fact.save()
    current = fact.verifications.first()
    current.fingerprint = "b" * 64
    current.fingerprinted_at = NOW - datetime.timedelta(days=2)
    current.save()
    FactChangeFactory(
        product=fact.product,
        criterion=fact.criterion,
        plan=fact.plan,
        fact=fact,
        old_value="No",
        new_value="Yes",
        reason="The vendor added a phone channel.",
        changed_at=NOW - datetime.timedelta(days=40),
    )
    FactChangeFactory(
        product=fact.product,
        criterion=fact.criterion,
        plan=fact.plan,
        fact=fact,
        old_value="Partial",
        new_value="No",
        reason="Checked again.",
        changed_at=NOW - datetime.timedelta(days=80),
    )
    return reported_comparison


def test_the_evidence_page_shows_the_value_source_excerpt_fingerprint_and_history(
    client, evidenced
):
    page = evidenced.page
    response = client.get(f"{page.url}evidence/{PHONE_ANCHOR}/")
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ")

    assert response.status_code == 200
    assert "Evidence: Tidewell Desk, Phone channel" in soup.h1.get_text(" ", strip=True)
    assert soup.select_one(".value").get_text(strip=True).endswith("Yes")
    assert soup.find("a", href="https://vendor.example/docs")
    # The excerpt is the source's text, shown as text.
    assert soup.select_one(".excerpt").get_text() == (
        "Phone support <script>alert(1)</script> on every plan."
    )
    assert b"<script>alert(1)" not in response.content
    assert soup.select_one("dd .fingerprint").get_text() == "b" * 64
    assert "a" * 64 in soup.select_one(".verifications").get_text()
    reasons = [item.get_text(strip=True) for item in soup.select(".correction__reason")]
    assert reasons == ["The vendor added a phone channel.", "Checked again."]
    assert "Not checked automatically yet." in text
    assert soup.find("a", href=f"{page.url}#{PHONE_ANCHOR}")
    assert soup.find("link", rel="canonical")["href"].endswith(
        f"{page.url}evidence/{PHONE_ANCHOR}/"
    )


def test_a_value_not_yet_read_says_so(client, reported_comparison):
    soup = soup_of(client, f"{reported_comparison.page.url}evidence/phone-channel--fernhill-desk/")

    assert "Not yet read" in soup.get_text(" ")
    assert "None: this is the first verification" in soup.get_text(" ")
    assert "No corrections recorded for this value." in soup.get_text(" ")


def test_a_value_the_comparison_does_not_show_has_no_evidence_page(client, reported_comparison):
    page = reported_comparison.page
    outside = Fact.objects.create(
        product=reported_comparison.outside_product,
        criterion=reported_comparison.phone,
        support="yes",
        source_url="https://vendor.example/other",
        verified_on=timezone.localdate(),
    )

    assert outside.pk
    assert client.get(f"{page.url}evidence/phone-channel--quillory/").status_code == 404
    assert client.get(f"{page.url}evidence/free-plan--fernhill-desk/").status_code == 404
    assert client.get(f"{page.url}evidence/made-up/").status_code == 404


def test_the_japanese_evidence_page_is_in_japanese(client, evidenced):
    page = evidenced.page
    translate_object(
        evidenced.phone,
        Locale.objects.get_or_create(language_code="ja")[0],
        {"Phone channel": "電話チャネル"},
    )
    japanese(page.get_parent().get_parent())
    japanese(page.get_parent())
    japanese_page = japanese(page)

    soup = soup_of(client, f"{japanese_page.url}evidence/{PHONE_ANCHOR}/")

    assert soup.html["lang"] == "ja"
    assert "電話チャネル" in soup.h1.get_text()
    assert soup.find("a", href=f"{japanese_page.url}#{PHONE_ANCHOR}")


def test_a_new_reading_of_the_source_refreshes_the_cached_evidence_page(
    client, evidenced, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    url = f"{evidenced.page.url}evidence/{PHONE_ANCHOR}/"
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        current = FactVerification.objects.filter(fact=evidenced.rival_phone).first()
        current.fingerprint = "c" * 64
        current.save()

    response = client.get(url)
    assert response["X-Cache"] == "miss"
    assert "c" * 64 in response.content.decode()


def test_a_product_pages_facts_say_the_watchers_finding_and_link_their_evidence(
    client, product_index, site_settings
):
    page = ProductPageFactory(parent=product_index)
    checked = FactFactory(product=page.product, source_checked_at=NOW)
    flagged = FactFactory(product=page.product)
    # The watcher writes its finding without a new verification.
    Fact.objects.filter(pk=flagged.pk).update(source_flag=SourceFlag.GONE)
    other = FactFactory()

    soup = soup_of(client, page.url)

    row = soup.find("tr", id=f"fact-{checked.pk}")
    assert "source checked automatically on" in row.get_text(" ")
    flagged_row = soup.find("tr", id=f"fact-{flagged.pk}")
    assert "Source has changed since we verified this" in flagged_row.get_text(" ")
    link = row.select_one("a.evidence__archive")["href"]
    assert link == f"{page.url}evidence/{checked.pk}/"
    evidence = soup_of(client, link)
    assert checked.source_url in evidence.get_text(" ")
    assert evidence.find("a", href=f"{page.url}#fact-{checked.pk}")
    assert client.get(f"{page.url}evidence/{other.pk}/").status_code == 404


def test_the_evidence_page_says_what_the_watcher_found_and_when(client, reported_comparison):
    Fact.objects.filter(pk=reported_comparison.rival_phone.pk).update(
        source_checked_at=NOW, source_flag=SourceFlag.MOVED, source_flagged_at=NOW
    )

    soup = soup_of(client, f"{reported_comparison.page.url}evidence/{PHONE_ANCHOR}/")

    text = " ".join(soup.get_text(" ").split())
    assert "Source has changed since we verified this; we are re-checking." in text
    assert "The source has moved." in text
    checked = soup.select(".evidence-record dd")[-1]
    assert "Last checked automatically on" in checked.get_text(" ")
    assert checked.time["datetime"] == "2026-11-16"
