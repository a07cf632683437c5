"""WCAG 2.2 AA: axe-core finds no serious or critical violation on any page type, and
the comparison table and the filters work by keyboard alone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from comparisons.models import ComparisonPage, ProductPage
from home.languages import answers
from testimonials.models import (
    CaseStudyIndexPage,
    Testimonial,
    TestimonialSubmissionPage,
    TestimonialWallPage,
)

# demo_site (tests/browser/conftest.py) serves the demo content, loaded once per module.
pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}


def demo_urls():
    """One URL for every page type in each language, and the states of routable pages."""
    from wagtail.models import Locale, Page

    english, japanese = Locale.get_default(), Locale.objects.get(language_code="ja")
    pages = Page.objects.live().public().specific().exclude(depth=1)
    urls = {type(page).__name__: page.url for page in pages.filter(locale=english)}
    wall = TestimonialWallPage.objects.live().get(locale=english)
    excerpted = Testimonial.objects.public().exclude(excerpt="").first()
    urls["TestimonialDetail"] = f"{wall.url}{excerpted.pk}/"
    urls["TestimonialWallFiltered"] = f"{wall.url}?rating=2"
    submission = TestimonialSubmissionPage.objects.live().get(locale=english)
    urls["TestimonialThanks"] = submission.url + submission.reverse_subpage("thanks")
    comparison = ComparisonPage.objects.live().filter(locale=english).first()
    urls["ComparisonDifferencesOnly"] = comparison.url + "?differences=1"
    product = ProductPage.objects.live().first().product
    urls["TestimonialWidget"] = f"/embed/testimonials/?product={product.pk}"
    urls |= japanese_urls(pages.filter(locale=japanese), english)
    return urls


def japanese_urls(pages, english):
    """Every Japanese page type, its forms' routes and thanks pages, search, and the
    page that says an English page has no Japanese version yet."""
    urls = {f"ja {type(page).__name__}": page.url for page in pages}
    for page in pages:
        for route in ("report/", "report/thanks/", "thanks/"):
            if getattr(page, "resolve_subpage", None) and answers(page, route):
                urls[f"ja {type(page).__name__} {route}"] = page.url + route
    urls["ja search"] = "/ja/search/?q=Fernhill"
    # Every demo comparison is translated; most product pages are not.
    untranslated = next(
        page
        for page in ProductPage.objects.live().filter(locale=english)
        if not page.has_translation(pages.first().locale)
    )
    urls["ja no translation yet"] = f"/language/{untranslated.pk}/ja/"
    return urls


def in_english(model):
    from wagtail.models import Locale

    return model.objects.live().get(locale=Locale.get_default())


def blocking_violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
    ]


# The sweep is split into parts that run side by side, each on every worker's own
# server, rather than one test of several minutes that leaves the other workers idle.
PARTS = 4


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("part", range(PARTS))
def test_no_page_type_has_a_serious_or_critical_violation(demo_site, open_page, part, width):
    urls = demo_urls()
    assert len(urls) >= 35
    found = {}
    for name, url in sorted(urls.items())[part::PARTS]:
        page = open_page(demo_site + url, width=width)
        if problems := blocking_violations(page):
            found[f"{name} at {width}px ({url})"] = problems
        page.context.close()

    assert not found, "\n".join(f"{where}: {problems}" for where, problems in found.items())


def test_the_submission_form_showing_errors_has_no_serious_violation(demo_site, open_page):
    page = open_page(demo_site + in_english(TestimonialSubmissionPage).url, width=1280)
    page.get_by_role("button", name="Send my testimonial").click()
    page.wait_for_load_state()

    assert page.get_by_role("alert").first.is_visible()
    assert not blocking_violations(page)


def test_the_comparison_table_works_by_keyboard_alone(demo_site, open_page, screenshot):
    comparison = ComparisonPage.objects.live().first()
    page = open_page(demo_site + comparison.url, width=375, height=812)
    rows = page.locator("table.comparison tbody tr:not(.group-row)")
    total = rows.count()

    tab_to(page, "#differences")
    page.keyboard.press("Space")

    assert page.locator("#differences").is_checked()
    shown = [rows.nth(i).is_visible() for i in range(total)].count(True)
    assert 0 < shown < total
    assert "rows where products differ" in page.locator(".differences-form__status").inner_text()

    # The table scrolls sideways on a phone: its region takes focus and arrow keys move it.
    tab_to(page, ".table-scroll")
    scroller = page.locator(".table-scroll").first
    before = scroller.evaluate("el => el.scrollLeft")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => document.querySelector('.table-scroll').scrollLeft > {before}")
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    screenshot(page, "comparison-keyboard-375")


def test_the_testimonial_filters_work_by_keyboard_alone(demo_site, open_page):
    wall = in_english(TestimonialWallPage)
    page = open_page(demo_site + wall.url, width=1280)

    tab_to(page, "#id_rating")
    page.keyboard.press("ArrowDown")  # "3 stars and below", the first choice after "Any rating"
    tab_to(page, ".filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**rating=1-3**")

    ratings = page.locator(".testimonials .rating__text").all_inner_texts()
    assert ratings and set(ratings) <= {f"Rated {stars} out of 5" for stars in (1, 2, 3)}


def test_the_case_study_filters_work_by_keyboard_alone(demo_site, open_page):
    index = in_english(CaseStudyIndexPage)
    page = open_page(demo_site + index.url, width=1280)

    tab_to(page, "#id_industry")
    page.keyboard.press("ArrowDown")  # the first industry after "All industries"
    industry = page.locator("#id_industry option:checked").inner_text()
    tab_to(page, ".filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**industry=**")

    cards = page.locator(".card-list .card__meta").all_inner_texts()
    assert all(industry in meta for meta in cards)
    assert cards or "No case studies match." in page.content()


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching ``selector`` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_japanese_lines_break_by_phrase_and_by_the_strict_rules(demo_site, open_page):
    page = open_page(demo_site + "/ja/case-studies/", width=375)

    style = page.evaluate(
        """() => {
            const style = getComputedStyle(document.querySelector("main p"));
            return {
                lineBreak: style.lineBreak,
                wordBreak: style.wordBreak,
                phrases: CSS.supports("word-break", "auto-phrase"),
                overflow: document.documentElement.scrollWidth > innerWidth,
            };
        }"""
    )

    assert style["lineBreak"] == "strict"
    assert style["wordBreak"] == ("auto-phrase" if style["phrases"] else "normal")
    assert not style["overflow"]
