"""Readers meet testimonials in their own language first, then the others, each of
those marked with its language (a label, and lang="…" on the quote so screen readers
switch voice), on the wall, a product page and the widget. Ratings count every
language, and the wall's pages still list each testimonial once."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from testimonials.models import CaseStudyQuote
from tests.comparisons.factories import ProductPageFactory
from tests.home.test_structured_data import graph_of, only
from tests.home.translations import japanese
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = pytest.mark.django_db

ENGLISH = ["Setup took an afternoon.", "Reports are thin, but the inbox is great."]
JAPANESE = ["設定は半日で終わりました。", "レポート機能は物足りないですが、受信箱は便利です。"]


def minutes_ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes)


@pytest.fixture
def mixed(our_product):
    """Two English testimonials, then two newer Japanese ones (5 and 2 stars)."""
    english = [
        TestimonialFactory(
            approved=True,
            product=our_product,
            quote=quote,
            rating=4,
            submitted_at=minutes_ago(60 + n),
        )
        for n, quote in enumerate(ENGLISH)
    ]
    japanese_ones = [
        TestimonialFactory(
            approved=True,
            product=our_product,
            quote=quote,
            language="ja",
            rating=rating,
            submitted_at=minutes_ago(10 + n),
        )
        for n, (quote, rating) in enumerate(zip(JAPANESE, (5, 2), strict=True))
    ]
    return english, japanese_ones


@pytest.fixture
def japanese_wall(home_page, wall_page):
    japanese(home_page)
    return japanese(wall_page)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def quotes(soup):
    """(words, lang of the quote, language label or None) of each card, in order."""
    found = []
    for figure in soup.select("figure.testimonial"):
        quote = figure.select_one("blockquote")
        label = figure.select_one(".label--language")
        found.append(
            (quote.get_text(strip=True), quote["lang"], label.get_text() if label else None)
        )
    return found


def test_the_english_wall_shows_english_first_and_marks_japanese(client, wall_page, mixed):
    soup = soup_of(client, wall_page.url)

    assert quotes(soup) == [
        (ENGLISH[0], "en", None),
        (ENGLISH[1], "en", None),
        (JAPANESE[0], "ja", "Japanese"),
        (JAPANESE[1], "ja", "Japanese"),
    ]
    assert soup.select_one("main p.note").get_text(strip=True) == "4 testimonials"
    assert (
        "Those written in English come first, then those in other languages, each marked "
        "with its language." in soup.select_one(".wall-order").get_text(" ", strip=True)
    )


def test_the_japanese_wall_shows_japanese_first_and_marks_english(client, japanese_wall, mixed):
    soup = soup_of(client, japanese_wall.url)

    assert quotes(soup) == [
        (JAPANESE[0], "ja", None),
        (JAPANESE[1], "ja", None),
        (ENGLISH[0], "en", "英語"),
        (ENGLISH[1], "en", "英語"),
    ]
    assert "日本語で書かれた声を先に" in soup.select_one(".wall-order").get_text()


@pytest.mark.parametrize("wall", ["wall_page", "japanese_wall"])
def test_the_author_is_named_in_the_language_of_the_quote(client, request, wall, mixed):
    """An English author's role ("Support lead") on a Japanese page is marked as English,
    so a screen reader says it in an English voice; no mark where the page's language
    is the quote's."""
    roles = {"en": "Support lead", "ja": "サポート責任者"}
    english, japanese_ones = mixed
    for testimonial in [*english, *japanese_ones]:
        testimonial.author_role = roles[testimonial.language]
        testimonial.save()
    page_language = "ja" if wall == "japanese_wall" else "en"

    soup = soup_of(client, request.getfixturevalue(wall).url)

    for figure in soup.select("figure.testimonial"):
        language = figure.select_one("blockquote")["lang"]
        author = figure.select_one(".testimonial__by")
        assert roles[language] in author.get_text()
        assert author.get("lang") == (None if language == page_language else language)


def test_critical_first_puts_the_lowest_rating_first_whatever_its_language(
    client, japanese_wall, mixed, our_product
):
    """A reader who asks for the bad news first gets it first; of one rating, the
    reader's language comes first."""
    TestimonialFactory(
        approved=True, product=our_product, quote="Too slow for us.", rating=2, language="en"
    )
    soup = soup_of(client, f"{japanese_wall.url}?order=critical")

    assert [words for words, _, _ in quotes(soup)] == [
        JAPANESE[1],
        "Too slow for us.",
        *ENGLISH,
        JAPANESE[0],
    ]
    assert "評価が同じなら" in soup.select_one(".wall-order").get_text()


def test_each_testimonial_is_on_exactly_one_page_of_the_wall(client, wall_page, our_product):
    TestimonialFactory.create_batch(15, approved=True, product=our_product, language="ja")
    TestimonialFactory.create_batch(
        10, approved=True, product=our_product, submitted_at=minutes_ago(600)
    )

    first_page = soup_of(client, wall_page.url)
    first = quotes(first_page)
    second = quotes(soup_of(client, wall_page.url + first_page.select_one("a[rel=next]")["href"]))

    assert [lang for _, lang, _ in first] == ["en"] * 10 + ["ja"] * 10
    assert [lang for _, lang, _ in second] == ["ja"] * 5
    assert len({words for words, _, _ in first + second}) == 25


def test_a_product_page_shows_the_reader_language_first_and_counts_every_rating(
    client, product_index, wall_page, our_product, mixed
):
    page = ProductPageFactory(parent=product_index, product=our_product)
    # Newer than the English ones, and enough to fill the page's list on their own.
    TestimonialFactory.create_batch(
        6, approved=True, product=our_product, language="ja", rating=3, quote="便利です。"
    )

    soup = soup_of(client, page.url)

    shown = quotes(soup.select_one(".customers-say"))
    assert [words for words, _, _ in shown[:2]] == ENGLISH
    assert all(label == "Japanese" for _, lang, label in shown[2:] if lang == "ja")
    # 2 English and 8 Japanese ratings: every language counts.
    summary = soup.select_one(".rating-summary__average").get_text(" ", strip=True)
    assert "10 ratings" in summary
    reviews = only(graph_of(soup), "SoftwareApplication")["review"]
    assert [review["inLanguage"] for review in reviews[:3]] == ["en", "en", "ja"]


def test_the_widget_shows_the_reader_language_first_in_each_language(
    client, japanese_wall, our_product, mixed
):
    english = soup_of(client, f"/embed/testimonials/?product={our_product.pk}")
    japanese_widget = soup_of(client, f"/ja/embed/testimonials/?product={our_product.pk}")

    assert [lang for _, lang, _ in quotes(english)] == ["en", "en", "ja", "ja"]
    assert [label for _, _, label in quotes(english)][2:] == ["Japanese", "Japanese"]
    assert [lang for _, lang, _ in quotes(japanese_widget)] == ["ja", "ja", "en", "en"]
    assert "4 " in english.select_one(".widget__more a").get_text()


def test_case_study_quotes_keep_their_order_and_carry_their_language(
    client, case_study_index, wall_page, mixed
):
    english, japanese_ones = mixed
    case_study = CaseStudyPageFactory(parent=case_study_index)
    for order, testimonial in enumerate([japanese_ones[0], english[0]]):
        CaseStudyQuote.objects.create(page=case_study, testimonial=testimonial, sort_order=order)

    soup = soup_of(client, case_study.url)

    assert quotes(soup) == [(JAPANESE[0], "ja", "Japanese"), (ENGLISH[0], "en", None)]


def test_the_full_testimonial_carries_its_language(client, japanese_wall, mixed):
    english, _ = mixed

    soup = soup_of(client, f"{japanese_wall.url}{english[0].pk}/")

    assert quotes(soup) == [(ENGLISH[0], "en", "英語")]
