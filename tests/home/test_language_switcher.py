"""The language switcher leads to the same page in the other language, at the same route
where a routable page has one (a comparison's report form); a page without a version
in that language gets a page in that language saying so, with the nearest translated
page above it and the home page, never a silent trip to the home page. That answer is
a 404: there is no such version, and crawlers and link checkers must not take it for
one; the reader sees the page all the same."""

import pytest
from bs4 import BeautifulSoup

from tests.home.factories import StandardPageFactory
from tests.home.translations import japanese


@pytest.fixture
def japanese_home(home_page, site_settings):
    return japanese(home_page)


@pytest.fixture
def section(home_page, japanese_home):
    """A translated page with a child that nobody has translated yet."""
    english = StandardPageFactory(parent=home_page, title="How we work", slug="how-we-work")
    translation = japanese(english)
    translation.title = "私たちの仕事の進め方"
    translation.save_revision().publish()
    child = StandardPageFactory(parent=english, title="Our review calendar", slug="calendar")
    return english, translation, child


def switcher_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return {a["lang"]: a["href"] for a in soup.select(".language-switcher a")}


def test_a_translated_page_leads_to_its_translation_and_back(client, section):
    english, translation, _ = section

    to_japanese = switcher_links(client, english.url)["ja"]
    to_english = switcher_links(client, translation.url)["en"]

    assert client.get(to_japanese)["Location"] == "/ja/how-we-work/"
    assert client.get(to_english)["Location"] == "/how-we-work/"


def test_an_untranslated_page_says_so_in_japanese_with_the_nearest_translated_page(client, section):
    english, translation, child = section

    response = client.get(switcher_links(client, child.url)["ja"])
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 404
    assert "Location" not in response
    assert response["Content-Language"] == "ja"
    assert soup.html["lang"] == "ja"
    assert soup.h1.get_text() == "このページの日本語版はまだありません"
    assert "「Our review calendar」はまだ翻訳されていません。" in soup.main.get_text()
    links = [(a.get_text(), a["href"]) for a in soup.main.select("a")]
    assert links == [("私たちの仕事の進め方", "/ja/how-we-work/"), ("ホームページ", "/ja/")]
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    # The switcher on it leads back to the page the reader came from.
    back = {a["lang"]: a["href"] for a in soup.select(".language-switcher a")}["en"]
    assert client.get(back)["Location"] == child.url


def test_without_a_translated_page_above_it_only_the_home_page_is_offered(
    client, home_page, japanese_home
):
    page = StandardPageFactory(parent=home_page, title="Careers")

    response = client.get(switcher_links(client, page.url)["ja"])
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 404
    assert [a["href"] for a in soup.main.select("a")] == ["/ja/"]


def test_a_japanese_only_page_says_so_in_english(client, japanese_home):
    page = StandardPageFactory(parent=japanese_home, title="採用情報", slug="careers")

    response = client.get(switcher_links(client, page.url)["en"])
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 404
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "This page has no English version yet"
    assert [(a.get_text(), a["href"]) for a in soup.main.select("a")] == [("Home page", "/")]


def test_a_draft_page_gives_away_nothing(client, section):
    _, _, child = section
    child.unpublish()

    response = client.get(f"/language/{child.pk}/ja/")

    assert response.status_code == 404
    assert "Our review calendar" not in response.content.decode()


def test_the_report_form_leads_to_the_report_form_in_the_other_language(
    client, japanese_home, reported_comparison
):
    english = reported_comparison.page
    japanese(english.get_parent().specific)
    translation = japanese(english)

    to_japanese = switcher_links(client, english.url + "report/")["ja"]
    to_english = switcher_links(client, translation.url + "report/")["en"]

    assert to_japanese == f"/language/{english.pk}/ja/report/"
    assert client.get(to_japanese)["Location"] == translation.url + "report/"
    assert client.get(to_english)["Location"] == english.url + "report/"


def test_a_route_the_translation_does_not_answer_leads_to_the_page_itself(
    client, japanese_home, reported_comparison
):
    english = reported_comparison.page
    japanese(english.get_parent().specific)
    translation = japanese(english)

    response = client.get(f"/language/{english.pk}/ja/no-such-route/")

    assert response["Location"] == translation.url
