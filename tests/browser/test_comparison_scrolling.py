"""A prospect scrolls a long comparison table sideways and down, on a phone and on a
laptop, and still sees which product each column is and which group each row is in."""

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.home.translations import japanese

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 667}


@pytest.fixture
def comparison(site_settings, comparison_grid):
    # Four products and 24 rows in three groups: taller than a phone, wider than one too.
    return comparison_grid(product_count=4, criterion_count=24)


def box(locator):
    bounding = locator.bounding_box()
    assert bounding is not None, "element is not rendered"
    return bounding


def shows(page, locator):
    """Whether a person sees ``locator`` itself at its centre: inside the viewport and
    not covered by anything else (a sticky column, the rest of the table)."""
    rect = box(locator)
    x, y = rect["x"] + rect["width"] / 2, rect["y"] + rect["height"] / 2
    viewport = page.viewport_size
    if not (0 <= x < viewport["width"] and 0 <= y < viewport["height"]):
        return False
    return locator.evaluate(
        "(el, [x, y]) => { const hit = document.elementFromPoint(x, y);"
        " return hit !== null && (hit === el || el.contains(hit)); }",
        [x, y],
    )


def settle(page):
    """Until the page has stopped scrolling and painted: on a busy machine a fixed pause
    can catch the sticky header mid-move."""
    page.wait_for_timeout(100)
    page.evaluate(
        """() => new Promise(done => {
            let last = null, still = 0, frames = 0;
            const look = () => {
                const now = [scrollX, scrollY, ...[...document.querySelectorAll('.table-scroll')]
                    .map(el => el.scrollLeft)].join();
                still = now === last ? still + 1 : 0;
                last = now;
                if (still >= 3 || ++frames > 120) done(); else requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
        })"""
    )


def scroll_through_the_table(page, screenshot_name):
    """What a reader does with a finger or a wheel: bring the table into view, scroll
    over it sideways to the last product, then down through the groups. At every step
    the product names, and any group heading in view, must be readable."""
    page.locator("table.comparison").scroll_into_view_if_needed()
    scroller = page.locator(".table-scroll").first
    start = box(scroller)
    page.mouse.move(start["x"] + start["width"] / 2, max(start["y"], 0) + 120)
    rows = page.locator("table.comparison tbody tr:not(.group-row)")
    if scroller.evaluate("el => el.scrollWidth > el.clientWidth"):
        page.mouse.wheel(2000, 0)
        settle(page)
    headings_seen = []
    for _ in range(40):
        page.mouse.wheel(0, 250)
        settle(page)
        if shows(page, rows.first):
            continue  # still at the top of the table
        in_view = assert_products_and_groups_stay_readable(page)
        if in_view and not headings_seen:
            save_viewport(page, screenshot_name)
        headings_seen += in_view
        if shows(page, rows.last):
            break  # at the last row: from here the table leaves with the page
    assert len(set(headings_seen)) >= 2, "the test should have scrolled past group headings"


def save_viewport(page, name):
    # Of the viewport as the reader sees it, not the full page: a full-page capture
    # would lay the page out again at another height.
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def assert_products_and_groups_stay_readable(page):
    """The names of the group headings in view, each checked to be readable."""
    headers = page.locator("table.comparison thead th[scope=col]")
    last_product = headers.nth(headers.count() - 1)
    assert shows(page, last_product), "the product names scrolled out of view"
    assert shows(page, headers.first), "the criterion heading scrolled out of view"

    header_bottom = box(last_product)["y"] + box(last_product)["height"]
    # The table scrolls inside its region (at most 85% of the screen's height): rows
    # below the region's edge are hidden by it, wherever the page is.
    region = box(page.locator(".table-scroll--comparison"))
    bottom = min(page.viewport_size["height"], region["y"] + region["height"])
    headings = page.locator("table.comparison .group-row th")
    seen = [text_seen(page, headings.nth(i)) for i in range(headings.count())]
    # A heading passing under the sticky header row, or out of the region or the
    # viewport, is not asked of.
    in_view = [
        (name, visible)
        for name, rect, visible in seen
        if header_bottom <= rect["y"] and rect["bottom"] <= bottom
    ]
    for name, visible in in_view:
        assert visible, f"the group heading {name!r} went blank"
    return [name for name, _visible in in_view]


def text_seen(page, cell):
    """(text, its box, whether a person sees it): the box of the cell's text itself,
    wherever the cell is, and whether the cell is what shows at the text's centre."""
    return cell.evaluate(
        """el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const r = range.getBoundingClientRect();
            const x = r.x + r.width / 2, y = r.y + r.height / 2;
            const inside = x >= 0 && x < innerWidth && y >= 0 && y < innerHeight;
            const hit = inside ? document.elementFromPoint(x, y) : null;
            return [el.textContent.trim(), {y: r.y, bottom: r.bottom},
                    hit !== null && el.contains(hit)];
        }"""
    )


def test_phone_keeps_product_names_and_group_headings_while_scrolling(
    live_server, open_page, comparison
):
    page = open_page(live_server.url + comparison.url, **PHONE)

    scroll_through_the_table(page, "comparison-scrolled-375")

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_phone_in_japanese_keeps_product_names_and_group_headings(
    live_server, open_page, home_page, comparison_index, comparison
):
    japanese(home_page)
    japanese(comparison_index)
    page = open_page(live_server.url + japanese(comparison).url, **PHONE)

    scroll_through_the_table(page, "comparison-scrolled-375-ja")


def test_laptop_still_shows_the_whole_width_and_the_header(live_server, open_page, comparison):
    page = open_page(live_server.url + comparison.url, width=1280, height=800)
    headers = page.locator("table.comparison thead th[scope=col]")
    for index in range(headers.count()):
        header = box(headers.nth(index))
        assert header["x"] + header["width"] <= 1280

    scroll_through_the_table(page, "comparison-scrolled-1280")
