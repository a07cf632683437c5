"""Under /ja/ the whole interface speaks Japanese: headings, labels, captions, form
fields and their errors, dates, e-mails to the advocate and the "PR" mark that Japan's
stealth-marketing rule asks for next to an incentivised or insider testimonial."""

import datetime
import re
from urllib.parse import urlencode, urlparse

from django.core import mail
from django.utils import timezone

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from comparisons.inaccuracy_reports import InaccuracyReportForm
from comparisons.models import ComparisonPage, Fact, Product, ProductPage
from comparisons.table import ALL_PLANS
from testimonials.forms import TestimonialSubmissionForm
from testimonials.models import (
    DemoRequestPage,
    DemoRequestSubmission,
    NpsInvitation,
    NpsSurveyPage,
    Testimonial,
    TestimonialSubmissionPage,
    TestimonialWallPage,
)
from tests.comparisons.factories import CriterionFactory
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.test_referrals import demo_form

COMPARISON_SLUG = "fernhill-desk-vs-tidewell-desk-vs-quillory"


@pytest.fixture
def ja(demo_site):
    return Locale.objects.get(language_code="ja")


@pytest.fixture
def en(demo_site):
    return Locale.objects.get(language_code="en")


def page_in(model, locale, **filters):
    return model.objects.get(locale=locale, **filters)


@pytest.fixture
def japanese_wall(ja):
    """The demo's Japanese testimonial wall."""
    return page_in(TestimonialWallPage, ja)


@pytest.fixture
def japanese_form(ja):
    """The demo's Japanese submission form."""
    return page_in(TestimonialSubmissionPage, ja)


def soup_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return element.get_text(" ", strip=True)


def assert_japanese_page(soup):
    assert soup.html["lang"] == "ja"
    assert soup.select_one(".skip-link").get_text() == "本文へスキップ"
    assert soup.select_one(".site-search button").get_text() == "検索"


# Product page ------------------------------------------------------------------------


def test_the_japanese_product_page(client, ja):
    page = page_in(ProductPage, ja, slug="fernhill-desk")

    soup = soup_of(client, page.url)

    assert_japanese_page(soup)
    headings = [heading.get_text(strip=True) for heading in soup.select("main h2")]
    for heading in ("料金", "得意なこと", "弱点", "おすすめの方", "おすすめできない方", "値と出典"):
        assert heading in headings
    assert "最終確認日" in text_of(soup.select_one(".byline"))
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text_of(soup.select_one(".byline")))
    summary = text_of(soup.select_one(".rating-summary__average"))
    assert re.fullmatch(r"低い評価も含めた \d+ 件の評価の平均は 5点中[\d.]+点 です。", summary)
    assert soup.select_one(".distribution caption").get_text() == "掲載中のすべての評価(星の数別)"
    assert text_of(soup.select_one(".moderation-record h3")) == "当社の審査記録"
    evidence = soup.select_one("table.facts .evidence")
    assert evidence.select_one("a").find(string=True, recursive=False) == "出典"
    assert "、確認日" in text_of(evidence)
    # Short dates follow Japanese conventions too: 2026/05/01.
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", evidence.select_one("time").get_text())


def test_values_readers_see_from_python_are_japanese(client, ja):
    page = page_in(ProductPage, ja, slug="fernhill-desk")
    Fact.objects.create(
        product=page.product,
        criterion=CriterionFactory(name="Callback requests", group="Channels"),
        plan=ALL_PLANS,
        support=Fact.Support.PARTIAL,
        availability=Fact.Availability.PAID_ADDON,
        source_url="https://fernhill.example/docs/callbacks",
        verified_on=timezone.localdate(),
    )

    soup = soup_of(client, page.url)
    row = next(
        row for row in soup.select("table.facts tbody tr") if "Callback requests" in row.get_text()
    )
    value, plan, _ = row.select("td")

    assert value.select_one(".value").get_text() == "◐ 一部対応"
    # The plan column tells the plan's story, availability included.
    assert plan.select_one(".tag").get_text() == "有料オプション"
    assert plan.get_text(" ", strip=True) == "すべてのプラン 有料オプション"
    values = {value.get_text() for value in soup.select("table.facts .value")}
    assert not values & {"✓ Yes", "◐ Partial", "✗ No"}


# Comparison page ---------------------------------------------------------------------


def test_the_japanese_comparison_page(client, ja):
    page = page_in(ComparisonPage, ja, slug=COMPARISON_SLUG)
    table = page.build_table(180)

    soup = soup_of(client, page.url)

    assert_japanese_page(soup)
    caption = soup.select_one("#comparison-caption")
    assert text_of(caption).startswith(
        f"{page.title}:{len(table.columns)}製品を{len(table.rows)}項目で比較しています。"
    )
    assert "その行で最も優れた値を示します" in text_of(caption)
    assert soup.select_one(".comparison__criterion-head").get_text() == "比較項目"
    disclosure = text_of(soup.select_one("main .disclosure"))
    assert "この比較は、Fernhill Desk を開発する Fernhill Labs が公開しています。" in disclosure
    assert "当社は、ここで比較している製品のうち1つを開発しています。" in disclosure
    assert soup.select_one("main .disclosure")["aria-label"] == "この比較の発行元"
    links = {a.get_text(strip=True): a["href"] for a in soup.select("main .disclosure a")}
    assert links["誤りを報告する"] == page.url + "report/"
    assert links["比較の方法"].startswith("/ja/")
    assert text_of(soup.select_one("#summary-heading")) == "概要:各製品が優れている点"
    assert text_of(soup.select_one("#table-heading")) == "比較表"
    assert soup.select_one("label[for=differences]").get_text() == "違いのある行だけを表示"
    assert soup.select(".evidence a")[0].find(string=True, recursive=False) == "出典"
    byline = soup.select_one(".page-header .byline")
    assert text_of(byline).startswith(f"執筆:{page.author_name} · 最終確認日:")
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", byline.select_one("time").get_text())
    assert text_of(soup.select_one("#corrections-heading")) == "訂正"


def test_the_differences_status_is_japanese_for_the_script_too(client, ja):
    page = page_in(ComparisonPage, ja, slug=COMPARISON_SLUG)
    table = page.build_table(180)

    soup = soup_of(client, page.url + "?differences=1")
    form = soup.select_one("form.differences-form")

    assert form["data-status-some"] == (
        "全{total}行のうち、製品間で違いのある{shown}行を表示しています。"
    )
    assert form["data-status-all"] == "全{total}行を表示しています。"
    assert text_of(form.select_one(".differences-form__status")) == (
        f"全{len(table.rows)}行のうち、製品間で違いのある{table.differing_row_count}行を"
        "表示しています。"
    )


def test_the_english_comparison_keeps_its_english_status_sentences(client, en):
    page = page_in(ComparisonPage, en, slug=COMPARISON_SLUG)

    form = soup_of(client, page.url).select_one("form.differences-form")

    assert form["data-status-some"] == "Showing the {shown} of {total} rows where products differ."
    assert form["data-status-all"] == "Showing all {total} rows."


def test_the_japanese_report_form(client, ja):
    page = page_in(ComparisonPage, ja, slug=COMPARISON_SLUG)

    soup = soup_of(client, page.url + "report/")

    assert_japanese_page(soup)
    assert soup.h1.get_text() == "誤りを報告する"
    label = soup.select_one("label[for=id_claimed_value]")
    assert label.find(string=True).strip() == "正しいと思われる値"
    options = [option.get_text() for option in soup.select("#id_product option")]
    assert options[0] == "製品を選んでください"
    assert "Fernhill Desk (Team)" in options


def test_a_report_sent_in_japanese_is_thanked_in_japanese_and_mailed_to_editors_in_english(
    client, ja, no_report_delay, django_capture_on_commit_callbacks
):
    page = page_in(ComparisonPage, ja, slug=COMPARISON_SLUG)
    rival = Product.objects.in_source_language().get(name="Tidewell Desk")
    row = next(row for row in page.build_table(180).rows if row.criterion.kind == "number")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page.url + "report/",
            {
                "product": rival.pk,
                "criterion": row.criterion.pk,
                "claimed_value": "730 days",
                "evidence_url": "https://tidewell.example/changelog",
                "website": "",
                "rendered_at": InaccuracyReportForm.time_token(),
            },
        )

    assert response.status_code == 302
    thanks = soup_of(client, response["Location"])
    assert thanks.h1.get_text() == "ありがとうございました"
    (editors,) = mail.outbox
    assert editors.subject == f"Inaccuracy reported: Tidewell Desk, {row.criterion.name}"
    assert editors.body.startswith("Someone reports that a value on a comparison is wrong")


# Testimonials ------------------------------------------------------------------------


@pytest.fixture
def disclosed(ja):
    """An incentivised and an employee's testimonial, both approved and the newest."""
    product = Product.objects.in_source_language().get(name="Fernhill Desk")
    discount = TestimonialFactory(
        approved=True,
        product=product,
        quote="Switching took one afternoon.",
        incentive=Testimonial.Incentive.DISCOUNT,
        incentive_detail="20% off",
        submitted_at=timezone.now() - datetime.timedelta(minutes=2),
    )
    employee = TestimonialFactory(
        approved=True,
        product=product,
        quote="I use it every day on our own support team.",
        relationship=Testimonial.Relationship.EMPLOYEE,
        submitted_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    return discount, employee


def figure_with(soup, quote):
    return next(
        figure for figure in soup.select("figure.testimonial") if quote in figure.get_text()
    )


def test_the_pr_mark_and_its_reason_stand_next_to_the_quote(client, japanese_wall, disclosed):
    discount, employee = disclosed
    wall = japanese_wall

    soup = soup_of(client, wall.url)

    assert_japanese_page(soup)
    for testimonial, reason in (
        (discount, "割引を受けてのレビューです(20% off)"),
        (employee, "当社社員による投稿です"),
    ):
        figure = figure_with(soup, testimonial.quote)
        disclosure = figure.select_one(".testimonial__disclosure")
        assert disclosure.select_one(".label--pr").get_text() == "PR"
        assert text_of(disclosure) == f"PR {reason}"
        # Before the quote, where a reader cannot miss it.
        assert str(figure).index("label--pr") < str(figure).index("<blockquote")


def test_testimonials_read_in_japanese_with_japanese_dates(client, japanese_wall, disclosed):
    discount, employee = disclosed
    wall = japanese_wall

    soup = soup_of(client, wall.url)
    figure = figure_with(soup, discount.quote)
    day = timezone.localdate(discount.submitted_at)

    assert text_of(figure.select_one(".testimonial__meta")) == (
        f"Fernhill Desk について · {day.year}年{day.month}月{day.day}日"
    )
    assert figure.select_one(".rating__text").get_text() == "評価:5点中4点"
    assert figure.select_one(".label--unverified").get_text() == "未確認"
    assert re.fullmatch(r"お客様の声 \d+ 件", text_of(soup.select_one("main p.note")))
    filters = {label.get_text() for label in soup.select(".filters label")}
    assert filters == {"製品", "評価", "タグ", "並び順"}
    assert soup.select_one("#id_product option").get_text() == "すべての製品"
    ratings = [option.get_text() for option in soup.select("#id_rating option")]
    # Any rating, 3 stars and below, then each rating from 5 down.
    assert [ratings[0], ratings[2]] == ["すべての評価", "5点中5点"]


def test_the_english_wall_keeps_its_english_labels(client, en, disclosed):
    discount, employee = disclosed
    wall = page_in(TestimonialWallPage, en)

    soup = soup_of(client, wall.url)

    assert soup.html["lang"] == "en"
    disclosure = figure_with(soup, employee.quote).select_one(".testimonial__disclosure")
    assert text_of(disclosure) == "Disclosure Employee"
    day = timezone.localdate(discount.submitted_at)
    assert f"{day.day} {day:%B} {day.year}" in figure_with(soup, discount.quote).get_text()


# The submission form -----------------------------------------------------------------


def valid_form(**overrides):
    data = {
        "product": Product.objects.in_source_language().get(name="Fernhill Desk").pk,
        "quote": "問い合わせ対応がとても楽になりました。",
        "rating": "4",
        "author_name": "山田 花子",
        "email": "hanako@example.jp",
        "relationship": "customer",
        "incentive": "none",
        "consent_publish": "on",
        "consent_name": "on",
        "website": "",
        "rendered_at": TestimonialSubmissionForm.time_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_japanese_submission_form(client, japanese_form):
    page = japanese_form

    soup = soup_of(client, page.url)

    assert_japanese_page(soup)
    labels = [text_of(label) for label in soup.select(".submission-form label, legend")]
    for label in (
        "お客様の声",
        "ご感想(ご自身の言葉で) (必須)",
        "お名前 (必須)",
        "メールアドレス (必須)",
        "当社とのご関係 (必須)",
        "当社の社員",
        "当社とのご関係・謝礼の開示",
        "投稿した言葉と評価がこのサイトに掲載されることに同意します。",
        "5点中2点",
        "評価しない",
    ):
        assert label in labels, label
    assert (
        soup.select_one("#id_email_helptext").get_text().startswith("公開されることはありません。")
    )
    assert soup.select_one(".submission-form button").get_text() == "送信する"


def test_errors_on_the_japanese_form_are_japanese(client, japanese_form, no_typing_delay):
    page = japanese_form

    response = client.post(
        page.url, valid_form(quote=" ", author_name=None, incentive="discount", email="x@")
    )
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 400
    assert soup.html["lang"] == "ja"
    assert (
        text_of(soup.select_one(".form-errors h2"))
        == "まだ送信されていません。次の点をご確認ください"
    )
    errors = [item.get_text() for item in soup.select(".form-errors li")]
    assert "ご感想(ご自身の言葉で):ご感想をお聞かせください。この欄が空欄です。" in errors
    assert "受け取った場合、その内容:受け取ったものを記入してください。" in errors
    # Django's own messages come in Japanese too.
    assert "お名前:この項目は必須です" in errors
    assert not Testimonial.objects.filter(email="x@").exists()


def test_the_advocate_hears_back_in_japanese_and_editors_in_english(
    client, japanese_form, no_typing_delay, django_capture_on_commit_callbacks
):
    page = japanese_form

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, valid_form())

    assert response.status_code == 302
    stored = Testimonial.objects.get(email="hanako@example.jp")
    assert (stored.status, stored.live) == (Testimonial.Status.PENDING, False)
    thanks = soup_of(client, response["Location"])
    assert response["Location"] == page.url + "thanks/"
    assert_japanese_page(thanks)
    assert thanks.h1.get_text() == "ありがとうございました"
    assert "2営業日以内に編集者がすべて読みます" in text_of(thanks.main)
    advocate, editors = mail.outbox
    assert advocate.subject == "お客様の声を受け付けました。ありがとうございます"
    assert advocate.body.startswith("こんにちは。"), "a greeting without the name they typed"
    assert "Fernhill Desk についてのご感想をお寄せいただき、ありがとうございます。" in advocate.body
    assert editors.subject.startswith("New testimonial to moderate")
    assert "Relationship: Customer" in editors.body

    link = next(line for line in advocate.body.splitlines() if "/withdraw/" in line)
    path = urlparse(link.strip()).path
    assert path.startswith("/ja/testimonials/withdraw/")
    confirm = BeautifulSoup(client.get(path).content, "html.parser")
    assert confirm.html["lang"] == "ja"
    assert confirm.h1.get_text() == "お客様の声の変更・取り下げ"
    assert confirm.select_one("main form button").get_text() == "取り下げる"


# The demo request form ---------------------------------------------------------------


def test_a_demo_request_sent_in_japanese_is_stored_under_the_same_names(
    client, ja, no_demo_request_delay, django_capture_on_commit_callbacks
):
    page = page_in(DemoRequestPage, ja)
    soup = soup_of(client, page.url)
    labels = [text_of(label) for label in soup.select("main form label")]
    assert "お名前 (必須)" in labels and "ご覧になりたい内容" in labels

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page.url,
            demo_form(your_name="山田 太郎", work_e_mail="taro@example.jp", company="山田商店"),
        )

    assert response["Location"] == page.url + "thanks/"
    stored = DemoRequestSubmission.objects.get(page=page)
    assert stored.get_data()["your_name"] == "山田 太郎"
    thanks = soup_of(client, response["Location"])
    assert_japanese_page(thanks)
    assert "1営業日以内に担当者から" in text_of(thanks.main)


def test_errors_on_the_japanese_demo_request_form_are_japanese(client, ja, no_demo_request_delay):
    page = page_in(DemoRequestPage, ja)

    response = client.post(page.url, demo_form(your_name="", work_e_mail="taro@"))
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 400
    errors = text_of(soup.select_one("main form"))
    assert "この項目は必須です" in errors
    assert "有効なメールアドレスを入力してください" in errors
    assert not DemoRequestSubmission.objects.filter(page=page).exists()


def test_the_japanese_survey_asks_in_japanese_and_invites_to_the_japanese_form(client, ja):
    survey = page_in(NpsSurveyPage, ja)
    invitation = NpsInvitation.objects.create(survey=survey, email="hanako@example.jp")
    url = f"{survey.url}{invitation.token}/"

    question = soup_of(client, url)
    response = client.post(url, {"score": "8", "comment": "返信が早くて助かります。"})

    assert_japanese_page(question)
    assert "当社を友人や同僚に勧める可能性はどのくらいありますか?" in text_of(question.main)
    assert response["Location"] == f"{survey.url}{invitation.token}/thanks/"
    thanks = soup_of(client, response["Location"])
    assert "ご回答ありがとうございました。" in text_of(thanks.main)
    share = thanks.select_one(".share-invitation a")
    # The Japanese form, through the link that records the answer as After NPS.
    assert share["href"].startswith(page_in(TestimonialSubmissionPage, ja).url + "after-nps/")


# Search and the language switcher ----------------------------------------------------


def test_the_japanese_search_page(client, ja):
    soup = soup_of(client, "/ja/search/?q=Fernhill")

    assert_japanese_page(soup)
    assert soup.h1.get_text() == "検索"
    assert soup.select_one("label[for=search-query]").get_text() == "検索する語句"
    assert re.fullmatch(r"「Fernhill」の検索結果:\d+ 件", text_of(soup.select_one("p.note")))
    kinds = {label.get_text(strip=True) for label in soup.select(".search-result__type")}
    assert {"製品", "比較", "お客様の声"} <= kinds


@pytest.mark.parametrize("words", ["電話", "監査ログ", "ｻﾎﾟｰﾄ"])
def test_the_japanese_search_finds_the_words_of_the_japanese_pages(client, ja, words):
    """Japanese has no spaces between words; the search finds them inside sentences."""
    soup = soup_of(client, f"/ja/search/?{urlencode({'q': words})}")

    assert "Fernhill Desk" in [text_of(title) for title in soup.select(".search-result h2")]


def test_the_language_switcher_leads_to_the_page_translation(client, ja, en):
    japanese_page = page_in(ComparisonPage, ja, slug=COMPARISON_SLUG)
    english_page = page_in(ComparisonPage, en, slug=COMPARISON_SLUG)

    on_japanese = soup_of(client, japanese_page.url).select_one(".language-switcher")
    on_english = soup_of(client, english_page.url).select_one(".language-switcher")

    assert on_japanese["aria-label"] == "言語"
    links = {a["lang"]: a for a in on_japanese.select("a")}
    assert links["ja"]["aria-current"] == "true"
    assert links["en"]["href"] == f"/language/{japanese_page.pk}/en/"
    assert client.get(links["en"]["href"])["Location"] == english_page.url
    to_japanese = next(a for a in on_english.select("a") if a["lang"] == "ja")
    assert client.get(to_japanese["href"])["Location"] == japanese_page.url


def test_the_footer_and_menus_are_japanese(client, ja):
    soup = soup_of(client, "/ja/")

    assert soup.select_one("header nav")["aria-label"] == "メインメニュー"
    footer = text_of(soup.select_one(".site-footer"))
    assert footer.startswith("このサイトは Fernhill Labs が公開しています。")
    assert "誤りを報告する" in footer
    assert soup.select_one(".site-footer a")["href"].startswith("/ja/")


def test_links_lead_to_the_japanese_version_of_a_page_when_there_is_one(client, ja, japanese_wall):
    page = page_in(ProductPage, ja, slug="fernhill-desk")

    soup = soup_of(client, page.url)
    wall_link = next(
        a
        for a in soup.select(".customers-say a")
        if "についてのお客様の声をすべて見る" in a.get_text()
    )

    assert wall_link["href"] == f"{japanese_wall.url}?product={page.product.pk}"
