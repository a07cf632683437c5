"""Japan's stealth-marketing rules (ステマ規制, 2023) ask for a clear "PR" mark, with its
reason, next to every testimonial for which something was given or whose author is
not simply a customer. On every Japanese page that quotes one (the wall, a single
testimonial, the widget, a product page, a case study), the mark and the reason stand
before the quote; an undisclosed testimonial carries neither. Dates read 2026年11月26日."""

import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format

import pytest
from bs4 import BeautifulSoup

from testimonials.models import CaseStudyQuote, Testimonial
from tests.comparisons.factories import ProductIndexPageFactory, ProductPageFactory
from tests.home.translations import japanese
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = pytest.mark.django_db

GIFT = "ギフト券をもらいましたが、正直に書きました。"
PARTNER = "導入支援をしている立場から見ても使いやすいです。"
PLAIN = "特に何ももらっていません。使いやすいです。"
REASONS = {
    GIFT: "贈り物を受け取ってのレビューです(3,000円分のギフト券)",
    PARTNER: "当社パートナーによる投稿です",
}


@pytest.fixture
def quoted(our_product):
    """A testimonial given for a gift, one by a partner and one with nothing to disclose."""
    gift = TestimonialFactory(
        approved=True,
        product=our_product,
        language="ja",
        quote=GIFT,
        incentive=Testimonial.Incentive.GIFT,
        incentive_detail="3,000円分のギフト券",
    )
    partner = TestimonialFactory(
        approved=True,
        product=our_product,
        language="ja",
        quote=PARTNER,
        relationship=Testimonial.Relationship.PARTNER,
    )
    plain = TestimonialFactory(approved=True, product=our_product, language="ja", quote=PLAIN)
    return gift, partner, plain


@pytest.fixture
def japanese_home(home_page, wall_page):
    japanese(home_page)
    return japanese(wall_page)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "ja"
    return soup


def assert_disclosed(soup, quotes):
    """Each of ``quotes`` shown carries "PR" and its reason before its words; the plain
    one carries nothing."""
    figures = {
        figure.select_one("blockquote").get_text(strip=True): figure
        for figure in soup.select("figure.testimonial")
    }
    assert set(quotes) <= set(figures)
    for quote in quotes:
        figure = figures[quote]
        disclosure = figure.select_one(".testimonial__disclosure")
        if quote in REASONS:
            assert disclosure.select_one(".label--pr").get_text() == "PR"
            assert disclosure.get_text(" ", strip=True) == f"PR {REASONS[quote]}"
            assert str(figure).index("label--pr") < str(figure).index("<blockquote")
        else:
            assert disclosure is None
            assert "PR" not in figure.get_text()


def test_the_japanese_wall(client, japanese_home, quoted):
    assert_disclosed(soup_of(client, japanese_home.url), [GIFT, PARTNER, PLAIN])


def test_a_single_testimonial_on_the_japanese_wall(client, japanese_home, quoted):
    gift, partner, plain = quoted

    for testimonial in quoted:
        soup = soup_of(client, f"{japanese_home.url}{testimonial.pk}/")
        assert_disclosed(soup, [testimonial.quote])


def test_the_japanese_widget(client, japanese_home, quoted, our_product):
    soup = soup_of(client, f"/ja/embed/testimonials/?product={our_product.pk}")

    assert_disclosed(soup, [GIFT, PARTNER, PLAIN])


def test_the_japanese_product_page(client, home_page, japanese_home, quoted, our_product):
    index = ProductIndexPageFactory(parent=home_page)
    page = ProductPageFactory(parent=index, product=our_product)
    japanese(index)

    soup = soup_of(client, japanese(page).url)

    assert_disclosed(soup, [GIFT, PARTNER, PLAIN])


def test_a_japanese_case_study(client, japanese_home, case_study_index, quoted):
    case_study = CaseStudyPageFactory(parent=case_study_index)
    for order, testimonial in enumerate(quoted):
        CaseStudyQuote.objects.create(page=case_study, testimonial=testimonial, sort_order=order)
    case_study.save_revision().publish()
    japanese(case_study_index)

    soup = soup_of(client, japanese(case_study).url)

    assert_disclosed(soup, [GIFT, PARTNER, PLAIN])


def test_dates_on_japanese_testimonial_pages_read_year_month_day(
    client, japanese_home, our_product
):
    testimonial = TestimonialFactory(
        approved=True,
        product=our_product,
        language="ja",
        submitted_at=timezone.now() - datetime.timedelta(days=10),
        edited_by_author_at=timezone.now(),
    )

    for url in (japanese_home.url, f"{japanese_home.url}{testimonial.pk}/"):
        meta = soup_of(client, url).select_one(".testimonial__meta").get_text(" ", strip=True)
        assert "2026年11月16日" in meta
        assert "2026年11月26日" in meta


def test_the_site_writes_japanese_dates_year_month_day():
    day = datetime.date(2026, 11, 16)

    with translation.override("ja"):
        assert date_format(day, "DATE_FORMAT") == "2026年11月16日"
        assert date_format(day, "SHORT_DATE_FORMAT") == "2026/11/16"
