"""What a prospect reads on a comparison page."""

import datetime
import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from comparisons.models import ComparedCriterion, ComparedProduct, Criterion
from tests.comparisons.factories import (
    ComparisonPageFactory,
    CriterionFactory,
    FactFactory,
    ProductFactory,
)
from tests.home.factories import StandardPageFactory
from tests.home.translations import japanese
from tests.query_counts import query_plan


@pytest.fixture
def comparison(comparison_index, site_settings, today):
    methodology = StandardPageFactory(parent=site_settings.site.root_page, title="How we compare")
    site_settings.methodology_page = methodology
    site_settings.save()

    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    tidewell = ProductFactory(name="Tidewell Desk")
    quill = ProductFactory(name="Quillory")
    price = CriterionFactory(
        name="Starting price",
        group="Pricing",
        kind=Criterion.Kind.NUMBER,
        direction=Criterion.Direction.LOWER,
        unit="USD / agent / month",
    )
    phone = CriterionFactory(name="Phone channel", group="Channels")
    sso = CriterionFactory(name="SAML single sign-on", group="Security")
    for product, value in [(ours, "19"), (tidewell, "39"), (quill, "25")]:
        FactFactory(product=product, criterion=price, support="", number=Decimal(value))
    for product, value in [(ours, "no"), (tidewell, "yes"), (quill, "partial")]:
        FactFactory(product=product, criterion=phone, support=value)
    for product in (ours, tidewell, quill):
        FactFactory(
            product=product,
            criterion=sso,
            support="yes",
            source_url=f"https://{product.pk}.example/security",
            verified_on=today - datetime.timedelta(days=400 if product == quill else 5),
        )
    page = ComparisonPageFactory(
        parent=comparison_index,
        title="Fernhill Desk vs Tidewell Desk vs Quillory",
        author_name="Ana Ortiz",
        compared_products=[ComparedProduct(product=p) for p in (ours, tidewell, quill)],
        compared_criteria=[ComparedCriterion(criterion=c) for c in (price, phone, sso)],
    )
    page.save_revision().publish()
    return page


def soup_of(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def row_for(soup, criterion_name):
    for header in soup.select("table.comparison th[scope=row]"):
        if criterion_name in header.get_text():
            return header.find_parent("tr")
    raise AssertionError(f"No row for {criterion_name}")


@pytest.mark.django_db
def test_table_is_built_from_facts_with_products_as_column_headers(client, comparison):
    soup = soup_of(client, comparison)
    table = soup.select_one("table.comparison")

    assert table.caption is not None
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th[scope=col]")]
    assert headers[0] == "Criterion"
    assert [h.split(" All plans")[0] for h in headers[1:]] == [
        "Fernhill Desk",
        "Tidewell Desk",
        "Quillory",
    ]
    price_cells = [
        td.select_one(".value").get_text() for td in row_for(soup, "Starting price").select("td")
    ]
    assert price_cells == [
        "19 USD / agent / month",
        "39 USD / agent / month",
        "25 USD / agent / month",
    ]


@pytest.mark.django_db
def test_best_value_is_marked_in_words_whoever_holds_it(client, comparison):
    soup = soup_of(client, comparison)

    price = row_for(soup, "Starting price").select("td")
    phone = row_for(soup, "Phone channel").select("td")

    assert ["★ Best" in td.get_text() for td in price] == [True, False, False]
    assert ["★ Best" in td.get_text() for td in phone] == [False, True, False]
    assert "is-best" in phone[1]["class"]


@pytest.mark.django_db
def test_summary_says_where_competitors_are_better(client, comparison):
    soup = soup_of(client, comparison)
    summary = soup.select_one(".comparison-summary").get_text(" ", strip=True)

    assert "Where competitors are better" in summary
    assert "Phone channel : Tidewell Desk" in summary
    assert "Fernhill Desk ours Leads on 1: Starting price." in summary


@pytest.mark.django_db
def test_every_value_shows_its_source_and_verified_date(client, comparison):
    soup = soup_of(client, comparison)
    sso_cells = row_for(soup, "SAML single sign-on").select("td")

    for cell in sso_cells:
        link = cell.select_one(".evidence a")
        assert link["href"].startswith("https://") and link["href"].endswith("/security")
        assert cell.select_one(".evidence time")["datetime"]


@pytest.mark.django_db
def test_the_table_loads_only_what_the_page_shows_of_each_fact(client, comparison):
    """Hundreds of facts a render: the evidence excerpt, the add-on's price and, on a
    page in the facts' own language, the translation key are left in the database."""
    with CaptureQueriesContext(connection) as queries:
        soup = soup_of(client, comparison)

    loaded = [
        query["sql"]
        for query in queries
        if query["sql"].startswith('SELECT "comparisons_fact"."id"')
    ]
    assert len(loaded) == 1
    for column in ("evidence_excerpt", "addon_price", "translation_key", "verified_on"):
        assert (f'"comparisons_fact"."{column}"' in loaded[0]) == (column == "verified_on")
    assert " ORDER BY " not in loaded[0]
    assert row_for(soup, "SAML single sign-on").select_one(".evidence time")


@pytest.mark.django_db
def test_stale_facts_show_their_age(client, comparison):
    soup = soup_of(client, comparison)
    cells = row_for(soup, "SAML single sign-on").select("td")

    assert [bool(cell.select_one(".stale")) for cell in cells] == [False, False, True]
    assert "Stale: last checked 400 days ago" in cells[2].select_one(".stale").get_text()


@pytest.mark.django_db
def test_disclosure_names_the_publisher_and_links_to_methodology(client, comparison, site_settings):
    soup = soup_of(client, comparison)
    disclosure = soup.select_one("main .disclosure")

    assert "Published by Candor Test Co, maker of Fernhill Desk." in disclosure.get_text(
        " ", strip=True
    )
    links = {a.get_text(strip=True): a["href"] for a in disclosure.select("a")}
    assert links["How we compare"] == site_settings.methodology_page.url
    assert links["Report an inaccuracy"] == comparison.url + "report/"
    assert links["0 corrections"] == "#corrections"
    # The disclosure comes before the table, not in the small print.
    assert str(soup).index("disclosure") < str(soup).index("comparison-table")


@pytest.mark.django_db
def test_only_differences_hides_rows_where_every_product_agrees(client, comparison):
    all_rows = soup_of(client, comparison)
    differences = soup_of(client, comparison, "?differences=1")

    assert row_for(all_rows, "SAML single sign-on").get("hidden") is None
    assert row_for(differences, "SAML single sign-on").has_attr("hidden")
    assert not row_for(differences, "Phone channel").has_attr("hidden")
    assert differences.select_one("#differences").has_attr("checked")
    assert (
        "Showing the 2 of 3 rows" in differences.select_one(".differences-form__status").get_text()
    )


@pytest.mark.django_db
def test_a_competitor_winning_a_ranked_text_row_is_named_where_competitors_are_better(
    client, comparison_index, site_settings
):
    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    tidewell = ProductFactory(name="Tidewell Desk")
    hours = CriterionFactory(
        name="Vendor support hours",
        group="Vendor support",
        kind=Criterion.Kind.TEXT,
        help_text="When the vendor's own support team answers you.",
        ranked_values=["24/7", "Weekdays 08:00-18:00", "Business hours"],
    )
    FactFactory(product=ours, criterion=hours, support="", text="Weekdays 08:00-18:00")
    FactFactory(product=tidewell, criterion=hours, support="", text="24/7")
    page = ComparisonPageFactory(
        parent=comparison_index,
        compared_products=[ComparedProduct(product=p) for p in (ours, tidewell)],
        compared_criteria=[ComparedCriterion(criterion=hours)],
    )
    page.save_revision().publish()

    soup = soup_of(client, page)

    cells = row_for(soup, "Vendor support hours").select("td")
    assert ["★ Best" in td.get_text() for td in cells] == [False, True]
    better = soup.select_one(".competitor-wins").get_text(" ", strip=True)
    assert "Vendor support hours : Tidewell Desk" in better
    assert "Fernhill Desk: Weekdays 08:00-18:00; Tidewell Desk: 24/7" in better
    # How the row was ranked is there for readers to see, not decided out of sight.
    ranking = row_for(soup, "Vendor support hours").select_one("th .criterion__ranking")
    assert ranking.get_text(" ", strip=True).startswith("Ranked, best first:")
    assert [item.get_text() for item in ranking.select("ol li")] == [
        "24/7",
        "Weekdays 08:00-18:00",
        "Business hours",
    ]


def footer_report_link(soup):
    [link] = [
        a for a in soup.select("footer.site-footer a") if a.get_text() == "Report an inaccuracy"
    ]
    return link["href"]


@pytest.mark.django_db
def test_the_footer_links_the_comparison_s_own_report_form(client, comparison):
    assert footer_report_link(soup_of(client, comparison)) == comparison.url + "report/"
    report_form = BeautifulSoup(client.get(comparison.url + "report/").content, "html.parser")
    assert footer_report_link(report_form) == comparison.url + "report/"


@pytest.mark.django_db
def test_the_footer_of_a_japanese_comparison_links_its_report_form(
    client, comparison, comparison_index, home_page
):
    japanese(home_page)
    japanese(comparison_index)
    translation = japanese(comparison)

    soup = soup_of(client, translation)

    [link] = [a for a in soup.select("footer.site-footer a") if a["href"].endswith("/report/")]
    assert link["href"] == translation.url + "report/" and translation.url.startswith("/ja/")


@pytest.mark.django_db
def test_the_home_page_reads_the_comparisons_reviewed_last_through_an_index(
    client, comparison_grid, site_settings
):
    """However many comparisons there are, the three the home page shows are read in
    the order of last review, not sorted from all of them on each render."""
    for _ in range(3):
        comparison_grid(product_count=2, criterion_count=1)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    [sql] = [
        query["sql"]
        for query in queries
        if 'ORDER BY "comparisons_comparisonpage"."reviewed_on" DESC' in query["sql"]
    ]

    plan = query_plan(sql)

    if connection.vendor == "sqlite":
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
        assert "SCAN comparisons_comparisonpage USING INDEX" in plan, plan
    else:
        assert "reviewed_on" in plan and "Index Scan Backward" in plan, plan
        assert not re.search(r"\bSort\b", plan), plan


@pytest.mark.django_db
def test_the_summary_says_who_shares_a_lead_and_who_leads_on_nothing_in_plain_words(
    client, comparison_index, site_settings
):
    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    rival = ProductFactory(name='<b>Bold</b> & "Co" Desk')
    third = ProductFactory(name="Quillory")
    uptime = CriterionFactory(
        name="Uptime <SLA>", kind=Criterion.Kind.NUMBER, direction=Criterion.Direction.HIGHER
    )
    sso = CriterionFactory(name="SAML single sign-on")
    for product, number, support in (
        (ours, "99.9", "yes"),
        (rival, "99.9", "yes"),
        (third, "99", "no"),
    ):
        FactFactory(product=product, criterion=uptime, support="", number=Decimal(number))
        FactFactory(product=product, criterion=sso, support=support)
    page = ComparisonPageFactory(
        parent=comparison_index,
        compared_products=[
            ComparedProduct(product=ours),
            ComparedProduct(product=rival, best_for="Teams who <script>phone</script>"),
            ComparedProduct(product=third),
        ],
        compared_criteria=[ComparedCriterion(criterion=c) for c in (uptime, sso)],
    )
    page.save_revision().publish()

    soup = soup_of(client, page)

    standings = [item.get_text(" ", strip=True) for item in soup.select(".standings > li")]
    assert standings == [
        "Fernhill Desk ours Shares the lead on 2: Uptime <SLA>, SAML single sign-on.",
        '<b>Bold</b> & "Co" Desk Best for Teams who <script>phone</script> '
        "Shares the lead on 2: Uptime <SLA>, SAML single sign-on.",
        "Quillory Leads on none of the ranked rows in this table.",
    ]
    # Names and verdicts are words on the page, never markup.
    assert soup.select(".comparison-summary b, .comparison-summary script") == []
    # No row is won by a competitor alone.
    assert soup.select_one(".competitor-wins") is None


@pytest.mark.django_db
def test_a_win_on_a_paid_add_on_says_so_in_the_summary(client, comparison_index, site_settings):
    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    rival = ProductFactory(name="Tidewell Desk")
    sso = CriterionFactory(name="SAML single sign-on")
    FactFactory(product=ours, criterion=sso, support="no")
    FactFactory(product=rival, criterion=sso, support="yes", availability="paid_addon")
    page = ComparisonPageFactory(
        parent=comparison_index,
        compared_products=[ComparedProduct(product=ours), ComparedProduct(product=rival)],
        compared_criteria=[ComparedCriterion(criterion=sso)],
    )
    page.save_revision().publish()

    wins = soup_of(client, page).select_one(".competitor-wins li").get_text(" ", strip=True)

    assert wins == (
        "SAML single sign-on : Tidewell Desk (Fernhill Desk: No; Tidewell Desk: Yes, Paid add-on)"
    )
