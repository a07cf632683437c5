"""A prospect works out what each product would cost them, without reloading the page."""

import pytest

from tests.comparisons.test_cost_calculator_page import calculator  # noqa: F401 (fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_the_results_follow_what_the_reader_types(open_page, live_server, calculator):  # noqa: F811
    page = open_page(live_server.url + calculator.url, width=1280)
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Seats (people who sign in)").fill("1")
    page.locator("table.costs").wait_for()

    assert page.evaluate("window.notReloaded") is True
    assert "seats=1" in page.url
    assert (
        "Cheapest on these assumptions" in page.locator("table.costs tbody tr").nth(1).inner_text()
    )

    page.get_by_label("Seats (people who sign in)").fill("0")
    page.locator("#id_seats_error").wait_for()

    assert page.locator("table.costs").count() == 0
    assert page.get_by_label("Seats (people who sign in)").get_attribute("aria-describedby") == (
        "id_seats_error"
    )


def test_screen_readers_hear_one_line_and_no_error_while_typing(open_page, live_server, calculator):  # noqa: F811
    page = open_page(live_server.url + calculator.url, width=1280)
    seats = page.get_by_label("Seats (people who sign in)")

    seats.fill("12")
    page.locator("table.costs").wait_for()
    status = page.locator("#cost-status")
    status.filter(has_text="Costs updated for 12 seats, billed monthly").wait_for(state="attached")
    assert status.get_attribute("aria-live") == "polite"
    assert page.locator("#cost-results").get_attribute("aria-live") is None

    # Clearing the field to type another number is not an error yet...
    seats.fill("")
    page.wait_for_timeout(800)
    assert page.locator("#id_seats_error").count() == 0
    # ...leaving it empty is.
    seats.blur()
    page.locator("#id_seats_error").wait_for()
