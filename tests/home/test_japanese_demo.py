"""The demo site in Japanese, under /ja/: the same pages, translated with Wagtail's
localisation, and English keeping its own paths."""

import re

from django.conf import settings
from django.urls.resolvers import RoutePattern

from wagtail.models import Locale, Page

import polib
import pytest
from bs4 import BeautifulSoup

from comparisons.models import ComparisonPage, ProductPage
from home.models import HomePage
from testimonials.models import Testimonial, TestimonialWallPage

JAPANESE_PATHS = [
    "/ja/",
    "/ja/products/",
    "/ja/products/fernhill-desk/",
    "/ja/compare/",
    "/ja/compare/fernhill-desk-vs-tidewell-desk-vs-quillory/",
    "/ja/how-we-compare/",
    "/ja/how-we-collect-testimonials/",
    "/ja/testimonials/",
    "/ja/share-your-experience/",
    "/ja/case-studies/",
    "/ja/case-studies/harbour-books-halves-reply-times/",
    "/ja/how-are-we-doing/",
    "/ja/request-a-demo/",
]


@pytest.mark.parametrize("path", JAPANESE_PATHS)
def test_japanese_pages_are_served_under_ja(client, demo_japanese, path):
    response = client.get(path)

    assert response.status_code == 200
    assert '<html lang="ja"' in response.content.decode()


def test_english_keeps_its_paths(client, demo_site):
    for path in ("/", "/products/fernhill-desk/", "/compare/"):
        response = client.get(path)
        assert response.status_code == 200
        assert '<html lang="en"' in response.content.decode()


def test_the_home_product_and_comparison_pages_are_translations_of_the_english_ones(demo_japanese):
    for model in (HomePage, ProductPage, ComparisonPage):
        translated = model.objects.filter(locale=demo_japanese, live=True).first()
        assert translated is not None, model.__name__
        original = translated.get_translation(Locale.get_default())
        assert original.live and original.pk != translated.pk


def test_loading_twice_adds_no_second_translation(demo_japanese):
    from django.core.management import call_command

    before = Page.objects.filter(locale=demo_japanese).count()
    call_command("load_demo_content", verbosity=0)

    assert Page.objects.filter(locale=demo_japanese).count() == before


# Every Japanese page of the demo, with its routes ---------------------------------------

CATALOGUE = settings.BASE_DIR / "locale" / "ja" / "LC_MESSAGES" / "django.po"
# Shorter English strings ("Page", "Rating") turn up inside names and customers' words.
SHORTEST_CHECKED = 14
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>")


def english_interface_strings():
    """What the catalogue translates, as it reads in English: each message's literal
    parts, without those Japanese keeps as they are and the very short ones."""
    strings = set()
    for entry in polib.pofile(str(CATALOGUE)):
        translated = entry.msgstr or next(iter(entry.msgstr_plural.values()), "")
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            if msgid == translated:
                continue
            for part in PLACEHOLDER.split(msgid):
                part = " ".join(part.split()).strip(" :.,")
                if len(part) >= SHORTEST_CHECKED:
                    strings.add(part)
    return strings


def visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    said = [soup.body.get_text(" ")]
    for name in ("aria-label", "alt", "placeholder", "title"):
        said += [element[name] for element in soup.body.select(f"[{name}]")]
    said.append(soup.title.get_text())
    return " ".join(" ".join(said).split())


def routes_without_parameters(page):
    """A routable page's fixed routes ("report/", "thanks/"), which every visitor sees.
    A comparison's downloads (data.csv, data.json, regular expressions) are files of
    raw values, not pages: tests/comparisons/test_open_data.py reads them in Japanese."""
    resolver = getattr(page, "get_resolver", None)
    if resolver is None:
        return []
    return [
        str(pattern.pattern)
        for pattern in resolver().url_patterns
        if isinstance(pattern.pattern, RoutePattern)
        and not pattern.pattern.converters
        and str(pattern.pattern)
    ]


def japanese_demo_urls(locale):
    """Every live Japanese page with its fixed routes, one testimonial's own page on the
    wall, and search."""
    urls = ["/ja/search/?q=Fernhill"]
    for page in Page.objects.filter(locale=locale).live().specific().order_by("path"):
        urls.append(page.url)
        urls += [page.url + route for route in routes_without_parameters(page)]
        if isinstance(page, TestimonialWallPage):
            excerpted = Testimonial.objects.public().exclude(excerpt="").first()
            urls.append(f"{page.url}{excerpted.pk}/")
    return urls


def test_every_japanese_page_and_route_of_the_demo_speaks_only_japanese(client, demo_japanese):
    english = english_interface_strings()
    urls = japanese_demo_urls(demo_japanese)
    page_types = {
        type(page).__name__ for page in Page.objects.filter(locale=demo_japanese).live().specific()
    }

    leftovers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Language"] == "ja", url
        if response["Content-Type"].startswith("application/json"):
            continue  # For tools (a comparison's cost/): names, not an interface.
        text = visible_text(response.content.decode())
        found = sorted(string for string in english if string in text)
        if found:
            leftovers[url] = found

    assert not leftovers
    # Every public page type, the routes readers reach after a form included.
    assert page_types >= {
        "HomePage",
        "StandardPage",
        "ProductIndexPage",
        "ProductPage",
        "ComparisonIndexPage",
        "ComparisonPage",
        "TestimonialWallPage",
        "TestimonialSubmissionPage",
        "CaseStudyIndexPage",
        "CaseStudyPage",
        "NpsSurveyPage",
        "DemoRequestPage",
    }
    for route in ("report/", "report/thanks/", "share-your-experience/thanks/"):
        assert any(url.endswith(route) for url in urls), route


def test_the_untranslated_pages_say_so_in_japanese(client, demo_japanese):
    """The demo leaves some pages in English only: the switcher says so in Japanese."""
    untranslated = [
        page
        for page in Page.objects.filter(locale=Locale.get_default(), depth__gt=1).live()
        if not page.has_translation(demo_japanese)
    ]
    english = english_interface_strings()

    assert untranslated
    for page in untranslated:
        response = client.get(f"/language/{page.pk}/ja/")
        assert response.status_code == 404
        text = visible_text(response.content.decode())
        assert "このページの日本語版はまだありません" in text
        assert not [string for string in english if string in text], page.url
