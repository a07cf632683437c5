"""Site search in Japanese: words without spaces, katakana, kanji compounds, and full-width
and half-width forms alike, on SQLite and on PostgreSQL; never anything unpublished,
unapproved or private."""

from django.core.management import call_command

from wagtail.models import Locale, Page, PageViewRestriction

import pytest

from home.search_text import index_text, query_text
from tests.comparisons.factories import CriterionFactory, ProductFactory
from tests.home.factories import StandardPageFactory
from tests.home.test_admin_search import search_as_keeper
from tests.test_search import result_text, result_titles, search
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

AUDIT_PAGE = "電話チャネルの監査ログ"


@pytest.fixture
def japanese_home(home_page):
    locale, _ = Locale.objects.get_or_create(language_code="ja")
    page = home_page.copy_for_translation(locale)
    page.save_revision().publish()
    return page


def japanese_page(home_page, title, intro, live=True):
    """A page in Japanese: the translation of an English page, as editors make them."""
    english = StandardPageFactory(parent=home_page, title="Sea kelp", intro="Sea kelp.")
    page = english.copy_for_translation(Locale.objects.get(language_code="ja"))
    page.title = title
    page.intro = intro
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


@pytest.fixture
def audit_page(home_page, japanese_home):
    japanese_page(home_page, "メール窓口", "受付は平日のみです。")
    return japanese_page(
        home_page,
        AUDIT_PAGE,
        "ヘルプデスクのサポートはSSOに対応し、料金は２０２６年から税込みです。",
    )


@pytest.mark.parametrize(
    "query",
    [
        "電話",  # a word inside a sentence
        "電話チャネル",  # a kanji and katakana compound
        "監査ログ",
        "ヘルプデスク",  # katakana
        "ｻﾎﾟｰﾄ",  # half-width katakana finds full-width
        "ＳＳＯ",  # full-width Latin finds half-width
        "sso",
        "2026",  # half-width digits find full-width
        "税",  # one character
        "監査ログ ヘルプデスク",  # two words, both on the page
    ],
)
def test_a_japanese_word_finds_the_page_that_holds_it(client, site_settings, audit_page, query):
    assert result_titles(search(client, query, url="/ja/search/")) == [AUDIT_PAGE]


@pytest.mark.parametrize("query", ["電話窓口", "監査メール", "ログ監査", "電話 平日"])
def test_a_word_that_is_not_on_the_page_finds_nothing(client, site_settings, audit_page, query):
    html = search(client, query, url="/ja/search/")

    assert html.select(".search-result") == []


def test_a_japanese_draft_or_private_page_is_never_found(
    client, site_settings, home_page, japanese_home
):
    japanese_page(home_page, "電話の下書き", "電話について。", live=False)
    private = japanese_page(home_page, "電話の社内資料", "電話について。")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    japanese_page(home_page, "電話サポート", "電話について。")

    assert result_titles(search(client, "電話", url="/ja/search/")) == ["電話サポート"]


@pytest.mark.parametrize("query", ["電話", "ｻﾎﾟｰﾄ", "SSO", "ＳＳＯ", "２日", "2日"])
def test_an_approved_testimonial_is_found_by_its_japanese_words(
    client, site_settings, japanese_home, our_product, wall_page, query
):
    TestimonialFactory(
        product=our_product,
        approved=True,
        quote="電話サポートの返事が早く、ＳＳＯの設定も２日で終わりました。",
    )
    TestimonialFactory(product=our_product, quote="電話サポートは未承認の意見です。")

    text = result_text(search(client, query, url="/ja/search/"))

    assert "ＳＳＯの設定も２日で終わりました" in text
    assert "未承認" not in text


@pytest.mark.parametrize("query", ["監査ログ", "ｻﾎﾟｰﾄ"])
def test_the_api_finds_japanese_pages_by_their_words(client, site_settings, audit_page, query):
    response = client.get("/api/v2/pages/", {"search": query})

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == [AUDIT_PAGE]


def test_update_index_rebuilds_japanese_words(client, site_settings, audit_page):
    call_command("update_index", verbosity=0)

    assert result_titles(search(client, "監査ログ", url="/ja/search/")) == [AUDIT_PAGE]


def test_english_words_are_indexed_as_they_are():
    assert index_text("Shared inbox for kelp farming").split() == [
        "Shared",
        "inbox",
        "for",
        "kelp",
        "farming",
    ]


def test_japanese_is_indexed_as_characters_and_pairs_of_characters():
    assert index_text("「監査ログ」をSSOで").split() == (
        ["監", "査", "ロ", "グ", "監査", "査ロ", "ログ", "を", "SSO", "で"]
    )
    assert query_text("監査ログ").split() == ["監査", "査ロ", "ログ"]
    assert query_text("ｻﾎﾟｰﾄ").split() == ["サポ", "ポー", "ート"]


@pytest.mark.parametrize("query", ["「」", "、", "・"])
def test_japanese_punctuation_alone_finds_nothing(site_settings, audit_page, query):
    """Editors' searches in the admin reach the backend without plain_words."""
    assert list(Page.objects.search(query)) == []
    assert list(Page.objects.autocomplete(query)) == []


# Admin listings, searched as the group that keeps them: (model, found, not found, typed)
ADMIN_SEARCHES = [
    (
        "testimonials.Testimonial",
        lambda: TestimonialFactory(quote="導入は週末で終わりました。"),
        lambda: TestimonialFactory(quote="導入に一か月かかりました。"),
        "週末",
    ),
    (
        "comparisons.Criterion",
        lambda: CriterionFactory(name="監査ログ"),
        lambda: CriterionFactory(name="監査証跡"),
        "監査ロ",  # as typed so far
    ),
    (
        "comparisons.Product",
        lambda: ProductFactory(name="ヘルプデスク"),
        lambda: ProductFactory(name="ヘルプセンター"),
        "ﾍﾙﾌﾟﾃﾞｽｸ",
    ),
]


@pytest.mark.parametrize(
    ("label", "make_found", "make_other", "typed"),
    ADMIN_SEARCHES,
    ids=[search[0] for search in ADMIN_SEARCHES],
)
def test_editors_find_records_by_japanese_words_in_the_admin(
    client, django_user_model, label, make_found, make_other, typed
):
    found, _other = make_found(), make_other()

    response = search_as_keeper(client, django_user_model, label, found, typed)

    assert response.status_code == 200
    assert [str(row) for row in response.context["object_list"]] == [str(found)]
