"""The guide to leaving one of our products: what a customer who wants to go reads, and
how editors place it."""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
import time_machine
from bs4 import BeautifulSoup

from comparisons.models import ExitGuidePage, NotSuitableFor
from home.honesty import PublishingRefused
from tests.comparisons.factories import (
    ComparisonPageFactory,
    ExitGuidePageFactory,
    ProductFactory,
    ProductPageFactory,
)
from tests.query_counts import MAX_QUERIES, queries_to_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def product_page(product_index, site_settings):
    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    page = ProductPageFactory(parent=product_index, title="Fernhill Desk", product=ours)
    rival = ProductFactory(
        name="Tidewell Desk", vendor="Tidewell", website="https://tidewell.example/desk"
    )
    NotSuitableFor.objects.create(
        page=page,
        situation="You answer most customers by phone",
        reason="We have no phone channel.",
        alternative=rival,
        sort_order=0,
    )
    return page


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main.get_text(" ", strip=True)


def test_the_guide_says_how_to_export_cancel_and_what_happens_to_the_data(client, product_page):
    guide = ExitGuidePageFactory(
        parent=product_page,
        export_formats=[
            ("format", {"name": "CSV", "contents": "Tickets and customers."}),
            ("format", {"name": "JSON", "contents": "Every reply and note."}),
        ],
        notice_period="None: cancel any time.",
    )

    text = text_of(client, guide.url)

    assert "How to leave Fernhill Desk" in text
    assert "Settings → Export" in text
    assert "CSV Tickets and customers." in text
    assert "JSON Every reply and note." in text
    assert "Notice period None: cancel any time." in text
    assert "Cancel from Billing; no fee." in text
    assert "Deleted 30 days after the account closes." in text


def test_the_guide_names_the_alternatives_the_product_page_recommends(client, product_page):
    guide = ExitGuidePageFactory(parent=product_page)
    rival = product_page.not_suitable_for.get().alternative
    NotSuitableFor.objects.create(
        page=product_page,
        situation="You need your vendor on call around the clock",
        reason="Our support works office hours.",
        alternative=rival,
        sort_order=1,
    )

    html = client.get(guide.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    section = soup.find(id="alternatives").find_parent("section")

    link = section.find("a", string="Tidewell Desk")
    assert link["href"] == "https://tidewell.example/desk"
    assert "by Tidewell, a competitor" in section.get_text(" ", strip=True)
    assert "You answer most customers by phone" in section.get_text(" ", strip=True)
    # Recommended twice, named once, with both situations.
    assert len(section.find_all("a", string="Tidewell Desk")) == 1
    assert "You need your vendor on call around the clock" in section.get_text(" ", strip=True)
    assert soup.find("a", href=product_page.url), "a way back to the product page"


def test_the_product_page_links_to_its_published_guide_only(client, product_page):
    guide = ExitGuidePageFactory(parent=product_page)
    assert guide.url in client.get(product_page.url).content.decode()

    guide.unpublish()

    assert guide.url not in client.get(product_page.url).content.decode()


def guide_form(**overrides):
    return nested_form_data(
        {
            "title": "Leaving Fernhill Desk",
            "slug": "leaving",
            "intro": rich_text(""),
            "export_steps": rich_text("<p>Settings → Export.</p>"),
            "export_formats": streamfield(
                [("format", {"name": "CSV", "contents": "Tickets and customers."})]
            ),
            "notice_period": "None.",
            "cancellation_terms": rich_text("<p>No fee.</p>"),
            "data_after_leaving": rich_text("<p>Deleted after 30 days.</p>"),
            "last_reviewed": "2026-11-01",
            **overrides,
        }
    )


def test_an_editor_writes_one_guide_under_a_product_page(editors_client, product_page):
    url = f"/admin/pages/add/comparisons/exitguidepage/{product_page.pk}/"

    response = editors_client.post(url, guide_form())

    assert response.status_code == 302
    guide = ExitGuidePage.objects.child_of(product_page).get()
    assert (guide.title, guide.live) == ("Leaving Fernhill Desk", False)
    assert guide.export_formats[0].value["name"] == "CSV"
    # One guide per product: a second is refused.
    editors_client.post(url, guide_form(slug="leaving-again"))
    assert ExitGuidePage.objects.child_of(product_page).count() == 1


def test_a_guide_has_nowhere_to_go_but_under_a_product_page(product_page, comparison_index):
    assert not ExitGuidePage.can_create_at(comparison_index)
    assert not ExitGuidePage.can_create_at(product_page.get_parent())
    assert not ExitGuidePage.can_create_at(
        ComparisonPageFactory(parent=comparison_index, live=False)
    )
    assert ExitGuidePage.can_create_at(product_page)


def test_a_guide_with_a_required_part_missing_is_refused(editors_client, product_page):
    url = f"/admin/pages/add/comparisons/exitguidepage/{product_page.pk}/"

    # A draft may be saved half-written; one sent for moderation may not.
    response = editors_client.post(
        url,
        guide_form(notice_period="", export_formats=streamfield([]), **{"action-submit": "submit"}),
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"notice_period", "export_formats"}
    assert not ExitGuidePage.objects.exists()


def test_the_guide_costs_the_same_queries_with_one_alternative_or_many(
    client, product_index, product_page
):
    few = ExitGuidePageFactory(parent=product_page)
    busy = ProductPageFactory(parent=product_index, product=ProductFactory(ours=True))
    for number in range(8):
        NotSuitableFor.objects.create(
            page=busy,
            situation=f"Situation {number}",
            reason="Another product fits better.",
            # Half our own products with pages of their own, half competitors'.
            alternative=(
                ProductPageFactory(parent=product_index, product=ProductFactory(ours=True)).product
                if number % 2
                else ProductFactory()
            ),
            sort_order=number,
        )
    many = ExitGuidePageFactory(parent=busy)

    assert queries_to_render(client, many.url) == queries_to_render(client, few.url)
    assert queries_to_render(client, many.url) <= MAX_QUERIES


def test_a_guide_under_an_unpublished_product_page_is_not_shown(client, product_page):
    guide = ExitGuidePageFactory(parent=product_page)
    url = guide.url

    product_page.unpublish()

    assert client.get(url).status_code == 404
    assert guide.get_sitemap_urls() == []
    guide.refresh_from_db()
    assert guide.live, "the guide itself was not touched; it shows again with its page"


REFUSED = "this guide goes live with it"


@pytest.fixture
def draft_product_page(product_page):
    product_page.unpublish()
    product_page.refresh_from_db()
    return product_page


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(username="mona", password="unused-here")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_the_publish_button_refuses_a_guide_before_its_product_page(
    client, moderator, draft_product_page
):
    guide = ExitGuidePageFactory(parent=draft_product_page, live=False)
    client.force_login(moderator)

    response = client.post(
        f"/admin/pages/{guide.pk}/edit/", guide_form(**{"action-publish": "publish"})
    )

    assert REFUSED in response.content.decode()
    guide.refresh_from_db()
    assert not guide.live


def test_publishing_a_guide_from_code_or_on_schedule_waits_for_its_product_page(
    moderator, draft_product_page
):
    guide = ExitGuidePageFactory(parent=draft_product_page, live=False)
    with pytest.raises(PublishingRefused, match=REFUSED):
        guide.save_revision(user=moderator).publish(user=moderator)

    go_live_at = timezone.now() + datetime.timedelta(hours=1)
    guide.go_live_at = go_live_at
    guide.save_revision(user=moderator, approved_go_live_at=go_live_at)
    with time_machine.travel(go_live_at + datetime.timedelta(minutes=5)):
        call_command("publish_scheduled")
    guide.refresh_from_db()
    assert not guide.live

    draft_product_page.save_revision(user=moderator).publish(user=moderator)
    guide.save_revision(user=moderator).publish(user=moderator)
    guide.refresh_from_db()
    assert guide.live
