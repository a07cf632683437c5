"""Comparison data in the reader's language: criteria, facts' notes and products'
summaries are translated with wagtail-localize, while the values, sources and dates
stay one set shared by every language."""

import datetime
import json
import re
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail_localize.models import Translation, TranslationSource

from comparisons.demo.japanese_catalogue import translate_object
from comparisons.localized import localize
from comparisons.models import (
    ComparedCriterion,
    ComparedProduct,
    ComparisonPage,
    Criterion,
    Fact,
    Product,
)
from tests.comparisons.factories import (
    ComparisonPageFactory,
    CriterionFactory,
    FactChangeFactory,
    FactFactory,
    ProductFactory,
    ProductPageFactory,
)
from tests.home.factories import StandardPageFactory
from tests.home.translations import japanese
from tests.testimonials.advocate_fixtures import user_in_group

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 16)

WORDS = {
    "Phone channel": "電話チャネル",
    "Channels": "チャネル",
    "Calls are answered and logged inside the product.": "製品の中で電話に応対し記録できること。",
    "Monthly billing": "月払い",
    "Pricing": "料金",
    "Annual contract only": "年間契約のみ",
    "Enterprise helpdesk with phone, chat and email.": (
        "電話・チャット・メールの大企業向けヘルプデスク。"
    ),
}


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 11, 16, 9, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def ja(db):
    return Locale.objects.get_or_create(language_code="ja")[0]


@pytest.fixture
def catalogue(ja):
    """Two products compared on three criteria; one criterion is left untranslated."""
    ours = ProductFactory(name="Fernhill Desk", ours=True, summary="Email helpdesk.")
    rival = ProductFactory(
        name="Tidewell Desk", summary="Enterprise helpdesk with phone, chat and email."
    )
    phone = CriterionFactory(
        name="Phone channel",
        group="Channels",
        help_text="Calls are answered and logged inside the product.",
    )
    monthly = CriterionFactory(name="Monthly billing", group="Pricing", help_text="")
    audit = CriterionFactory(
        name="Audit log retention",
        group="Security",
        help_text="",
        kind=Criterion.Kind.NUMBER,
        unit="days",
    )
    for product, phone_support, audit_days in ((ours, "no", 90), (rival, "yes", 730)):
        FactFactory(product=product, criterion=phone, support=phone_support, verified_on=TODAY)
        FactFactory(
            product=product,
            criterion=audit,
            support="",
            number=Decimal(audit_days),
            verified_on=TODAY,
        )
    FactFactory(product=ours, criterion=monthly, support="yes", verified_on=TODAY)
    FactFactory(
        product=rival,
        criterion=monthly,
        support="no",
        note="Annual contract only",
        verified_on=TODAY,
    )
    for instance in (phone, monthly, rival):
        translate_object(instance, ja, WORDS)
    return {"ours": ours, "rival": rival, "phone": phone, "monthly": monthly, "audit": audit}


def desk_vs_tidewell(parent, catalogue, criteria=("monthly", "phone", "audit"), **rival):
    """An English comparison of our desk and Tidewell Desk on ``criteria`` (names in
    ``catalogue``, or criteria), with ``rival`` fields (plan, verdict) on Tidewell."""
    return ComparisonPageFactory(
        parent=parent,
        title="Fernhill Desk vs Tidewell Desk",
        compared_products=[
            ComparedProduct(product=catalogue["ours"], sort_order=0),
            ComparedProduct(product=catalogue["rival"], sort_order=1, **rival),
        ],
        compared_criteria=[
            ComparedCriterion(criterion=catalogue.get(name, name), sort_order=order)
            for order, name in enumerate(criteria)
        ],
    )


@pytest.fixture
def comparison(catalogue, comparison_index, site_settings):
    page = desk_vs_tidewell(comparison_index, catalogue)
    japanese(comparison_index.get_parent())
    japanese(comparison_index)
    return page, japanese(page)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def row_named(soup, name):
    for row in soup.select("table.comparison tbody tr:not(.group-row)"):
        if row.th.get_text(" ", strip=True).startswith(name):
            return row
    raise AssertionError(f"No row {name!r}")


def test_a_japanese_reader_reads_criteria_groups_and_notes_in_japanese(client, comparison):
    english, japanese_page = comparison

    soup = soup_of(client, japanese_page.url)

    groups = [label.get_text() for label in soup.select(".group-row__label")]
    assert "チャネル" in groups and "料金" in groups
    phone = row_named(soup, "電話チャネル")
    assert "製品の中で電話に応対し記録できること。" in phone.th.get_text()
    monthly = row_named(soup, "月払い")
    assert "年間契約のみ" in monthly.get_text()
    assert "Annual contract only" not in soup.get_text()
    # The English page is untouched by the translations.
    english_soup = soup_of(client, english.url)
    assert row_named(english_soup, "Phone channel")
    assert "Annual contract only" in row_named(english_soup, "Monthly billing").get_text()


def test_each_language_reads_its_own_words_for_values_whichever_is_served_first(
    client, comparison, catalogue
):
    """The words a table repeats (a stale value's age, a support level) are formatted
    once per process, for each language apart."""
    english, japanese_page = comparison
    Fact.objects.filter(product=catalogue["rival"], criterion=catalogue["phone"]).update(
        verified_on=TODAY - datetime.timedelta(days=400)
    )

    for url in (japanese_page.url, english.url, japanese_page.url, english.url):
        soup = soup_of(client, url)
        phone = row_named(soup, "電話チャネル" if url == japanese_page.url else "Phone channel")
        wins = soup.select_one(".competitor-wins").get_text(" ", strip=True)
        if url == japanese_page.url:
            assert "古い情報:最終確認から400日経過" in phone.get_text()
            # Japanese punctuation: 、 between values, full-width brackets, no space.
            assert re.search(r"\S（Fernhill Desk\W+非対応、Tidewell Desk\W+対応）", wins)
        else:
            assert "Stale: last checked 400 days ago" in phone.get_text()
            assert re.search(r" \(Fernhill Desk\W+No; Tidewell Desk\W+Yes\)", wins)


def test_words_not_yet_translated_are_shown_in_english_marked_as_english(client, comparison):
    _, japanese_page = comparison

    soup = soup_of(client, japanese_page.url)

    audit = row_named(soup, "Audit log retention")
    assert audit.th.select_one('[lang="en"]').get_text() == "Audit log retention"
    values = [value.get_text(strip=True) for value in audit.select('.value [lang="en"]')]
    assert values == ["90 days", "730 days"]
    security = [label for label in soup.select(".group-row__label") if "Security" in label.text]
    assert security[0].select_one('[lang="en"]').get_text() == "Security"
    # Translated words carry no English mark.
    assert row_named(soup, "電話チャネル").th.select_one('[lang="en"]') is None


def test_a_corrected_value_is_corrected_in_every_language(client, comparison, catalogue):
    _, japanese_page = comparison
    fact = catalogue["rival"].facts.get(criterion=catalogue["audit"])
    fact.number = Decimal(365)
    fact.source_url = "https://tidewell.example/security/retention"
    fact.save()

    soup = soup_of(client, japanese_page.url)

    cells = row_named(soup, "Audit log retention").select("td")
    assert "365" in cells[1].get_text() and "730" not in cells[1].get_text()
    assert cells[1].select_one(".evidence a")["href"] == fact.source_url
    # The translation's copy of the value follows at once, not at the next sync.
    copy = fact.get_translation(Locale.objects.get(language_code="ja"))
    assert (copy.number, copy.source_url) == (Decimal(365), fact.source_url)


def test_a_note_corrected_in_english_is_not_shown_in_its_outdated_japanese(
    client, comparison, catalogue
):
    """An old translation of a corrected note would contradict the claim: the reader
    gets the corrected English, marked as English, until a translator catches up."""
    _, japanese_page = comparison
    fact = catalogue["rival"].facts.get(criterion=catalogue["monthly"])
    fact.note = "Annual contract, or monthly at 20% more"
    fact.save()

    cell = row_named(soup_of(client, japanese_page.url), "月払い").select("td")[1]

    assert "年間契約のみ" not in cell.get_text()
    assert cell.select_one('.value__note [lang="en"]').get_text() == fact.note


def test_the_japanese_open_data_reads_a_note_in_japanese_until_it_is_corrected(
    client, comparison, catalogue
):
    _, japanese_page = comparison

    def rival_monthly_note():
        data = json.loads(client.get(japanese_page.url + "data.json").content)
        rows = [row for row in data["cells"] if row["product"] == "Tidewell Desk"]
        return next(row["note"] for row in rows if row["criterion"] == "月払い")

    assert rival_monthly_note() == "年間契約のみ"

    fact = catalogue["rival"].facts.get(criterion=catalogue["monthly"])
    fact.note = "Annual contract, or monthly at 20% more"
    fact.save()

    assert rival_monthly_note() == fact.note


def test_a_japanese_evidence_page_reads_a_note_in_japanese_until_it_is_corrected(
    client, comparison, catalogue
):
    """The evidence page looks its fact's words up (not in the fact's own query): the
    same rule holds, an outdated translation of a note is never shown."""
    _, japanese_page = comparison
    evidence = f"{japanese_page.url}evidence/monthly-billing--tidewell-desk/"

    assert "年間契約のみ" in soup_of(client, evidence).select_one("main").get_text()

    fact = catalogue["rival"].facts.get(criterion=catalogue["monthly"])
    fact.note = "Annual contract, or monthly at 20% more"
    fact.save()

    main = soup_of(client, evidence).select_one("main")
    assert "年間契約のみ" not in main.get_text()
    assert main.select_one('.value__note [lang="en"]').get_text() == fact.note


def test_sync_marks_a_renamed_criterion_outdated_without_replacing_its_japanese(
    client, comparison, catalogue, editors_client
):
    """An editor renames a criterion in English and syncs the translations without
    publishing them: the Japanese name stays as its translator wrote it, and the
    Japanese criteria listing marks it outdated until it is translated again."""
    phone = catalogue["phone"]
    ja = Locale.objects.get(language_code="ja")
    phone.name = "Phone and voice channel"
    phone.save()
    source = TranslationSource.objects.get_for_instance(phone)

    response = editors_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": ""},
    )

    assert response.status_code == 302
    japanese_phone = phone.get_translation(ja)
    assert japanese_phone.name == "電話チャネル"
    listing = editors_client.get(
        reverse("wagtailsnippets_comparisons_criterion:list"), {"locale": "ja"}
    )
    row = next(
        row
        for row in BeautifulSoup(listing.content, "html.parser").select("tbody tr")
        if "電話チャネル" in row.get_text()
    )
    assert "Outdated" in row.get_text()
    translation = Translation.objects.get(source=source, target_locale=ja)
    done, total = translation.get_progress()[1], translation.get_progress()[0]
    assert done < total
    _, japanese_page = comparison
    assert row_named(soup_of(client, japanese_page.url), "電話チャネル")


def test_a_translation_made_from_the_present_words_is_up_to_date(comparison, editors_client):
    listing = editors_client.get(
        reverse("wagtailsnippets_comparisons_criterion:list"), {"locale": "ja"}
    )
    rows = BeautifulSoup(listing.content, "html.parser").select("tbody tr")
    phone = next(row for row in rows if "電話チャネル" in row.get_text())

    assert "Up to date" in phone.get_text()


def test_facts_and_pages_refer_to_the_original_criterion_and_product(catalogue, ja):
    japanese_phone = catalogue["phone"].get_translation(ja)
    fact = Fact(
        product=catalogue["ours"],
        criterion=japanese_phone,
        support="yes",
        source_url="https://fernhill.example/features",
        verified_on=TODAY,
    )

    with pytest.raises(ValidationError) as error:
        fact.full_clean()

    assert "criterion" in error.value.message_dict
    page = ProductPageFactory.build(product=catalogue["ours"].get_translation_or_none(ja))
    assert page.product is None or page.product.locale == ja


def test_the_criterion_chooser_offers_originals_only(catalogue, editors_client):
    response = editors_client.get(reverse("wagtailsnippetchoosers_comparisons_criterion:choose"))

    html = response.json()["html"]
    assert "Phone channel" in html
    assert "電話チャネル" not in html


def test_a_product_page_lists_comparisons_in_its_own_language_only(
    client, comparison, catalogue, product_index
):
    english, japanese_comparison = comparison
    page = ProductPageFactory(parent=product_index, product=catalogue["ours"], slug="desk")
    japanese(product_index)
    japanese_page = japanese(page)

    english_links = {a["href"] for a in soup_of(client, page.url).select("a")}
    japanese_links = {a["href"] for a in soup_of(client, japanese_page.url).select("a")}

    assert english.url in english_links and japanese_comparison.url not in english_links
    assert japanese_comparison.url in japanese_links and english.url not in japanese_links


def test_a_japanese_product_page_reads_its_notes_in_japanese_until_one_is_corrected(
    client, catalogue, ja, product_index
):
    ours = catalogue["ours"]
    fact = ours.facts.get(criterion=catalogue["monthly"])
    fact.note = "Annual contract only"
    fact.save()
    translate_object(ours, ja, WORDS)
    page = ProductPageFactory(parent=product_index, product=ours, slug="desk")
    japanese(product_index.get_parent())
    japanese(product_index)
    japanese_page = japanese(page)

    row = soup_of(client, japanese_page.url).select_one(f"#fact-{fact.pk}")
    assert "年間契約のみ" in row.get_text()
    assert row.select_one('[lang="en"]') is None

    fact.note = "Annual contract, or monthly at 20% more"
    fact.save()

    row = soup_of(client, japanese_page.url).select_one(f"#fact-{fact.pk}")
    assert "年間契約のみ" not in row.get_text()
    assert row.select_one('.value__note [lang="en"]').get_text() == fact.note
    # The English page reads its own words all along.
    assert fact.note in soup_of(client, page.url).select_one(f"#fact-{fact.pk}").get_text()


def test_deleting_an_original_deletes_its_translations(catalogue, ja):
    rival = catalogue["rival"]
    key = rival.translation_key

    rival.delete()

    assert not Product.objects.filter(translation_key=key).exists()


def test_a_comparison_translated_in_wagtail_localize_keeps_its_products_and_plans(
    client, catalogue, comparison_index, site_settings, ja, django_capture_on_commit_callbacks
):
    """A translator translates a comparison page segment by segment: the verdicts are
    theirs to translate; the products and plans compared stay the originals."""
    japanese(comparison_index.get_parent())
    japanese(comparison_index)
    english = desk_vs_tidewell(
        comparison_index, catalogue, plan="Business", best_for="Phone-first teams."
    )

    # wagtail-localize publishes a page once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation = translate_object(
            english,
            ja,
            {
                "Fernhill Desk vs Tidewell Desk": "Fernhill Desk と Tidewell Desk",
                "Phone-first teams.": "電話中心のチーム。",
            },
        )

    translation.refresh_from_db()
    assert translation.live
    compared = translation.compared_products.get(sort_order=1)
    assert (compared.product, compared.plan) == (catalogue["rival"], "Business")
    assert compared.best_for == "電話中心のチーム。"
    assert compared.locale == ja
    soup = soup_of(client, translation.url)
    assert "電話中心のチーム。" in soup.get_text()
    assert row_named(soup, "電話チャネル")


def test_the_corrections_log_names_criteria_in_japanese_and_marks_recorded_english(
    client, comparison, catalogue
):
    """Corrections are recorded once, in the site's language: a Japanese reader gets the
    criterion's Japanese name, and the recorded values and reason marked as English."""
    _, japanese_page = comparison
    FactChangeFactory(
        product=catalogue["rival"],
        criterion=catalogue["phone"],
        old_value="No",
        new_value="Yes",
        reason="Tidewell added a phone channel in March.",
    )

    entry = soup_of(client, japanese_page.url).select_one(".corrections__list li")

    assert "電話チャネル" in entry.get_text()
    assert "Phone channel" not in entry.get_text()
    recorded = [span.get_text() for span in entry.select('[lang="en"]')]
    assert recorded == ["No", "Yes", "Tidewell added a phone channel in March."]


def test_the_api_gives_the_data_in_the_language_asked_with_the_originals_ids(client, catalogue):
    rival = catalogue["rival"]

    japanese_answer = client.get(f"/api/v2/products/{rival.pk}/", {"locale": "ja"}).json()
    english_answer = client.get(f"/api/v2/products/{rival.pk}/").json()

    assert japanese_answer["id"] == english_answer["id"] == rival.pk
    assert japanese_answer["summary"] == "電話・チャット・メールの大企業向けヘルプデスク。"
    assert english_answer["summary"] == rival.summary
    notes = {fact["note"] for fact in japanese_answer["facts"]}
    assert "年間契約のみ" in notes and "Annual contract only" not in notes
    assert client.get("/api/v2/products/", {"locale": "xx"}).status_code == 400
    listed = client.get("/api/v2/criteria/", {"locale": "ja", "limit": 50}).json()["items"]
    assert {"電話チャネル", "月払い", "Audit log retention"} <= {item["name"] for item in listed}
    assert len(listed) == Criterion.objects.in_source_language().count()


def test_the_pages_api_names_a_japanese_comparisons_criteria_in_japanese(client, comparison):
    english, japanese_page = comparison

    def criteria(page):
        answer = client.get(f"/api/v2/pages/{page.pk}/").json()
        return [item["criterion"]["name"] for item in answer["compared_criteria"]]

    assert criteria(japanese_page) == ["月払い", "電話チャネル", "Audit log retention"]
    assert criteria(english) == ["Monthly billing", "Phone channel", "Audit log retention"]


# What the review of translations found --------------------------------------------


def test_a_published_translation_refreshes_the_cached_japanese_page(
    client, comparison, catalogue, settings, django_capture_on_commit_callbacks
):
    """Pages refer to the originals, so a change to a translation must reach the pages
    that show its original, or readers keep the old words until the cache expires."""
    settings.PAGE_CACHE_SECONDS = 600
    _, japanese_page = comparison
    client.get(japanese_page.url)
    assert client.get(japanese_page.url)["X-Cache"] == "hit"
    japanese_phone = catalogue["phone"].get_translation(Locale.objects.get(language_code="ja"))

    with django_capture_on_commit_callbacks(execute=True):
        japanese_phone.name = "電話での応対"
        japanese_phone.save()

    response = client.get(japanese_page.url)
    assert response["X-Cache"] == "miss"
    assert row_named(BeautifulSoup(response.content, "html.parser"), "電話での応対")


def test_deleting_originals_in_bulk_takes_their_translations(catalogue, editors_client, ja):
    rival = catalogue["rival"]
    key = rival.translation_key
    japanese_facts = Fact.objects.filter(product__translation_key=key, locale=ja)
    assert japanese_facts.exists()

    response = editors_client.post(
        reverse("wagtail_bulk_action", args=["comparisons", "product", "delete"])
        + f"?id={rival.pk}"
    )

    assert response.status_code == 302
    assert not Product.objects.filter(translation_key=key).exists()
    assert not japanese_facts.exists()


def test_only_those_who_may_change_a_record_may_translate_it(
    catalogue, django_user_model, editors_client, ja
):
    """Moderators decide on testimonials: they neither translate products nor read the
    translations report. Editors do both."""
    moderator = user_in_group(django_user_model, "moderator", Group.objects.get(name="Moderators"))
    moderators_client = Client()
    moderators_client.force_login(moderator)
    monthly = catalogue["audit"]
    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["comparisons", "criterion", monthly.pk],
    )
    report = reverse("wagtail_localize:translations_report")

    refused = moderators_client.post(submit, {"locales": [ja.pk]})

    assert refused.status_code in (302, 403)
    assert not monthly.has_translation(ja)
    assert moderators_client.get(report).status_code in (302, 403)
    assert editors_client.post(submit, {"locales": [ja.pk]}).status_code == 302
    assert monthly.has_translation(ja)
    assert editors_client.get(report).status_code == 200


def test_the_japanese_report_form_names_criteria_in_japanese(client, comparison):
    _, japanese_page = comparison

    soup = soup_of(client, japanese_page.url + "report/")

    options = [option.get_text() for option in soup.select("#id_criterion option")]
    assert "電話チャネル" in options and "月払い" in options
    assert "Phone channel" not in options


def test_a_ranked_short_text_reads_in_japanese_and_still_ranks_by_the_original(
    client, catalogue, comparison_index, site_settings, ja
):
    hours = CriterionFactory(
        name="Vendor support hours",
        group="Vendor support",
        kind=Criterion.Kind.TEXT,
        ranked_values=["24/7", "Weekdays"],
    )
    FactFactory(product=catalogue["ours"], criterion=hours, support="", text="Weekdays")
    FactFactory(product=catalogue["rival"], criterion=hours, support="", text="24/7")
    translate_object(hours, ja, {"Vendor support hours": "サポート時間", "24/7": "24時間365日"})
    english = desk_vs_tidewell(comparison_index, catalogue, criteria=[hours])
    japanese(comparison_index.get_parent())
    japanese(comparison_index)

    row = row_named(soup_of(client, japanese(english).url), "サポート時間")

    ranking = row.select(".ranking li")
    assert [item.get_text() for item in ranking] == ["24時間365日", "Weekdays"]
    assert ranking[1].select_one('[lang="en"]') is not None
    ours, rival = row.select("td")
    assert ours.select_one('.value [lang="en"]').get_text() == "Weekdays"
    assert "24時間365日" in rival.select_one(".value").get_text()
    assert rival.select_one(".best-mark") and not ours.select_one(".best-mark")


def test_a_japanese_comparison_tells_search_engines_its_language_and_principles(
    client, comparison, site_settings
):
    _, japanese_page = comparison
    methodology = StandardPageFactory(parent=japanese_page.get_site().root_page, slug="how")
    japanese_methodology = japanese(methodology)
    site_settings.methodology_page = methodology
    site_settings.save()

    soup = soup_of(client, japanese_page.url)
    graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]

    page_node = next(node for node in graph if node["@type"] == "WebPage")
    publisher = next(node for node in graph if node["@type"] == "Organization")
    assert page_node["inLanguage"] == "ja"
    assert publisher["publishingPrinciples"].endswith(japanese_methodology.url)


# What the second review found ---------------------------------------------------------


def test_an_editor_translating_a_page_makes_a_draft_and_may_not_publish_it_by_syncing(
    comparison, catalogue, comparison_index, editors_client, ja, django_capture_on_commit_callbacks
):
    """Editors may not publish pages: "Translate this page" gives them a draft (for
    someone who may publish), and syncing with "publish" is refused to them."""
    english = desk_vs_tidewell(comparison_index, catalogue, criteria=["phone"])

    with django_capture_on_commit_callbacks(execute=True):
        response = editors_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
            {"locales": [ja.pk]},
        )

    assert response.status_code == 302
    translation = english.get_translation(ja)
    assert not translation.live
    source = TranslationSource.objects.get_for_instance(english)
    with django_capture_on_commit_callbacks(execute=True):
        refused = editors_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert refused.status_code in (302, 403)
    translation.refresh_from_db()
    assert not translation.live


def test_the_products_api_in_japanese_asks_the_same_queries_for_more_products(
    client, catalogue, ja
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v2/products/", {"locale": "ja"}).status_code == 200
        return len(captured)

    hours = CriterionFactory(kind=Criterion.Kind.TEXT, ranked_values=["24/7", "Weekdays"])

    def add_products(count):
        for _ in range(count):
            product = ProductFactory()
            FactFactory(product=product, criterion=hours, support="", text="24/7")
            FactFactory(product=product, criterion=catalogue["phone"])
            translate_object(product, ja, {})

    add_products(1)
    queries()  # the first request of a client also starts its rate-limit count
    few = queries()
    add_products(5)

    assert queries() == few


def test_a_page_is_copied_only_under_a_page_in_its_own_language(
    comparison, comparison_index, client, django_user_model
):
    english, japanese_page = comparison
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[japanese_page.pk]),
        {"new_title": "Copy", "new_slug": "copy-x", "new_parent_page": comparison_index.pk},
    )

    assert response.status_code == 302
    assert not ComparisonPage.objects.filter(slug="copy-x").exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("its own language" in message for message in messages)


def test_a_synced_translation_with_words_still_in_english_says_so(catalogue, editors_client, ja):
    rival = catalogue["rival"]
    rival.summary = "Enterprise helpdesk for phone-first teams."
    rival.save()
    source = TranslationSource.objects.get_for_instance(rival)
    source.update_from_db()
    Translation.objects.get(source=source, target_locale=ja).save_target(publish=True)

    listing = editors_client.get(
        reverse("wagtailsnippets_comparisons_product:list"), {"locale": "ja"}
    )
    row = next(
        row
        for row in BeautifulSoup(listing.content, "html.parser").select("tbody tr")
        if "Tidewell Desk" in row.get_text()
    )
    assert "Partly translated" in row.get_text()


def test_values_without_words_are_not_looked_up_in_another_language(catalogue, ja):
    """Most values are a number or a support level with no note: a page in another
    language looks up the translations of those that have words, and only theirs."""
    facts = list(Fact.objects.in_source_language().select_related("criterion").order_by("pk"))
    wordless = [fact for fact in facts if not fact.note and not fact.text]
    noted = next(fact for fact in facts if fact.note == "Annual contract only")
    assert len(wordless) == 5

    with CaptureQueriesContext(connection) as captured:
        localize(wordless, ja.pk)
    assert captured.captured_queries == []
    assert all(fact.source_word("note") == "" for fact in wordless)

    with CaptureQueriesContext(connection) as captured:
        localize([*wordless, noted], ja.pk)
    (query,) = captured.captured_queries
    assert str(noted.translation_key.hex) in query["sql"]
    assert str(wordless[0].translation_key.hex) not in query["sql"]
    assert noted.note == "年間契約のみ"
