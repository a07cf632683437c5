"""What a prospect reads on a product page."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from comparisons.models import ComparedProduct, NotSuitableFor
from tests.comparisons.factories import (
    ComparisonPageFactory,
    CriterionFactory,
    FactFactory,
    ProductFactory,
    ProductPageFactory,
    plan,
)
from tests.comparisons.form_data import product_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def product_page(product_index, site_settings):
    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    page = ProductPageFactory(
        parent=product_index,
        title="Fernhill Desk",
        product=ours,
        pricing=[plan("Pro", 29)],
        pricing_note="Prices exclude VAT.",
        strengths=[("strength", {"title": "Set up in an afternoon", "detail": ""})],
        limitations=[("limitation", {"title": "No phone channel", "detail": "Email only."})],
        ideal_for=[("audience", {"title": "Teams of 2 to 20 agents", "detail": ""})],
    )
    tidewell = ProductFactory(
        name="Tidewell Desk", vendor="Tidewell", website="https://tidewell.example/desk"
    )
    chat = ProductFactory(name="Fernhill Chat", is_ours=True)
    chat_page = ProductPageFactory(parent=product_index, title="Fernhill Chat", product=chat)
    NotSuitableFor.objects.create(
        page=page,
        situation="You answer most customers by phone",
        reason="We have no phone channel.",
        alternative=tidewell,
        sort_order=0,
    )
    NotSuitableFor.objects.create(
        page=page,
        situation="You only need live chat",
        reason="A full helpdesk is more than you need.",
        alternative=chat,
        sort_order=1,
    )
    page.chat_page = chat_page
    return page


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section(soup, heading):
    for h2 in soup.select("main h2"):
        if h2.get_text(strip=True) == heading:
            return h2.find_parent("section").get_text(" ", strip=True)
    raise AssertionError(f"No section {heading!r}")


def test_product_page_states_pricing_strengths_limitations_and_audience(client, product_page):
    soup = soup_of(client, product_page.url)

    assert "$29 per agent / month" in section(soup, "Pricing")
    assert "Prices exclude VAT." in section(soup, "Pricing")
    assert "Set up in an afternoon" in section(soup, "Where it is strong")
    assert "No phone channel Email only." in section(soup, "Limitations")
    assert "Teams of 2 to 20 agents" in section(soup, "Who it is for")


def test_not_suitable_for_names_the_alternative_and_links_to_it(client, product_page):
    soup = soup_of(client, product_page.url)
    items = soup.select(".not-suitable__item")

    assert [item.h3.get_text() for item in items] == [
        "You answer most customers by phone",
        "You only need live chat",
    ]
    competitor, ours = (item.select_one(".not-suitable__alternative a") for item in items)
    assert competitor.get_text() == "Tidewell Desk"
    assert competitor["href"] == "https://tidewell.example/desk"
    assert "by Tidewell, a competitor" in items[0].get_text()
    assert ours["href"] == product_page.chat_page.url
    assert "one of ours" in items[1].get_text()


def test_facts_are_listed_with_sources_and_stale_ones_flagged(client, product_page, site_settings):
    sso = CriterionFactory(name="SAML single sign-on", group="Security")
    api = CriterionFactory(name="Public API", group="Platform")
    FactFactory(product=product_page.product, criterion=sso, support="partial")
    FactFactory(
        product=product_page.product,
        criterion=api,
        verified_on=timezone.localdate() - datetime.timedelta(days=200),
    )

    soup = soup_of(client, product_page.url)
    rows = {row.th.get_text(strip=True): row for row in soup.select("table.facts tbody tr:has(td)")}

    assert soup.select_one("table.facts caption")
    assert "Partial" in rows["SAML single sign-on"].get_text()
    assert rows["SAML single sign-on"].select_one(".evidence a")["href"].startswith("https://")
    assert not rows["SAML single sign-on"].select_one(".stale")
    assert "Stale: last checked 200 days ago" in rows["Public API"].get_text()


def test_facts_are_grouped_and_loaded_with_only_what_the_page_shows(client, product_page):
    """A tbody per group of criteria, in order; and of each fact and its criterion only
    what the page shows is read (not the evidence excerpt, not the translation keys of
    records in the page's own language)."""
    for name, group in (("Public API", "Platform"), ("SAML single sign-on", "Security")):
        FactFactory(
            product=product_page.product, criterion=CriterionFactory(name=name, group=group)
        )

    with CaptureQueriesContext(connection) as queries:
        soup = soup_of(client, product_page.url)

    groups = [
        (
            body.select_one(".group-row__label").get_text(),
            body.select_one("tr:has(td) th").get_text(),
        )
        for body in soup.select("table.facts tbody")
    ]
    assert groups == [("Platform", "Public API"), ("Security", "SAML single sign-on")]
    (loaded,) = [q["sql"] for q in queries if q["sql"].startswith('SELECT "comparisons_fact"."id"')]
    for column in ("evidence_excerpt", "addon_price", "translation_key", "wording"):
        assert f'"comparisons_fact"."{column}"' not in loaded
        assert f'"comparisons_criterion"."{column}"' not in loaded
    assert '"comparisons_criterion"."name"' in loaded


def test_each_fact_tells_one_story_of_the_plan_it_holds_for(client, product_page):
    """Not "Team" in the plan column next to "Higher plan only" in the value."""
    values = {
        "Email ticketing": {"support": "yes"},
        "SAML single sign-on": {"support": "yes", "availability": "higher_plan"},
        "Live chat": {"support": "yes", "availability": "paid_addon"},
        "AI replies": {"support": "partial", "availability": "beta"},
    }
    for name, value in values.items():
        criterion = CriterionFactory(name=name)
        FactFactory(product=product_page.product, criterion=criterion, plan="Team", **value)
    FactFactory(
        product=product_page.product,
        criterion=CriterionFactory(name="Public API"),
        note="Read-only",
    )

    soup = soup_of(client, product_page.url)
    rows = {row.th.get_text(strip=True): row for row in soup.select("table.facts tbody tr:has(td)")}

    def cells(name):
        value, plan, _evidence = rows[name].select("td")
        return value.get_text(" ", strip=True), plan.get_text(" ", strip=True)

    assert cells("Email ticketing") == ("✓ Yes", "Team")
    assert cells("SAML single sign-on") == ("✓ Yes", "Higher plan only (not in Team)")
    assert cells("Live chat") == ("✓ Yes", "Team Paid add-on")
    assert cells("AI replies") == ("◐ Partial", "Team Beta")
    assert cells("Public API") == ("✓ Yes Read-only", "All plans")


def test_the_footer_of_a_product_page_reports_an_inaccuracy_by_email(client, product_page):
    soup = soup_of(client, product_page.url)

    [link] = [a for a in soup.select("footer.site-footer a") if "inaccuracy" in a.get_text()]
    assert link["href"] == "mailto:corrections@candor.example"


def test_product_index_lists_published_product_pages_only(client, product_page, product_index):
    draft = ProductPageFactory(parent=product_index, title="Unreleased Desk", live=False)

    text = soup_of(client, product_index.url).select_one("main").get_text(" ", strip=True)

    assert "Fernhill Desk" in text and "Fernhill Chat" in text
    assert draft.title not in text
    assert client.get(f"{product_index.url}{draft.slug}/").status_code == 404
    assert client.get("/products/no-such-product/").status_code == 404


# On this page -------------------------------------------------------------------------


def on_this_page(soup):
    """The links of the page's "On this page" list, after checking it is labelled by
    its heading and that every link lands on an element of the page."""
    nav = soup.select_one("main nav.on-this-page")
    assert nav.select_one(f"#{nav['aria-labelledby']}").get_text(strip=True) == "On this page"
    hrefs = [link["href"] for link in nav.select("a")]
    for href in hrefs:
        assert soup.select_one(f"main {href}"), f"{href} leads nowhere"
    return hrefs


def test_on_this_page_leads_to_every_section_a_prospect_looks_for(
    client, product_page, comparison_index
):
    ComparisonPageFactory(
        parent=comparison_index,
        title="Fernhill Desk vs Tidewell Desk",
        compared_products=[ComparedProduct(product=product_page.product)],
    )

    soup = soup_of(client, product_page.url)

    assert on_this_page(soup) == [
        "#not-suitable-for",
        "#limitations",
        "#pricing",
        "#customers-say",
        "#comparisons",
    ]
    nav = soup.select_one("main nav.on-this-page")
    assert nav.find_previous("h1"), "near the top: after the title"
    assert nav.find_next("div", class_="prose"), "before the summary"


def test_on_this_page_lists_only_the_sections_the_page_has(client, product_index):
    page = ProductPageFactory(parent=product_index, pricing=[])

    assert on_this_page(soup_of(client, page.url)) == ["#limitations", "#customers-say"]

    NotSuitableFor.objects.create(page=page, situation="You need phone support", reason="None.")

    assert on_this_page(soup_of(client, page.url)) == [
        "#not-suitable-for",
        "#limitations",
        "#customers-say",
    ]


def test_the_home_page_shows_the_first_six_products_and_links_to_all(
    client, home_page, product_index, site_settings
):
    """However many products there are, the home page shows the first six, in the
    order editors give them in the page tree, and leads to the index for the rest."""
    pages = [ProductPageFactory(parent=product_index, title=f"Product {n:02}") for n in range(8)]
    pages[7].move(product_index, pos="first-child")

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    section = soup.find("section", attrs={"aria-labelledby": "products-heading"})
    shown = [link.get_text(strip=True) for link in section.select(".card h3 a")]
    assert shown == ["Product 07", *(f"Product {n:02}" for n in range(5))]
    assert section.find("a", string="All products and who they are not for")["href"] == (
        product_index.url
    )


def test_a_preview_shows_who_should_buy_else_as_the_editor_left_it(
    client, editors_client, product_page
):
    """The live page reads its items by a query compiled once (NOT_SUITABLE_FOR); a
    preview has them in the form, unsaved, and must show those."""
    tidewell = NotSuitableFor.objects.get(page=product_page, sort_order=0).alternative
    data = product_page_form(product_page.product, [tidewell], slug=product_page.slug)
    data["not_suitable_for-0-situation"] = "You need a self-hosted helpdesk"

    url = f"/admin/pages/{product_page.pk}/edit/preview/"
    assert editors_client.post(url, data).json()["is_valid"]
    previewed = editors_client.get(url, {"mode": ""}).content.decode()
    live = section(soup_of(client, product_page.url), "Not suitable for")

    assert "You need a self-hosted helpdesk" in previewed
    assert "You answer most customers by phone" in live
    assert "You only need live chat" in live
    assert "self-hosted" not in live
