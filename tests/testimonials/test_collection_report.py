"""The public report on how one product's reviews were collected: its figures match the
records, quarter by quarter; its totals add up to the moderation record on the product
page; it says plainly whether every customer was invited; the JSON says what the page
says; anyone can read it, in English and in Japanese; and it costs the same number of
queries however many reviews and invitations there are."""

import datetime
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine
from bs4 import BeautifulSoup

from testimonials import transparency
from testimonials.models import CustomerContact, Testimonial
from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.home.translations import japanese
from tests.query_counts import MAX_QUERIES
from tests.testimonials.advocate_factories import NpsInvitationFactory
from tests.testimonials.collection_records import at, campaign, contact, invite, received

pytestmark = pytest.mark.django_db

Source, Reason = Testimonial.Source, Testimonial.RejectionReason


@pytest.fixture
def records(our_product, nps_survey):
    """Three quarters of one product's records, and a second product's beside them.

    2025 Q4: an organic review, published.
    2026 Q2: 3 invited (one answered, one bounced); the answer published (2 stars), an
             organic 5 published, an organic 1 rejected as spam, an organic 4 pending.
    2026 Q4: 1 invited and answered (the answer pending, 3 stars); an After-NPS 4 and
             an imported G2 5 published; an imported Capterra 3 withdrawn; an unrated
             organic one rejected as off-topic.
    Five customers on the list; the fifth asked not to be written to and was never
    invited."""
    product = our_product
    people = [contact(product, name) for name in ("Ada", "Ben", "Cleo", "Dev")]
    contact(product, "Eve", unsubscribed_at=at(2026, 1, 5))
    spring = campaign(product, at(2026, 4, 15))
    autumn = campaign(product, at(2026, 10, 5))
    answered = invite(spring, people[0], at(2026, 4, 15), answered_at=at(2026, 4, 20))
    invite(spring, people[1], at(2026, 4, 15), bounced_at=at(2026, 4, 15, 13))
    invite(spring, people[2], at(2026, 4, 15))
    answered_later = invite(autumn, people[3], at(2026, 10, 5), answered_at=at(2026, 10, 7))

    received(product, at(2025, 11, 2), 4, state="approved")
    received(product, at(2026, 4, 20), 2, Source.INVITED, "approved", invitation=answered)
    received(product, at(2026, 5, 1), 5, state="approved")
    received(product, at(2026, 5, 2), 1, state=Reason.SPAM)
    received(product, at(2026, 6, 30), 4)
    received(product, at(2026, 10, 7), 3, Source.INVITED, invitation=answered_later)
    nps = NpsInvitationFactory(survey=nps_survey)
    received(product, at(2026, 10, 8), 4, Source.AFTER_NPS, "approved", nps_invitation=nps)
    received(product, at(2026, 10, 9), 5, Source.IMPORT, "approved", platform="g2")
    received(product, at(2026, 10, 10), 3, Source.IMPORT, "withdrawn", platform="capterra")
    received(product, at(2026, 11, 1), None, state=Reason.OFF_TOPIC)

    other = ProductFactory(ours=True, name="Fernhill Chat")
    received(other, at(2026, 10, 1), 1, state="approved")
    invite(campaign(other, at(2026, 11, 20)), contact(other, "Zed"), at(2026, 11, 20))
    return product


def figures(row):
    names = ("invited", "answered_invitations", "response_rate", "answers", "submitted")
    names += ("published", "pending", "withdrawn", "rejected")
    return tuple(row[name] for name in names)


def test_the_figures_match_the_records_quarter_by_quarter(records):
    report = transparency.collection_report(records)

    assert [(quarter["quarter"], figures(quarter)) for quarter in report["quarters"]] == [
        ("2026-Q4", (1, 1, 100, 1, 5, 2, 1, 1, 1)),
        ("2026-Q2", (3, 1, 33, 1, 4, 2, 1, 0, 1)),
        ("2025-Q4", (0, 0, None, 0, 1, 1, 0, 0, 0)),
    ]
    assert [str(quarter["label"]) for quarter in report["quarters"]] == [
        "2026 Q4",
        "2026 Q2",
        "2025 Q4",
    ]
    assert figures(report["totals"]) == (4, 2, 50, 2, 10, 5, 2, 1, 2)
    assert report["totals"]["bounced"] == 1
    spam = report["quarters"][1]["rejections"]
    assert [(row["reason"], row["count"]) for row in spam] == [(Reason.SPAM, 1)]
    assert [cell["count"] for cell in spam[0]["ratings"]] == [1, 0, 0, 0, 0, 0]
    off_topic = report["quarters"][0]["rejections"][0]
    assert [cell["count"] for cell in off_topic["ratings"]] == [0, 0, 0, 0, 0, 1]


def test_published_ratings_by_source_and_what_was_imported(records):
    report = transparency.collection_report(records)

    by_source = {
        row["source"]: [star["count"] for star in row["stars"]] for row in report["ratings"]
    }
    assert by_source == {  # five stars first
        Source.INVITED: [0, 0, 0, 1, 0],
        Source.FORM: [1, 1, 0, 0, 0],
        Source.AFTER_NPS: [0, 1, 0, 0, 0],
        Source.IMPORT: [1, 0, 0, 0, 0],
    }
    assert report["imported"]["count"] == 2
    assert [(row["platform"], row["count"]) for row in report["imported"]["platforms"]] == [
        ("capterra", 1),
        ("g2", 1),
    ]
    assert report["last_campaign_launched_at"] == at(2026, 10, 5)


def test_interview_is_compared_only_when_there_is_one(our_product):
    sources = [row["source"] for row in transparency.collection_report(our_product)["ratings"]]
    assert Source.INTERVIEW not in sources

    received(our_product, at(2026, 9, 1), 5, Source.INTERVIEW, "approved")
    sources = [row["source"] for row in transparency.collection_report(our_product)["ratings"]]
    assert sources[-1] == Source.INTERVIEW


def test_the_totals_add_up_to_the_moderation_record_on_the_product_page(records):
    record = Testimonial.objects.filter(product=records).summary()
    totals = transparency.collection_report(records)["totals"]
    moderation = record["moderation"]

    assert totals["submitted"] == moderation["submitted"] == 10
    assert (
        totals["submitted"]
        == totals["published"] + totals["pending"] + totals["withdrawn"] + totals["rejected"]
    )
    assert totals["published"] == moderation["published"]
    assert totals["pending"] == moderation["pending"]
    assert totals["withdrawn"] == moderation["withdrawn"]
    assert totals["rejected"] == moderation["rejected_total"]
    assert [(str(row["label"]), row["count"]) for row in totals["rejections"]] == [
        (str(row["reason"]), row["count"]) for row in moderation["rejected"]
    ]


def test_a_review_counts_in_the_quarter_it_was_received_in_the_sites_time_zone(
    our_product, settings
):
    settings.TIME_ZONE = "Asia/Tokyo"
    # 31 March 23:30 in Tokyo is still the first quarter there; 1 April 00:30 is not.
    received(our_product, datetime.datetime(2026, 3, 31, 14, 30, tzinfo=datetime.UTC), 5)
    received(our_product, datetime.datetime(2026, 3, 31, 15, 30, tzinfo=datetime.UTC), 4)

    quarters = transparency.collection_report(our_product)["quarters"]

    assert [(quarter["quarter"], quarter["submitted"]) for quarter in quarters] == [
        ("2026-Q2", 1),
        ("2026-Q1", 1),
    ]


def test_invitations_count_only_for_the_last_twelve_months(our_product):
    person = contact(our_product, "Ada")
    with time_machine.travel(at(2027, 1, 10)):
        invite(campaign(our_product, at(2026, 1, 9)), person, at(2026, 1, 9))
        lapsed = transparency.collection_report(our_product)["coverage"]
    invited = transparency.collection_report(our_product)["coverage"]

    assert (lapsed["invited"], lapsed["everyone"]) == (0, False)
    assert (invited["invited"], invited["everyone"]) == (1, True)


# The page -------------------------------------------------------------------------------


def report_url(wall, slug="fernhill-desk"):
    return f"{wall.url}how-collected/{slug}/"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def words(element):
    return " ".join(element.get_text().split())


def table_rows(soup, selector):
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in soup.select(f"{selector} tr")
    ]


def test_anyone_can_read_the_report(client, records, wall_page):
    soup = page(client, report_url(wall_page))

    assert soup.h1.get_text(strip=True) == "How the reviews of Fernhill Desk were collected"
    assert table_rows(soup, ".collection-report__quarters") == [
        [
            "Quarter",
            "Customers invited",
            "Response rate",
            "Answers",
            "Received",
            "Published",
            "Pending",
            "Withdrawn",
            "Rejected",
        ],
        ["2026 Q4", "1", "100%", "1", "5", "2", "1", "1", "1"],
        ["2026 Q2", "3", "33%", "1", "4", "2", "1", "0", "1"],
        ["2025 Q4", "0", "–", "0", "1", "1", "0", "0", "0"],
        ["All quarters", "4", "50%", "2", "10", "5", "2", "1", "2"],
    ]
    text = words(soup.main)
    assert "Our last invitation campaign was launched on 5 October 2026." in text
    assert "Response rate: 50% (2 of 4 invitations answered)." in text
    assert "2 reviews were imported from other sites: Capterra (1), G2 (1)." in text
    assert table_rows(soup, ".collection-report__rejections")[1:] == [
        ["2026 Q4", "Off-topic", "0", "0", "0", "0", "0", "1"],
        ["2026 Q2", "Spam", "1", "0", "0", "0", "0", "0"],
    ]
    chart = soup.select_one(".collection-report svg[role=img]")
    assert "Invited: 1 published, 0% with 5 stars" in chart.desc.get_text()


def test_the_sentence_says_when_not_every_customer_was_invited(client, records, wall_page):
    text = page(client, report_url(wall_page)).select_one(".collection-report__coverage")

    assert text.get_text(" ", strip=True) == (
        "Not every customer was invited: 4 of our 5 customers of Fernhill Desk on our list "
        "(80%) were invited in the last 12 months."
    )


def test_the_sentence_says_when_every_customer_was_invited(client, our_product, wall_page):
    spring = campaign(our_product, at(2026, 4, 15))
    for name in ("Ada", "Ben"):
        invite(spring, contact(our_product, name), at(2026, 4, 15))

    text = page(client, report_url(wall_page)).select_one(".collection-report__coverage")

    assert text.get_text(" ", strip=True) == (
        "Every one of our 2 customers of Fernhill Desk on our list was invited in the last "
        "12 months."
    )


def test_the_json_says_what_the_page_says(client, records, wall_page):
    soup = page(client, report_url(wall_page))
    data = json.loads(client.get(report_url(wall_page) + "?format=json").content)

    shown = table_rows(soup, ".collection-report__quarters")[1:]
    for row, quarter in zip(shown, [*data["quarters"], data["totals"]], strict=True):
        rate = "–" if quarter["response_rate"] is None else f"{quarter['response_rate']}%"
        assert row[1:] == [
            str(quarter["invited"]),
            rate,
            *(str(quarter[name]) for name in ("answers", "submitted", "published")),
            *(str(quarter[name]) for name in ("pending", "withdrawn", "rejected")),
        ]
    assert [quarter["quarter"] for quarter in data["quarters"]] == ["2026-Q4", "2026-Q2", "2025-Q4"]
    assert data["customers"] == {
        "on_list": 5,
        "invited": 4,
        "invited_since": "2025-11-26",
        "invited_percent": 80,
        "unsubscribed_not_invited": 1,
        "every_customer_invited": False,
    }
    assert data["last_campaign_launched_on"] == "2026-10-05"
    assert data["imported"]["count"] == 2
    sources = {row["source"]: row["stars"] for row in data["ratings_by_source"]}
    assert sources["invited"] == {"5": 0, "4": 0, "3": 0, "2": 1, "1": 0}
    assert data["totals"]["rejections"][0]["by_rating"]["1"] == 1
    assert "1 customer who was not invited had asked us not to write to them." in soup.get_text(
        " ", strip=True
    )


def test_an_unknown_product_or_a_competitors_has_no_report(client, records, wall_page):
    ProductFactory(name="Rival Desk")

    assert client.get(report_url(wall_page, "rival-desk")).status_code == 404
    assert client.get(report_url(wall_page, "no-such-product")).status_code == 404
    assert client.get(report_url(wall_page, "no-such-product") + "?format=json").status_code == 404


def test_the_product_page_and_the_wall_link_to_it(client, records, wall_page, product_index):
    product_page = ProductPageFactory(parent=product_index, product=records)

    on_product_page = page(client, product_page.url).select_one(".collection-report-link a")
    on_wall = page(client, wall_page.url).select(".collection-reports a")

    assert on_product_page["href"] == report_url(wall_page)
    assert [(link.get_text(), link["href"]) for link in on_wall] == [
        ("Fernhill Chat", report_url(wall_page, "fernhill-chat")),
        ("Fernhill Desk", report_url(wall_page)),
    ]


def test_the_sitemap_lists_each_products_report(client, records, wall_page):
    sitemap = client.get("/sitemap.xml").content.decode()

    assert f"<loc>http://localhost{report_url(wall_page)}</loc>" in sitemap
    assert f"<loc>http://localhost{report_url(wall_page, 'fernhill-chat')}</loc>" in sitemap


def test_the_japanese_report_shows_the_same_figures_in_japanese(
    client, records, home_page, wall_page
):
    japanese(home_page)
    japanese_wall = japanese(wall_page)

    soup = page(client, report_url(japanese_wall))

    assert japanese_wall.url == "/ja/testimonials/"
    assert soup.html["lang"] == "ja"
    assert "2026年10月5日" in soup.main.get_text()
    rows = table_rows(soup, ".collection-report__quarters")
    assert rows[1][1:] == ["1", "100%", "1", "5", "2", "1", "1", "1"]
    assert table_rows(soup, ".collection-report__rejections")[2][1:3] == ["スパム", "1"]


# Queries --------------------------------------------------------------------------------


def more_of_everything(product, nps_survey, n):
    """``n`` more customers invited and answering, and reviews of every kind, spread
    over several quarters."""
    for i in range(n):
        month = 1 + i % 12
        sent = at(2025 + i % 2, month, 10)
        person = contact(product, f"Extra{i}")
        invitation = invite(campaign(product, sent), person, sent, answered_at=sent)
        received(product, sent, 1 + i % 5, Source.INVITED, "approved", invitation=invitation)
        received(product, sent, 1 + i % 5, state=Reason.DUPLICATE)
        received(
            product,
            sent,
            5,
            Source.AFTER_NPS,
            "approved",
            nps_invitation=NpsInvitationFactory(survey=nps_survey),
        )
        received(product, sent, 4, Source.IMPORT, "approved", platform="trustradius")


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_report_costs_the_same_queries_however_much_there_is(
    client, records, wall_page, nps_survey
):
    url = report_url(wall_page)
    few = queries(client, url), queries(client, url + "?format=json")

    more_of_everything(records, nps_survey, 12)
    many = queries(client, url), queries(client, url + "?format=json")

    assert many == few
    assert max(few) <= MAX_QUERIES


def test_the_figures_are_four_queries(records, nps_survey, django_assert_num_queries):
    with django_assert_num_queries(4):
        transparency.collection_report(records)
    more_of_everything(records, nps_survey, 8)
    with django_assert_num_queries(4):
        transparency.collection_report(records)
    with django_assert_num_queries(1):
        transparency.product_for_slug("fernhill-desk")


# The page cache -------------------------------------------------------------------------


@pytest.mark.parametrize("change", ["campaign", "invitation", "customer"])
def test_a_cached_report_shows_a_new_campaign_invitation_or_customer(
    client, settings, our_product, wall_page, django_capture_on_commit_callbacks, change
):
    settings.PAGE_CACHE_SECONDS = 600
    spring = campaign(our_product, at(2026, 4, 15))
    invite(spring, contact(our_product, "Ada"), at(2026, 4, 15))
    ben = contact(our_product, "Ben")
    urls = [report_url(wall_page), report_url(wall_page) + "?format=json"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit", url

    with django_capture_on_commit_callbacks(execute=True):
        if change == "campaign":
            campaign(our_product, at(2026, 11, 20))
        elif change == "invitation":
            invite(spring, ben, at(2026, 11, 20))
        else:
            CustomerContact.objects.create(
                name="Cleo", email="cleo@customer.example", lawful_basis="contract"
            )

    for url in urls:
        assert client.get(url)["X-Cache"] == "miss", url
