"""Moderators decide in the Wagtail admin: publish to approve, reject with a reason that
never depends on sentiment, a low rating rejected only by two moderators, and nobody
decides without the publish permission, past a lock or around a workflow."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from wagtail.models import (
    GroupApprovalTask,
    ModelLogEntry,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import nested_form_data

import pytest
import time_machine

from testimonials.models import Testimonial
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/testimonials/testimonial/"


def edit_url(testimonial):
    return f"{LIST_URL}edit/{testimonial.pk}/"


def admin_form(testimonial, **changes):
    data = {
        "product": testimonial.product_id,
        "quote": testimonial.quote,
        "language": testimonial.language,
        "excerpt": "",
        "rating": testimonial.rating or "",
        "author_name": testimonial.author_name,
        "author_role": testimonial.author_role,
        "author_company": testimonial.author_company,
        "customer": "",
        "email": testimonial.email,
        "photo": "",
        "consent_name": "on",
        "consent_company": "on",
        "consent_given_at": "",
        "relationship": testimonial.relationship,
        "incentive": testimonial.incentive,
        "incentive_detail": testimonial.incentive_detail,
        "source": testimonial.source,
        "verification": testimonial.verification,
        "verification_note": "",
        "tags": "",
        "rejection_reason": "",
    }
    data.update(changes)
    return nested_form_data(data)


def publish(client, testimonial, **changes):
    return client.post(
        edit_url(testimonial),
        admin_form(testimonial, **changes, **{"action-publish": "action-publish"}),
        follow=True,
    )


def reject(client, testimonial, reason="spam"):
    return client.post(
        edit_url(testimonial),
        admin_form(testimonial, rejection_reason=reason, **{"action-reject": "1"}),
        follow=True,
    )


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def state_of(testimonial):
    testimonial.refresh_from_db()
    return testimonial.status, testimonial.live


def history(testimonial):
    return list(
        ModelLogEntry.objects.for_instance(testimonial)
        .filter(action__startswith="candor.")
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


@pytest.fixture
def second_moderator(django_user_model):
    return user_in_group(django_user_model, "max", Group.objects.get(name="Moderators"))


@pytest.fixture
def moderator_client(moderator):
    return logged_in(moderator)


@pytest.fixture
def content_editor(django_user_model):
    """In the Editors group: may change testimonials, not publish them."""
    return user_in_group(django_user_model, "edna", Group.objects.get(name="Editors"))


# What moderation always did, now done by a Moderator -----------------------------------


def test_publishing_approves_a_low_rating_like_any_other(moderator_client):
    testimonial = TestimonialFactory(rating=1, quote="Too slow for us.")

    response = publish(moderator_client, testimonial)

    assert response.status_code == 200
    assert state_of(testimonial) == (Testimonial.Status.APPROVED, True)
    assert list(Testimonial.objects.public()) == [testimonial]


def test_rejecting_needs_a_reason_from_the_fixed_list(moderator_client):
    testimonial = TestimonialFactory(approved=True)

    without_reason = reject(moderator_client, testimonial, reason="")
    assert state_of(testimonial) == (Testimonial.Status.APPROVED, True)
    assert "Choose a rejection reason" in without_reason.content.decode()

    reject(moderator_client, testimonial, reason="duplicate")
    assert state_of(testimonial) == (Testimonial.Status.REJECTED, False)
    assert testimonial.rejection_reason == "duplicate"
    assert not Testimonial.objects.public().exists()
    assert history(testimonial) == [("candor.testimonial_rejected", "mona")]


def test_rejection_reasons_are_never_about_sentiment():
    reasons = " ".join(str(label) for label in Testimonial.RejectionReason.labels).lower()

    for word in ("negative", "low rating", "critical", "unfavourable", "tone"):
        assert word not in reasons


def test_the_customers_words_cannot_be_changed(moderator_client):
    testimonial = TestimonialFactory(quote="Exactly what I said.")

    publish(moderator_client, testimonial, quote="Something nicer.")

    testimonial.refresh_from_db()
    assert testimonial.quote == "Exactly what I said."
    form = moderator_client.get(edit_url(testimonial)).context["form"]
    assert form.fields["quote"].disabled


def test_marking_verified_records_who_did_it(moderator_client, moderator):
    testimonial = TestimonialFactory()

    publish(moderator_client, testimonial, verification="account")

    testimonial.refresh_from_db()
    assert testimonial.verification == "account"
    assert testimonial.verified_by == moderator


def test_an_editor_enters_an_interview_testimonial_for_moderation(content_editor, our_product):
    response = logged_in(content_editor).post(
        f"{LIST_URL}add/",
        nested_form_data(
            {
                "product": our_product.pk,
                "quote": "We replaced three tools with one.",
                "excerpt": "",
                "rating": "5",
                "author_name": "Sam Lee",
                "author_role": "COO",
                "author_company": "Northfield",
                "customer": "",
                "email": "sam@northfield.example",
                "photo": "",
                "consent_name": "on",
                "consent_given_at": "2026-10-01 10:00",
                "relationship": "customer",
                "incentive": "none",
                "incentive_detail": "",
                "source": "interview",
                "verification": "call",
                "verification_note": "Confirmed on a video call",
                "tags": "migration",
                "rejection_reason": "",
            }
        ),
    )

    assert response.status_code == 302
    testimonial = Testimonial.objects.get()
    assert testimonial.source == "interview"
    assert not testimonial.live, "saving a draft must not publish"
    assert list(testimonial.tags.names()) == ["migration"]


def test_the_listing_filters_by_status_product_and_rating(moderator_client, our_product):
    TestimonialFactory(product=our_product, rating=2, author_name="Pending Person")
    TestimonialFactory(product=our_product, rating=5, approved=True, author_name="Approved Person")

    response = moderator_client.get(LIST_URL, {"status": "pending", "rating": "2"})

    listed = [t.author_name for t in response.context["object_list"]]
    assert listed == ["Pending Person"]


@pytest.mark.parametrize(
    ("excerpt", "accepted"),
    [
        ("Setup took an afternoon … every time.", True),
        ("Setup took an afternoon...", True),
        ("Setup took an afternoon.", False),  # no ellipsis: a shortening must be marked
        ("Setup was effortless … every time.", False),  # reworded
        ("every time … Setup took an afternoon", False),  # reordered
    ],
)
def test_an_excerpt_may_only_shorten_the_original(excerpt, accepted):
    testimonial = TestimonialFactory.build(
        quote="Setup took an afternoon. Support answered within the hour every time.",
        excerpt=excerpt,
        product=TestimonialFactory().product,
    )

    if accepted:
        testimonial.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            testimonial.full_clean()
        assert "excerpt" in error.value.message_dict


def test_moderators_can_preview_a_testimonial(moderator_client):
    testimonial = TestimonialFactory(quote="What a prospect will read.")
    url = f"{LIST_URL}preview/{testimonial.pk}/"

    response = moderator_client.post(url, admin_form(testimonial))
    assert response.json() == {"is_valid": True, "is_available": True}
    assert "What a prospect will read." in moderator_client.get(url).content.decode()


def test_moderators_see_who_wrote_a_testimonial_even_when_the_name_is_withheld(
    moderator_client,
):
    TestimonialFactory(author_name="Ana Ortiz", consent_name=False, quote="Works for our team.")

    listing = moderator_client.get(LIST_URL).content.decode()

    assert "Ana Ortiz on" in listing and "Works for our team." in listing


# Who may decide ------------------------------------------------------------------------


def test_an_editor_who_may_change_but_not_publish_can_neither_reject_nor_approve(
    content_editor,
):
    live = TestimonialFactory(approved=True, rating=4)
    pending = TestimonialFactory(rating=5)
    client = logged_in(content_editor)

    form = client.get(edit_url(live)).content.decode()
    assert 'name="action-reject"' not in form and 'name="action-publish"' not in form

    refused = reject(client, live).content.decode()
    assert "Only moderators, who may publish testimonials" in refused
    assert state_of(live) == (Testimonial.Status.APPROVED, True)

    refused = publish(client, pending).content.decode()
    assert "Only moderators, who may publish testimonials" in refused
    assert state_of(pending) == (Testimonial.Status.PENDING, False)
    assert not pending.revisions.exists(), "a refused Publish saves nothing, not even a draft"
    assert history(live) == history(pending) == []


def test_a_testimonial_locked_by_one_moderator_cannot_be_rejected_by_another(
    moderator, second_moderator
):
    testimonial = TestimonialFactory(approved=True, rating=4)
    mona, max_ = logged_in(moderator), logged_in(second_moderator)
    mona.post(f"{LIST_URL}lock/{testimonial.pk}/")
    testimonial.refresh_from_db()
    assert testimonial.locked and testimonial.locked_by == moderator

    assert 'name="action-reject"' not in max_.get(edit_url(testimonial)).content.decode()
    refused = reject(max_, testimonial).content.decode()
    assert "nobody else can approve or reject it" in refused
    assert state_of(testimonial) == (Testimonial.Status.APPROVED, True)

    assert 'name="action-reject"' in mona.get(edit_url(testimonial)).content.decode()
    reject(mona, testimonial)
    assert state_of(testimonial) == (Testimonial.Status.REJECTED, False)


@pytest.fixture
def senior_review(db):
    """A workflow whose only task belongs to "Senior moderators"."""
    seniors = Group.objects.create(name="Senior moderators")
    task = GroupApprovalTask.objects.create(name="Senior review")
    task.groups.set([seniors])
    workflow = Workflow.objects.create(name="Testimonial moderation")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(
        workflow=workflow, content_type=ContentType.objects.get_for_model(Testimonial)
    )
    return workflow


def test_while_a_workflow_is_in_progress_only_its_reviewers_reject(
    senior_review, moderator, second_moderator
):
    second_moderator.groups.add(Group.objects.get(name="Senior moderators"))
    testimonial = TestimonialFactory(rating=4)
    testimonial.save_revision(user=moderator)
    state = senior_review.start(testimonial, moderator)

    outsider = logged_in(moderator)
    assert 'name="action-reject"' not in outsider.get(edit_url(testimonial)).content.decode()
    refused = reject(outsider, testimonial).content.decode()
    assert "waiting for “Senior review”" in refused
    assert state_of(testimonial) == (Testimonial.Status.PENDING, False)

    reject(logged_in(second_moderator), testimonial)
    assert state_of(testimonial) == (Testimonial.Status.REJECTED, False)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED, "a later approval must not publish it"


def test_approval_can_go_through_a_wagtail_workflow(moderator):
    task = GroupApprovalTask.objects.create(name="Moderator approval")
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow = Workflow.objects.create(name="Testimonial moderation")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    testimonial = TestimonialFactory(rating=2)
    testimonial.save_revision(user=moderator)

    state = workflow.start(testimonial, moderator)
    assert not Testimonial.objects.public().exists(), "in moderation is not yet public"
    state.current_task_state.approve(user=moderator)

    assert state_of(testimonial) == (Testimonial.Status.APPROVED, True)


# Four eyes for low ratings -------------------------------------------------------------


@time_machine.travel("2026-11-28 10:00", tick=False)
@pytest.mark.parametrize("approved", [False, True], ids=["pending", "live"])
def test_a_low_rating_is_rejected_only_when_a_second_moderator_confirms(
    approved, moderator, second_moderator, our_product
):
    testimonial = TestimonialFactory(product=our_product, rating=2, approved=approved)
    before = (testimonial.status, testimonial.live)
    record = our_product.testimonials.summary()["moderation"]
    mona, max_ = logged_in(moderator), logged_in(second_moderator)

    proposed = reject(mona, testimonial, reason="off_topic").content.decode()

    assert "Rejection proposed: Off-topic" in proposed
    assert state_of(testimonial) == before, "a proposal changes nothing readers see"
    assert (testimonial.rejection_proposed_by, testimonial.rejection_reason) == (
        moderator,
        "off_topic",
    )
    assert our_product.testimonials.summary()["moderation"] == record
    editor_view = max_.get(edit_url(testimonial)).content.decode()
    assert "proposed rejecting this testimonial as “Off-topic” on 2026-11-28" in editor_view
    assert "Confirm rejection" in editor_view
    awaiting = max_.get(LIST_URL, {"awaiting_second_moderator": "true"}).context["object_list"]
    assert list(awaiting) == [testimonial]

    own = reject(mona, testimonial, reason="off_topic").content.decode()
    assert "You proposed this rejection: another moderator must confirm it." in own
    other_reason = reject(max_, testimonial, reason="spam").content.decode()
    assert "To confirm, choose the same reason" in other_reason
    assert state_of(testimonial) == before

    reject(max_, testimonial, reason="off_topic")

    assert state_of(testimonial) == (Testimonial.Status.REJECTED, False)
    assert testimonial.rejection_proposed_by is None
    assert history(testimonial) == [
        ("candor.rejection_proposed", "mona"),
        ("candor.rejection_confirmed", "max"),
    ]
    confirmed = ModelLogEntry.objects.get(action="candor.rejection_confirmed")
    assert confirmed.message == "Confirmed the rejection proposed by mona: Off-topic (2★)"


def test_publishing_drops_a_proposal_to_reject(moderator, second_moderator):
    testimonial = TestimonialFactory(rating=1)
    reject(logged_in(moderator), testimonial)

    publish(logged_in(second_moderator), testimonial)

    testimonial.refresh_from_db()
    assert (testimonial.status, testimonial.live) == (Testimonial.Status.APPROVED, True)
    assert (testimonial.rejection_proposed_by, testimonial.rejection_proposed_at) == (None, None)
    assert not Testimonial.objects.awaiting_second_moderator().exists()


def test_saving_the_form_keeps_a_proposal_made_since_the_last_revision(moderator, second_moderator):
    testimonial = TestimonialFactory(rating=2)
    testimonial.save_revision(user=moderator)
    reject(logged_in(moderator), testimonial)

    logged_in(second_moderator).post(edit_url(testimonial), admin_form(testimonial, tags="x"))

    testimonial.refresh_from_db()
    assert testimonial.rejection_proposed_by == moderator


@pytest.mark.parametrize("rating", [3, 5, None])
def test_other_ratings_are_rejected_in_one_step(moderator_client, rating):
    testimonial = TestimonialFactory(rating=rating, approved=True)

    reject(moderator_client, testimonial)

    assert state_of(testimonial) == (Testimonial.Status.REJECTED, False)


# The public record ----------------------------------------------------------------------


def test_the_record_breaks_rejections_down_by_reason_and_rating(
    our_product, django_assert_num_queries
):
    for rating, reason in [(1, "spam"), (5, "spam"), (None, "duplicate"), (2, "duplicate")]:
        TestimonialFactory(
            product=our_product, rating=rating, rejected=True, rejection_reason=reason
        )
    TestimonialFactory(product=our_product, rating=1, rejection_reason="spam")  # only proposed

    with django_assert_num_queries(1):
        summary = our_product.testimonials.summary()

    assert summary["moderation"]["rejected"] == [
        {"reason": "Spam", "count": 2},
        {"reason": "Duplicate", "count": 2},
    ]
    assert summary["moderation"]["rejected_total"] == 4
    spam, duplicate = summary["rejections"]["rows"]
    assert [cell["count"] for cell in spam["ratings"]] == [1, 0, 0, 0, 1, 0]
    assert [cell["count"] for cell in duplicate["ratings"]] == [0, 1, 0, 0, 0, 1]

    html = render_to_string("components/moderation_record.html", summary)
    assert ">Rejected testimonials, by reason and rating</caption>" in html
    assert '<th scope="col">1 star</th>' in html and '<th scope="col">No rating</th>' in html
    assert '<th scope="row">Spam</th>' in html
    assert "4 rejected" in html


# The public record moves only by recorded decisions


def test_saving_an_edit_never_clears_or_relabels_a_rejection(content_editor, our_product):
    testimonial = TestimonialFactory(product=our_product, rating=1, rejected=True)
    testimonial.rejection_reason = "spam"
    testimonial.save(update_fields=["rejection_reason"])
    testimonial.save_revision()

    for reason in ("", "duplicate"):
        logged_in(content_editor).post(
            edit_url(testimonial), admin_form(testimonial, rejection_reason=reason, tags="x")
        )

    testimonial.refresh_from_db()
    assert (testimonial.status, testimonial.rejection_reason) == ("rejected", "spam")
    assert Testimonial.objects.summary()["moderation"]["rejected_total"] == 1


def test_publishing_an_older_revision_keeps_the_rejection_reason(our_product):
    testimonial = TestimonialFactory(product=our_product, rating=4)
    older = testimonial.save_revision()
    testimonial.reject("off_topic")

    assert older.as_object().rejection_reason == "off_topic"


def test_one_moderator_cannot_take_a_testimonial_off_the_site_by_unpublishing_it(
    moderator_client, our_product
):
    testimonial = TestimonialFactory(product=our_product, rating=1, approved=True)
    unpublish_url = reverse(
        "wagtailsnippets_testimonials_testimonial:unpublish", args=[testimonial.pk]
    )

    menu = moderator_client.get(edit_url(testimonial)).content.decode()
    response = moderator_client.post(unpublish_url, follow=True)

    assert 'name="action-unpublish"' not in menu
    assert "A testimonial leaves the site only by a recorded decision" in response.content.decode()
    assert state_of(testimonial) == (Testimonial.Status.APPROVED, True)
    assert Testimonial.objects.summary()["moderation"]["published"] == 1


def test_a_testimonial_cannot_be_set_to_expire(moderator_client, our_product):
    testimonial = TestimonialFactory(product=our_product, rating=2, approved=True)

    response = moderator_client.post(
        edit_url(testimonial),
        admin_form(
            testimonial,
            expire_at="2030-01-01 10:00",
            **{"action-publish": "action-publish"},
        ),
    )

    assert "does not expire on a date" in response.content.decode()
    testimonial.refresh_from_db()
    assert testimonial.expire_at is None and testimonial.live
