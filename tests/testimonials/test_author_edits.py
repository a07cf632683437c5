"""The author changes what they wrote through their own private link: a new revision
by the author, back to moderation, and "Edited by the author" once it is shown again."""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.template.defaultfilters import date as format_date
from django.test import Client
from django.utils import timezone

from wagtail.models import (
    GroupApprovalTask,
    ModelLogEntry,
    Revision,
    Workflow,
    WorkflowTask,
)

import pytest
import time_machine

from testimonials.author_edits import CHANGED_BY_AUTHOR_ACTION
from testimonials.forms import TestimonialChangeForm
from testimonials.links import withdrawal_link
from testimonials.models import Testimonial
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

FROZEN = "2026-11-28 10:00"
ORIGINAL = "Setup took an afternoon. Support answered within the hour every time."
CHANGED = "Setup took an afternoon. Support answered within a day, most of the time."


def change_form(testimonial, **changes):
    """What the author sends: the form as shown, with their changes."""
    data = {
        "quote": testimonial.quote,
        "rating": str(testimonial.rating or ""),
        "relationship": testimonial.relationship,
        "incentive": testimonial.incentive,
        "incentive_detail": testimonial.incentive_detail,
        "consent_publish": "on",
        "consent_name": "on" if testimonial.consent_name else None,
        "consent_company": "on" if testimonial.consent_company else None,
        "website": "",
        "rendered_at": TestimonialChangeForm.time_token(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def published(our_product):
    testimonial = TestimonialFactory(product=our_product, quote=ORIGINAL, rating=5)
    testimonial.save_revision().publish()
    testimonial.refresh_from_db()
    return testimonial


@pytest.fixture(autouse=True)
def _people_type_slowly_here(no_typing_delay):
    pass


@time_machine.travel(FROZEN, tick=False)
def test_the_author_changes_a_published_testimonial_and_an_editor_reads_it_again(
    client, published, wall_page
):
    path = withdrawal_link.path(published)

    shown = client.get(path)
    response = client.post(path, change_form(published, quote=CHANGED, rating="3"))
    confirmation = client.get(response["Location"])

    form = shown.context["form"]
    assert form["quote"].value() == ORIGINAL and form["rating"].value() == 5
    assert '<label for="id_quote">Your experience, in your own words' in shown.content.decode()
    assert response.status_code == 302
    assert "we have taken it off" in confirmation.content.decode()
    published.refresh_from_db()
    assert (published.quote, published.rating) == (CHANGED, 3)
    assert (published.status, published.live) == (Testimonial.Status.PENDING, False)
    assert published.edited_by_author_at == published.consent_given_at == timezone.now()
    assert CHANGED not in client.get(wall_page.url).content.decode()
    assert ORIGINAL not in client.get(wall_page.url).content.decode()

    revision = Revision.objects.for_instance(published).latest("pk")
    assert revision.user is None and revision.content["rating"] == 3
    entry = ModelLogEntry.objects.for_instance(published).get(action=CHANGED_BY_AUTHOR_ACTION)
    assert entry.user is None and entry.revision == revision
    assert entry.data == {"fields": ["quote", "rating"]}
    assert str(entry.formatter.label) == "Changed by the author"


def test_the_history_says_the_author_changed_it(client, published, editor_client):
    Client().post(withdrawal_link.path(published), change_form(published, rating="2"))

    history = editor_client.get(
        f"/admin/snippets/testimonials/testimonial/history/{published.pk}/"
    ).content.decode()

    assert "Changed by the author" in history


def test_once_published_again_the_card_says_it_was_edited_by_the_author(
    client, published, wall_page
):
    with time_machine.travel(FROZEN, tick=False):
        client.post(withdrawal_link.path(published), change_form(published, quote=CHANGED))
    published.refresh_from_db()
    published.get_latest_revision().publish()
    edited_on = format_date(timezone.localtime(published.edited_by_author_at), "DATE_FORMAT")

    wall = client.get(wall_page.url).content.decode()
    detail = client.get(f"{wall_page.url}{published.pk}/").content.decode()

    for page in (wall, detail):
        assert CHANGED in page
        assert f"Edited by the author on {edited_on}" in page


def test_a_testimonial_never_changed_by_its_author_does_not_say_so(client, published, wall_page):
    assert "Edited by the author" not in client.get(wall_page.url).content.decode()


def test_a_pending_testimonial_stays_pending_with_the_new_words(client, our_product):
    pending = TestimonialFactory(product=our_product, quote=ORIGINAL)

    response = client.post(withdrawal_link.path(pending), change_form(pending, quote=CHANGED))

    assert "waiting for moderation" in client.get(response["Location"]).content.decode()
    pending.refresh_from_db()
    assert (pending.quote, pending.status, pending.live) == (CHANGED, "pending", False)


@pytest.mark.parametrize(
    ("new_words", "kept"),
    [
        ("Setup took an afternoon. Honestly, support answered within the hour every time.", True),
        (CHANGED, False),
    ],
)
def test_the_excerpt_stays_only_if_it_still_only_leaves_words_out(
    client, our_product, new_words, kept
):
    excerpt = "Setup took an afternoon … within the hour every time."
    testimonial = TestimonialFactory(product=our_product, quote=ORIGINAL, excerpt=excerpt)

    client.post(withdrawal_link.path(testimonial), change_form(testimonial, quote=new_words))

    testimonial.refresh_from_db()
    assert testimonial.quote == new_words
    assert testimonial.excerpt == (excerpt if kept else "")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"quote": ""}, "quote", "this field is empty"),
        ({"quote": "x" * 2001}, "quote", "2,001 characters long, 1 more than the 2,000 allowed"),
        ({"rating": "9"}, "rating", "Choose a rating from 1 to 5."),
        ({"incentive": "gift", "incentive_detail": ""}, "incentive_detail", "Tell us what"),
        ({"consent_publish": None}, "consent_publish", "only publish your testimonial"),
    ],
)
def test_the_same_checks_as_the_submission_form(client, published, changes, field, message):
    revisions_before = Revision.objects.for_instance(published).count()

    response = client.post(withdrawal_link.path(published), change_form(published, **changes))

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    published.refresh_from_db()
    assert (published.quote, published.rating, published.live) == (ORIGINAL, 5, True)
    assert Revision.objects.for_instance(published).count() == revisions_before


def test_sending_the_form_unchanged_changes_nothing(client, published):
    response = client.post(withdrawal_link.path(published), change_form(published))

    assert "did not change anything" in client.get(response["Location"]).content.decode()
    published.refresh_from_db()
    assert published.live and published.edited_by_author_at is None


def test_the_form_needs_its_csrf_token(published):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(withdrawal_link.path(published), change_form(published, rating="1"))

    assert response.status_code == 403
    published.refresh_from_db()
    assert published.rating == 5


def test_a_scheduled_publication_does_not_put_the_new_words_live_unseen(client, our_product):
    testimonial = TestimonialFactory(product=our_product, quote=ORIGINAL)
    with time_machine.travel(FROZEN, tick=False):
        revision = testimonial.save_revision()
        revision.approved_go_live_at = timezone.now() + datetime.timedelta(hours=1)
        revision.save(update_fields=["approved_go_live_at"])
        client.post(withdrawal_link.path(testimonial), change_form(testimonial, quote=CHANGED))
    with time_machine.travel("2026-11-28 12:00", tick=False):
        call_command("publish_scheduled")

    testimonial.refresh_from_db()
    assert not testimonial.live


def test_a_workflow_about_the_old_words_ends(client, our_product, django_user_model):
    moderators = Group.objects.create(name="Testimonial moderators")
    task = GroupApprovalTask.objects.create(name="Moderator approval")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Testimonial moderation")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    testimonial = TestimonialFactory(product=our_product, quote=ORIGINAL)
    testimonial.save_revision()
    workflow.start(testimonial, django_user_model.objects.create_user("starter"))

    client.post(withdrawal_link.path(testimonial), change_form(testimonial, quote=CHANGED))

    testimonial.refresh_from_db()
    assert testimonial.current_workflow_state is None, "its approval would publish unread words"
    assert not testimonial.live


def test_a_rejected_testimonial_cannot_be_changed(client, our_product):
    rejected = TestimonialFactory(product=our_product, quote=ORIGINAL, rejected=True)

    response = client.post(withdrawal_link.path(rejected), change_form(rejected, quote=CHANGED))

    assert response.status_code == 409
    assert "counted as rejected" in response.content.decode()
    rejected.refresh_from_db()
    assert (rejected.quote, rejected.status) == (ORIGINAL, Testimonial.Status.REJECTED)


def test_a_withdrawn_testimonial_cannot_be_changed(client, our_product):
    withdrawn = TestimonialFactory(product=our_product, quote=ORIGINAL, withdrawn=True)

    shown = client.get(withdrawal_link.path(withdrawn))
    response = client.post(withdrawal_link.path(withdrawn), change_form(withdrawn, quote=CHANGED))

    assert shown.status_code == response.status_code == 410
    assert "already been withdrawn" in response.content.decode()
    withdrawn.refresh_from_db()
    assert withdrawn.quote == ORIGINAL
