"""Editors moderate in the Wagtail admin: publish to approve, reject with a reason
that never depends on sentiment, the customer's words never change."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask
from wagtail.test.utils.form_data import nested_form_data

import pytest

from testimonials.models import Testimonial
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


def edit_url(testimonial):
    return f"/admin/snippets/testimonials/testimonial/edit/{testimonial.pk}/"


def admin_form(testimonial, **changes):
    data = {
        "product": testimonial.product_id,
        "quote": testimonial.quote,
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


def test_publishing_approves_a_low_rating_like_any_other(admin_client):
    testimonial = TestimonialFactory(rating=1, quote="Too slow for us.")

    response = admin_client.post(
        edit_url(testimonial), admin_form(testimonial, **{"action-publish": "action-publish"})
    )

    assert response.status_code == 302
    testimonial.refresh_from_db()
    assert (testimonial.status, testimonial.live) == (Testimonial.Status.APPROVED, True)
    assert list(Testimonial.objects.public()) == [testimonial]


def test_rejecting_needs_a_reason_from_the_fixed_list(admin_client):
    testimonial = TestimonialFactory(approved=True)

    without_reason = admin_client.post(
        edit_url(testimonial), admin_form(testimonial, **{"action-reject": "1"}), follow=True
    )
    testimonial.refresh_from_db()
    assert testimonial.status == Testimonial.Status.APPROVED
    assert "Choose a rejection reason" in without_reason.content.decode()

    admin_client.post(
        edit_url(testimonial),
        admin_form(testimonial, rejection_reason="duplicate", **{"action-reject": "1"}),
    )
    testimonial.refresh_from_db()
    assert testimonial.status == Testimonial.Status.REJECTED
    assert testimonial.rejection_reason == "duplicate"
    assert not testimonial.live
    assert not Testimonial.objects.public().exists()


def test_rejection_reasons_are_never_about_sentiment():
    reasons = " ".join(str(label) for label in Testimonial.RejectionReason.labels).lower()

    for word in ("negative", "low rating", "critical", "unfavourable", "tone"):
        assert word not in reasons


def test_the_customers_words_cannot_be_changed(admin_client):
    testimonial = TestimonialFactory(quote="Exactly what I said.")

    admin_client.post(
        edit_url(testimonial),
        admin_form(testimonial, quote="Something nicer.", **{"action-publish": "action-publish"}),
    )

    testimonial.refresh_from_db()
    assert testimonial.quote == "Exactly what I said."
    form = admin_client.get(edit_url(testimonial)).context["form"]
    assert form.fields["quote"].disabled


def test_marking_verified_records_who_did_it(admin_client, admin_user):
    testimonial = TestimonialFactory()

    admin_client.post(
        edit_url(testimonial),
        admin_form(testimonial, verification="account", **{"action-publish": "action-publish"}),
    )

    testimonial.refresh_from_db()
    assert testimonial.verification == "account"
    assert testimonial.verified_by == admin_user


def test_editor_enters_an_interview_testimonial(admin_client, our_product):
    response = admin_client.post(
        "/admin/snippets/testimonials/testimonial/add/",
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


def test_the_listing_filters_by_status_product_and_rating(admin_client, our_product):
    TestimonialFactory(product=our_product, rating=2, author_name="Pending Person")
    TestimonialFactory(product=our_product, rating=5, approved=True, author_name="Approved Person")

    response = admin_client.get(
        "/admin/snippets/testimonials/testimonial/", {"status": "pending", "rating": "2"}
    )

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


def test_approval_can_go_through_a_wagtail_workflow(admin_user):
    moderators = Group.objects.create(name="Testimonial moderators")
    admin_user.groups.add(moderators)
    task = GroupApprovalTask.objects.create(name="Moderator approval")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Testimonial moderation")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(
        workflow=workflow, content_type=ContentType.objects.get_for_model(Testimonial)
    )
    testimonial = TestimonialFactory(rating=2)
    testimonial.save_revision(user=admin_user)

    state = workflow.start(testimonial, admin_user)
    assert not Testimonial.objects.public().exists(), "in moderation is not yet public"
    state.current_task_state.approve(user=admin_user)

    testimonial.refresh_from_db()
    assert (testimonial.status, testimonial.live) == (Testimonial.Status.APPROVED, True)


def test_editors_can_preview_a_testimonial(admin_client):
    testimonial = TestimonialFactory(quote="What a prospect will read.")
    url = f"/admin/snippets/testimonials/testimonial/preview/{testimonial.pk}/"

    response = admin_client.post(url, admin_form(testimonial))
    assert response.json() == {"is_valid": True, "is_available": True}
    assert "What a prospect will read." in admin_client.get(url).content.decode()


def test_editors_see_who_wrote_a_testimonial_even_when_the_name_is_withheld(admin_client):
    from tests.testimonials.factories import TestimonialFactory

    TestimonialFactory(author_name="Ana Ortiz", consent_name=False, quote="Works for our team.")

    listing = admin_client.get("/admin/snippets/testimonials/testimonial/").content.decode()

    assert "Ana Ortiz on" in listing and "Works for our team." in listing
