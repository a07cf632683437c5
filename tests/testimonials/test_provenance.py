"""Where each testimonial came from, as a prospect reads it on the card and the full
page, and as machines read it in the API and JSON-LD: invited (with the day and the
every-customer sentence), organic, after NPS, imported (site, day, link) or an
interview; and how its author was verified. Imported ones are never "invited"."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from testimonials.models import Testimonial
from tests.comparisons.factories import ProductPageFactory
from tests.home.test_structured_data import graph_of, only
from tests.home.translations import japanese
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.reply_factories import after_nps, imported, invited

pytestmark = pytest.mark.django_db

SENT = datetime.datetime(2026, 3, 3, 9, 0, tzinfo=datetime.UTC)


def card(client, url):
    response = client.get(url)
    assert response.status_code == 200
    (figure,) = BeautifulSoup(response.content, "html.parser").select("figure.testimonial")
    return figure


def provenance_text(figure):
    return " ".join(figure.select_one(".testimonial__provenance").get_text(" ").split())


def api_item(client):
    (item,) = client.get("/api/v2/testimonials/").json()["items"]
    return item


def test_invited_says_when_and_that_every_customer_was_asked(client, wall_page, our_product):
    invited(our_product, SENT)

    figure = card(client, wall_page.url)

    assert provenance_text(figure).startswith(
        "Invited Invited on 3 March 2026. We invited every customer in the group, "
        "not only satisfied ones."
    )
    link = figure.select_one(".testimonial__provenance a")
    assert link.get_text() == "How these reviews were collected"
    assert link["href"] == f"{wall_page.url}how-collected/fernhill-desk/"
    assert "✓ Verified customer: invited from our customer list" in figure.get_text()


def test_organic_and_interview_say_so_and_unverified_says_not_verified(
    client, wall_page, our_product
):
    TestimonialFactory(approved=True, product=our_product)
    assert provenance_text(card(client, wall_page.url)) == (
        "Organic Sent through our public form, unprompted."
    )
    Testimonial.objects.update(source=Testimonial.Source.INTERVIEW)

    figure = card(client, wall_page.url)

    assert provenance_text(figure) == "Interview Given in an interview with us."
    assert figure.select_one(".label--unverified").get_text() == "Not verified"


def test_after_nps_whatever_the_score(client, wall_page, our_product):
    after_nps(our_product, verification=Testimonial.Verification.ACCOUNT)

    figure = card(client, wall_page.url)

    assert provenance_text(figure) == (
        "After NPS Written after our customer survey, which asks every customer "
        "whatever their score."
    )
    assert "✓ Verified customer: matched to a customer account" in figure.get_text()


def test_imported_names_the_site_and_day_and_links_the_original_as_external(
    client, wall_page, our_product
):
    # Even marked as from our customer list by hand, an import is never "invited".
    imported(our_product, verification=Testimonial.Verification.CUSTOMER_LIST)

    figure = card(client, wall_page.url)

    text = provenance_text(figure)
    assert text.startswith("Imported Originally posted on G2 on 3 March 2026")
    assert "nvited" not in figure.get_text()
    link = figure.select_one(".testimonial__provenance a")
    assert link["href"].startswith("https://www.g2.com/")
    assert link["rel"] == ["nofollow", "noopener"]
    assert " ".join(link.get_text(" ").split()) == "read it on G2 (external site)"
    assert figure.select_one(".label--unverified").get_text() == "Not verified"


def test_the_full_page_shows_the_provenance_with_its_link(client, wall_page, our_product):
    testimonial = invited(our_product, SENT)

    figure = card(client, f"{wall_page.url}{testimonial.pk}/")

    assert "Invited on 3 March 2026." in provenance_text(figure)
    assert figure.select_one(".testimonial__provenance a")["href"].endswith(
        "how-collected/fernhill-desk/"
    )


def test_japanese_pages_write_the_dates_the_japanese_way(client, home_page, wall_page, our_product):
    japanese(home_page)
    japanese_wall = japanese(wall_page)
    imported(our_product)
    invited(our_product, SENT)

    response = client.get(japanese_wall.url)

    texts = [
        provenance_text(figure)
        for figure in BeautifulSoup(response.content, "html.parser").select("figure")
    ]
    assert any("2026年3月3日" in text for text in texts)
    assert not any("3 March 2026" in text for text in texts)


def test_the_api_gives_the_provenance_and_nothing_private(client, our_product):
    testimonial = invited(our_product, SENT, email="private@customer.example")

    item = api_item(client)

    assert item["provenance"] == {
        "kind": "invited",
        "label": "Invited",
        "explanation": "Invited on 3 March 2026. We invited every customer in the group, "
        "not only satisfied ones.",
        "date": "2026-03-03",
        "platform": "",
        "original_url": "",
        "original_date": None,
        "verified": True,
        "verification": "Verified customer: invited from our customer list",
    }
    body = str(item)
    assert testimonial.invitation.campaign.name not in body
    assert "private@customer.example" not in body


def test_the_api_gives_an_imported_reviews_origin(client, our_product):
    imported(our_product)

    provenance = api_item(client)["provenance"]

    assert (provenance["kind"], provenance["platform"]) == ("import", "G2")
    assert provenance["original_url"].startswith("https://www.g2.com/")
    assert provenance["original_date"] == "2026-03-03"
    assert provenance["verified"] is False


def reviews_on(client, page):
    response = client.get(page.url)
    graph = graph_of(BeautifulSoup(response.content, "html.parser"))
    return only(graph, "Product")["review"]


def test_json_ld_dates_an_imported_review_by_its_original_and_names_its_site(
    client, product_index, site_settings, our_product
):
    page = ProductPageFactory(parent=product_index, product=our_product)
    imported(our_product, submitted_at=timezone.now())

    (review,) = reviews_on(client, page)

    assert review["datePublished"] == "2026-03-03"
    assert review["publisher"] == {"@type": "Organization", "name": "G2"}
    assert review["url"].startswith("https://www.g2.com/")


def test_json_ld_of_a_review_sent_here_is_dated_the_day_it_was_sent(
    client, product_index, site_settings, our_product
):
    page = ProductPageFactory(parent=product_index, product=our_product)
    invited(our_product, SENT)

    (review,) = reviews_on(client, page)

    assert review["datePublished"] == timezone.localdate().isoformat()
    assert "publisher" not in review
    assert "url" not in review
