"""Our public replies: an Editor answers a published testimonial once, from its row or
its edit view; editing keeps the earlier words in public; nobody deletes a reply;
Moderators and Sales cannot reply. Readers see the reply under the testimonial, as
plain text, in the API and as the Review's comment in JSON-LD; it leaves with its
testimonial, and a cached page shows it as soon as it is saved."""

import datetime

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data

import pytest
import time_machine
from bs4 import BeautifulSoup

from testimonials.models import Testimonial, TestimonialReply
from tests.comparisons.factories import ProductPageFactory
from tests.home.test_structured_data import graph_of, only
from tests.home.translations import japanese
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.reply_factories import TestimonialReplyFactory

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_testimonials_testimonialreply:add"
EDIT = "wagtailsnippets_testimonials_testimonialreply:edit"
DELETE = "wagtailsnippets_testimonials_testimonialreply:delete"
NEXT_WEEK = datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC)


def client_of(django_user_model, group_name, username, **names):
    user = user_in_group(django_user_model, username, Group.objects.get(name=group_name))
    django_user_model.objects.filter(pk=user.pk).update(**names)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(django_user_model):
    return client_of(django_user_model, "Editors", "erin", first_name="Erin", last_name="Ito")


@pytest.fixture
def moderator_client(django_user_model):
    return client_of(django_user_model, "Moderators", "mona")


@pytest.fixture
def sales_client(django_user_model):
    return client_of(django_user_model, "Sales", "sam")


@pytest.fixture
def published(our_product):
    return TestimonialFactory(approved=True, product=our_product, rating=2, quote="Slow exports.")


def add_url(testimonial):
    return f"{reverse(ADD)}?testimonial={testimonial.pk}"


def reply_form(**fields):
    return nested_form_data(
        {"text": "We fixed exports.", "replier_name": "Erin Ito", "replier_role": "Head of Support"}
        | fields
    )


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


# Writing a reply ------------------------------------------------------------------------


def test_an_editor_replies_with_their_name_filled_in_and_the_role_typed(editor_client, published):
    form = BeautifulSoup(editor_client.get(add_url(published)).content, "html.parser")
    assert form.select_one("input[name=replier_name]")["value"] == "Erin Ito"
    assert "Slow exports." in form.get_text()

    response = editor_client.post(add_url(published), reply_form())

    assert response.status_code == 302
    reply = TestimonialReply.objects.get(testimonial=published)
    assert (reply.text, reply.replier_name, reply.replier_role) == (
        "We fixed exports.",
        "Erin Ito",
        "Head of Support",
    )
    assert reply.replied_by.username == "erin"
    assert reply.edited_at is None


def test_replying_never_changes_the_customers_words_or_rating(editor_client, published):
    before = Testimonial.objects.values().get(pk=published.pk)

    editor_client.post(add_url(published), reply_form())
    reply = TestimonialReply.objects.get(testimonial=published)
    editor_client.post(reverse(EDIT, args=[reply.pk]), reply_form(text="Fixed in 4.2."))

    assert Testimonial.objects.values().get(pk=published.pk) == before


def test_a_second_reply_is_refused_and_leads_to_the_first(editor_client, published):
    reply = TestimonialReplyFactory(testimonial=published)

    response = editor_client.post(add_url(published), reply_form(text="Another answer."))

    assert response["Location"] == reverse(EDIT, args=[reply.pk])
    assert "already has our public reply" in messages_of(response)[0]
    assert list(TestimonialReply.objects.values_list("text", flat=True)) == [reply.text]
    with pytest.raises(ValidationError):
        TestimonialReply.objects.create(testimonial=published, text="By code.")


@pytest.mark.parametrize("state", ["pending", "rejected", "withdrawn"])
def test_only_a_published_testimonial_is_answered(editor_client, our_product, state):
    testimonial = TestimonialFactory(
        product=our_product, **{state: True} if state != "pending" else {}
    )

    response = editor_client.post(add_url(testimonial), reply_form())

    assert "not published" in messages_of(response)[0]
    assert not TestimonialReply.objects.exists()
    with pytest.raises(ValidationError):
        TestimonialReply.objects.create(testimonial=testimonial, text="By code.")


def test_the_add_view_without_a_testimonial_says_where_to_reply_from(editor_client):
    response = editor_client.get(reverse(ADD))

    assert response["Location"] == reverse("wagtailsnippets_testimonials_testimonial:list")
    assert "Reply publicly" in messages_of(response)[0]


@pytest.mark.parametrize("who", ["moderator_client", "sales_client"])
def test_moderators_and_sales_cannot_reply(request, who, published):
    client = request.getfixturevalue(who)
    reply = TestimonialReplyFactory(testimonial=TestimonialFactory(approved=True))

    answers = [
        client.get(add_url(published)),
        client.post(add_url(published), reply_form()),
        client.post(reverse(EDIT, args=[reply.pk]), reply_form(text="Changed.")),
    ]

    assert all(answer["Location"] == reverse("wagtailadmin_home") for answer in answers)
    assert not TestimonialReply.objects.filter(testimonial=published).exists()
    reply.refresh_from_db()
    assert reply.text != "Changed."


def test_nobody_deletes_a_reply_not_even_a_superuser(editor_client, admin_client, published):
    reply = TestimonialReplyFactory(testimonial=published)

    for client in (editor_client, admin_client):
        client.post(reverse(DELETE, args=[reply.pk]))

    assert TestimonialReply.objects.filter(pk=reply.pk).exists()


# Editing keeps the history ---------------------------------------------------------------


def test_editing_marks_the_reply_edited_and_keeps_the_earlier_words(editor_client, published):
    reply = TestimonialReplyFactory(testimonial=published, text="First words.")

    with time_machine.travel(NEXT_WEEK, tick=False):
        editor_client.post(
            reverse(EDIT, args=[reply.pk]),
            reply_form(
                text="Second words.",
                replier_name=reply.replier_name,
                replier_role=reply.replier_role,
            ),
        )

    reply.refresh_from_db()
    assert reply.text == "Second words."
    assert reply.edited_at == NEXT_WEEK
    assert [(edit.text, edit.replaced_at) for edit in reply.edits.all()] == [
        ("First words.", NEXT_WEEK)
    ]


def test_every_path_keeps_the_history_and_saving_unchanged_words_adds_none(published):
    reply = TestimonialReplyFactory(testimonial=published, text="First words.")

    reply.save()
    assert not reply.edits.exists()
    reply.text = "Second words."
    reply.save(update_fields=["text"])

    reply.refresh_from_db()
    assert reply.edited_at is not None
    assert list(reply.edits.values_list("text", flat=True)) == ["First words."]


# Where a reply is found in the admin -----------------------------------------------------


def listing_links(client):
    response = client.get(reverse("wagtailsnippets_testimonials_testimonial:list"))
    soup = BeautifulSoup(response.content, "html.parser")
    return {" ".join(a.get_text().split()): a["href"] for a in soup.select("table a")}


def test_the_testimonials_list_offers_reply_or_edit_reply_to_editors_only(
    editor_client, moderator_client, published, our_product
):
    answered = TestimonialFactory(approved=True, product=our_product)
    reply = TestimonialReplyFactory(testimonial=answered)
    TestimonialFactory(product=our_product)  # pending: nothing to reply to yet

    links = listing_links(editor_client)

    assert links["Reply publicly"] == add_url(published)
    assert links["Edit reply"] == reverse(EDIT, args=[reply.pk])
    assert list(links).count("Reply publicly") == 1
    assert "Reply publicly" not in listing_links(moderator_client)


def test_the_edit_view_of_a_published_testimonial_links_to_the_reply(editor_client, published):
    url = reverse("wagtailsnippets_testimonials_testimonial:edit", args=[published.pk])
    soup = BeautifulSoup(editor_client.get(url).content, "html.parser")

    (link,) = [a for a in soup.select("a") if a.get_text(strip=True) == "Reply publicly"]
    assert link["href"] == add_url(published)


# What readers see ------------------------------------------------------------------------


def reply_block(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".testimonial-reply")


def test_the_reply_is_shown_under_the_testimonial_with_who_and_when(
    client, wall_page, site_settings, published
):
    TestimonialReplyFactory(testimonial=published)

    block = reply_block(client, wall_page.url)

    assert " ".join(block.select_one(".testimonial-reply__from").get_text().split()) == (
        "Reply from Candor Test Co · Hana Sato, Head of Support · 26 November 2026"
    )
    assert block.select_one(".testimonial-reply__text").get_text() == (
        "Thank you: we read every review."
    )
    assert block.select_one("details") is None


def test_an_edited_reply_says_so_and_shows_its_earlier_words(
    client, wall_page, site_settings, published
):
    reply = TestimonialReplyFactory(testimonial=published, text="First words.")
    with time_machine.travel(NEXT_WEEK, tick=False):
        reply.text = "Second words."
        reply.save()

    block = reply_block(client, f"{wall_page.url}{published.pk}/")

    assert "edited 3 December 2026" in block.select_one(".testimonial-reply__from").get_text()
    assert block.select_one(".testimonial-reply__text").get_text() == "Second words."
    history = block.select_one("details")
    assert history.select_one("summary").get_text(strip=True) == "Earlier version of this reply"
    assert " ".join(history.select_one("li").get_text(" ").split()) == (
        "26 November 2026 First words."
    )


def test_a_japanese_page_dates_the_reply_the_japanese_way(
    client, home_page, wall_page, site_settings, published
):
    japanese(home_page)
    japanese_wall = japanese(wall_page)
    reply = TestimonialReplyFactory(testimonial=published)
    with time_machine.travel(NEXT_WEEK, tick=False):
        reply.text = "Second words."
        reply.save()

    block = reply_block(client, japanese_wall.url)

    said = " ".join(block.select_one(".testimonial-reply__from").get_text().split())
    assert "2026年11月26日" in said
    assert "2026年12月3日" in said
    assert "November" not in said


def test_the_widget_shows_the_reply(client, wall_page, site_settings, published):
    TestimonialReplyFactory(testimonial=published)

    block = reply_block(client, f"/embed/testimonials/?product={published.product_id}")

    assert "Reply from Candor Test Co · Hana Sato" in " ".join(block.get_text().split())


def test_a_reply_is_plain_text_whatever_it_holds(client, wall_page, site_settings, published):
    TestimonialReplyFactory(
        testimonial=published,
        text='<script>alert("x")</script> =HYPERLINK("http://evil.example","Click")',
        replier_role="<b>Support</b>",
    )

    response = client.get(wall_page.url)

    block = BeautifulSoup(response.content, "html.parser").select_one(".testimonial-reply")
    assert block.select("script, b") == []
    assert block.select_one(".testimonial-reply__text").get_text() == (
        '<script>alert("x")</script> =HYPERLINK("http://evil.example","Click")'
    )
    assert "&lt;script&gt;" in response.content.decode()


def test_the_api_gives_the_reply_with_its_history(client, published):
    reply = TestimonialReplyFactory(testimonial=published, text="First words.")
    with time_machine.travel(NEXT_WEEK, tick=False):
        reply.text = "Second words."
        reply.save()

    (item,) = client.get("/api/v2/testimonials/").json()["items"]

    assert item["reply"] == {
        "text": "Second words.",
        "name": "Hana Sato",
        "role": "Head of Support",
        "date": "2026-11-26",
        "edited": "2026-12-03",
        "history": [{"text": "First words.", "date": "2026-11-26"}],
    }
    assert client.get(f"/api/v2/testimonials/{published.pk}/").json()["reply"]["text"] == (
        "Second words."
    )


def test_the_api_says_null_without_a_reply(client, published):
    (item,) = client.get("/api/v2/testimonials/").json()["items"]

    assert item["reply"] is None


def test_json_ld_gives_the_reply_as_the_reviews_comment(
    client, product_index, site_settings, published
):
    page = ProductPageFactory(parent=product_index, product=published.product)
    TestimonialReplyFactory(testimonial=published)

    graph = graph_of(BeautifulSoup(client.get(page.url).content, "html.parser"))

    (review,) = only(graph, "Product")["review"]
    organization = only(graph, "Organization")
    assert review["comment"] == {
        "@type": "Comment",
        "text": "Thank you: we read every review.",
        "author": {
            "@type": "Person",
            "name": "Hana Sato",
            "jobTitle": "Head of Support",
            "worksFor": {"@id": organization["@id"]},
        },
        "dateCreated": "2026-11-26",
    }


@pytest.mark.parametrize("outcome", ["rejected", "withdrawn"])
def test_a_reply_leaves_with_its_testimonial(client, wall_page, published, outcome):
    TestimonialReplyFactory(testimonial=published, text="Our answer.")
    if outcome == "rejected":
        published.reject(Testimonial.RejectionReason.SPAM)
    else:
        Testimonial.objects.filter(pk=published.pk).update(
            status=Testimonial.Status.WITHDRAWN, live=False
        )

    assert "Our answer." not in client.get(wall_page.url).content.decode()
    assert client.get(f"{wall_page.url}{published.pk}/").status_code == 404
    assert client.get("/api/v2/testimonials/").json()["items"] == []


# The page cache --------------------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.usefixtures("page_cache_on")
@pytest.mark.parametrize("where", ["product page", "wall", "full page"])
def test_a_cached_page_shows_a_reply_once_it_is_saved_and_edited(
    client,
    editor_client,
    where,
    product_index,
    wall_page,
    published,
    django_capture_on_commit_callbacks,
):
    page = ProductPageFactory(parent=product_index, product=published.product)
    url = {
        "product page": page.url,
        "wall": wall_page.url,
        "full page": f"{wall_page.url}{published.pk}/",
    }[where]
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(add_url(published), reply_form(text="Exports are fast now."))
    first = client.get(url)
    reply = TestimonialReply.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse(EDIT, args=[reply.pk]), reply_form(text="Exports are faster."))
    second = client.get(url)

    assert first["X-Cache"] == "miss"
    assert "Exports are fast now." in first.content.decode()
    assert second["X-Cache"] == "miss"
    assert "Exports are faster." in second.content.decode()


@pytest.mark.usefixtures("page_cache_on")
def test_erasing_a_testimonial_with_a_reply_empties_the_cached_wall(
    client, wall_page, published, django_capture_on_commit_callbacks
):
    TestimonialReplyFactory(testimonial=published, text="Our answer.")
    client.get(wall_page.url)

    with django_capture_on_commit_callbacks(execute=True):
        published.delete()

    response = client.get(wall_page.url)
    assert response["X-Cache"] == "miss"
    assert "Our answer." not in response.content.decode()
    assert not TestimonialReply.objects.exists()


# Listings do not query once per row ------------------------------------------------------


def answered_and_not(product, count):
    for n in range(count):
        testimonial = TestimonialFactory(approved=True, product=product, rating=(n % 5) + 1)
        if n % 2:
            TestimonialReplyFactory(testimonial=testimonial)


@pytest.mark.parametrize(
    "listing",
    [
        "wagtailsnippets_testimonials_testimonial:list",
        "wagtailsnippets_testimonials_testimonialreply:list",
    ],
)
def test_the_admin_listings_cost_the_same_with_4_or_20_rows(editor_client, our_product, listing):
    url = reverse(listing)

    def queries():
        editor_client.get(url)  # warm what is cached per process
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(url).status_code == 200
        return len(captured)

    answered_and_not(our_product, 4)
    few = queries()
    answered_and_not(our_product, 16)

    assert queries() == few


@pytest.mark.parametrize(
    ("who", "expected"),
    [("editor_client", 200), ("moderator_client", 302), ("sales_client", 302)],
)
def test_the_replies_listing_is_for_editors(request, who, expected, published):
    reply = TestimonialReplyFactory(testimonial=published)
    client = request.getfixturevalue(who)

    for view, args in (("list", []), ("inspect", [reply.pk]), ("edit", [reply.pk])):
        url = reverse(f"wagtailsnippets_testimonials_testimonialreply:{view}", args=args)
        assert client.get(url).status_code == expected
