"""A prospect reads the comparison table on a phone and on a laptop."""

import pytest

from tests.home.translations import japanese

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def comparison_url(live_server, site_settings, comparison_grid):
    return live_server.url + comparison_grid(product_count=4, criterion_count=12).url


def box(locator):
    bounding = locator.bounding_box()
    assert bounding is not None, "element is not rendered"
    return bounding


def test_phone_keeps_the_criterion_column_in_view_while_the_table_scrolls(
    open_page, screenshot, comparison_url
):
    page = open_page(comparison_url, width=375, height=812)
    table = page.locator("table.comparison")
    first_criterion = page.locator("table.comparison tbody th[scope=row]").first
    scroller = page.locator(".table-scroll").first

    assert table.is_visible() and first_criterion.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "page scrolls sideways"
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth"), "table should scroll"

    scroller.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_timeout(100)

    header = box(first_criterion)
    assert 0 <= header["x"] <= box(scroller)["x"] + 2
    assert header["x"] + header["width"] <= 375
    screenshot(page, "comparison-375")


def test_laptop_shows_every_product_column(open_page, screenshot, comparison_url):
    page = open_page(comparison_url, width=1280)
    headers = page.locator("table.comparison thead th[scope=col]")

    assert headers.count() == 5
    for index in range(headers.count()):
        header = box(headers.nth(index))
        assert header["x"] + header["width"] <= 1280
    screenshot(page, "comparison-1280")


def test_show_only_differences_hides_equal_rows_without_reloading(open_page, comparison_url):
    page = open_page(comparison_url, width=1280)
    rows = page.locator("table.comparison tbody tr:not(.group-row)")
    uniform = page.locator("table.comparison tbody tr[data-uniform]")
    page.evaluate("window.notReloaded = true")

    assert page.locator(".differences-form button").is_hidden()
    page.get_by_label("Show only differences").check()

    assert page.evaluate("window.notReloaded") is True
    assert "differences=1" in page.url
    visible = [rows.nth(i).is_visible() for i in range(rows.count())]
    assert visible.count(True) == rows.count() - uniform.count()
    assert "rows where products differ" in page.locator(".differences-form__status").inner_text()


def test_print_layout_shows_the_whole_table_without_controls(open_page, comparison_url):
    page = open_page(comparison_url, width=1280)
    page.emulate_media(media="print")

    assert page.locator(".differences-form").is_hidden()
    overflow = page.locator(".table-scroll").first.evaluate("el => getComputedStyle(el).overflowX")
    assert overflow == "visible"


def test_the_status_of_show_only_differences_reads_in_the_page_language(
    live_server, open_page, home_page, comparison_index, site_settings, comparison_grid
):
    comparison = comparison_grid(product_count=3, criterion_count=8)
    japanese(home_page)
    japanese(comparison_index)
    page = open_page(live_server.url + japanese(comparison).url, width=1280)
    rows = page.locator("table.comparison tbody tr:not(.group-row)")
    status = page.locator(".differences-form__status")

    page.get_by_label("違いのある行だけを表示").check()
    shown = [rows.nth(i).is_visible() for i in range(rows.count())].count(True)
    assert (
        status.inner_text()
        == f"全{rows.count()}行のうち、製品間で違いのある{shown}行を表示しています。"
    )

    page.get_by_label("違いのある行だけを表示").uncheck()
    assert status.inner_text() == f"全{rows.count()}行を表示しています。"
