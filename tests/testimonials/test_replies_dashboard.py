"""The dashboard lists published testimonials rated 3 stars or below that have no reply
yet, newest first, each with its link to reply: for Editors, who reply; at a fixed
number of queries however many there are."""

import datetime

from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from testimonials.replies.dashboard import UnansweredLowRatingsPanel
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.reply_factories import TestimonialReplyFactory

pytestmark = pytest.mark.django_db

PANEL = "#candor-unanswered-low-ratings-content"


def dashboard_as(django_user_model, group_name):
    client = Client()
    client.force_login(user_in_group(django_user_model, "user", Group.objects.get(name=group_name)))
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def low_ratings(our_product):
    older = TestimonialFactory(
        approved=True, product=our_product, rating=1, author_name="Older", submitted_at=days_ago(9)
    )
    newer = TestimonialFactory(
        approved=True, product=our_product, rating=3, author_name="Newer", submitted_at=days_ago(2)
    )
    TestimonialReplyFactory(
        testimonial=TestimonialFactory(
            approved=True, product=our_product, rating=2, author_name="Answered"
        )
    )
    TestimonialFactory(approved=True, product=our_product, rating=4, author_name="Happy")
    TestimonialFactory(product=our_product, rating=1, author_name="Pending")
    return older, newer


def test_editors_see_unanswered_low_ratings_newest_first_with_a_link_to_reply(
    django_user_model, low_ratings
):
    older, newer = low_ratings

    panel = dashboard_as(django_user_model, "Editors").select_one(PANEL)

    rows = panel.select("tbody tr")
    assert [row.select_one("td.title").get_text(strip=True) for row in rows] == [
        "Newer on Fernhill Desk",
        "Older on Fernhill Desk",
    ]
    add = reverse("wagtailsnippets_testimonials_testimonialreply:add")
    assert [row.select_one("a.button")["href"] for row in rows] == [
        f"{add}?testimonial={newer.pk}",
        f"{add}?testimonial={older.pk}",
    ]
    assert "2 published testimonials rated 3 stars or below" in panel.get_text()


def test_when_every_low_rating_is_answered_it_says_so(django_user_model, our_product):
    TestimonialReplyFactory(testimonial=TestimonialFactory(approved=True, rating=1))

    panel = dashboard_as(django_user_model, "Editors").select_one(PANEL)

    assert not panel.select("table")
    assert "has our public reply" in panel.get_text()


@pytest.mark.parametrize("group_name", ["Moderators", "Sales"])
def test_those_who_cannot_reply_do_not_see_it(django_user_model, low_ratings, group_name):
    assert dashboard_as(django_user_model, group_name).select_one(PANEL) is None


def test_the_panel_costs_two_queries_however_many_wait(
    django_user_model, our_product, django_assert_num_queries
):
    request = RequestFactory().get("/admin/")
    request.user = django_user_model.objects.create_superuser("root", password="unused-here")

    def render():
        with django_assert_num_queries(2):
            return UnansweredLowRatingsPanel().render_html({"request": request})

    TestimonialFactory.create_batch(12, approved=True, product=our_product, rating=2)
    html = render()
    TestimonialFactory.create_batch(30, approved=True, product=our_product, rating=1)

    assert "12 published testimonials" in html
    assert "42 published testimonials" in render()
