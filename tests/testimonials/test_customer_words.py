"""What a customer said (words, rating, consent, relationship and incentive answers)
belongs to them: no editor, revision or line of code changes it after submission."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data

import pytest
import time_machine

from testimonials.models import Testimonial
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

COMPLAINT = "Replies took a week. We moved to another tool."


def edit_url(testimonial):
    return f"/admin/snippets/testimonials/testimonial/edit/{testimonial.pk}/"


def revert_url(testimonial, revision):
    return (
        f"/admin/snippets/testimonials/testimonial/history/{testimonial.pk}/"
        f"revisions/{revision.pk}/revert/"
    )


def form_as_shown(client, url, **changes):
    """What the browser sends back from the edit page: every enabled field as shown
    (disabled ones are not sent), with ``changes`` typed or forged on top."""
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        if getattr(field.widget, "input_type", None) == "checkbox":
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def moderator(db, django_user_model):
    """A moderator: may change and publish testimonials, nothing more."""
    group = Group.objects.create(name="Testimonial moderators")
    for app_label, codename in [
        ("wagtailadmin", "access_admin"),
        ("testimonials", "change_testimonial"),
        ("testimonials", "publish_testimonial"),
    ]:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user_in_group(django_user_model, "moderator", group)


@pytest.fixture
def complaint():
    return TestimonialFactory(rating=1, quote=COMPLAINT, consent_photo=False)


# The admin ----------------------------------------------------------------------------


def test_the_customers_answers_are_shown_read_only(editor_client, complaint):
    form = editor_client.get(edit_url(complaint)).context["form"]

    for name in Testimonial.CUSTOMER_OWNED_FIELDS:
        assert form.fields[name].disabled, name
    assert not form.fields["excerpt"].disabled, "editors may still shorten for display"


@pytest.mark.parametrize(
    ("field", "forged", "label"),
    [
        ("rating", "5", "Rating"),
        ("quote", "Fast and friendly.", "Quote"),
        ("consent_photo", "on", "May show photo"),
        ("consent_given_at", "2020-01-01 10:00", "Consent given at"),
        ("relationship", "employee", "Relationship"),
        ("incentive", "payment", "Incentive"),
        ("incentive_detail", "Nothing at all", "What was given"),
    ],
)
def test_a_forged_change_is_refused_naming_the_field(
    editor_client, complaint, field, forged, label
):
    revisions_before = Revision.objects.for_instance(complaint).count()

    response = editor_client.post(
        edit_url(complaint), form_as_shown(editor_client, edit_url(complaint), **{field: forged})
    )

    assert response.status_code == 200, "the form is shown again, not saved"
    errors = response.context["form"].errors
    assert field in errors
    assert label in errors[field][0] and "cannot be changed" in errors[field][0]
    stored = Testimonial.objects.get(pk=complaint.pk)
    assert (stored.rating, stored.quote, stored.consent_photo) == (1, COMPLAINT, False)
    assert getattr(stored, field) == getattr(complaint, field)
    assert Revision.objects.for_instance(complaint).count() == revisions_before


def test_the_reported_break_five_stars_above_a_complaint_cannot_be_published(
    client, moderator, complaint, wall_page
):
    client.force_login(moderator)

    response = client.post(
        edit_url(complaint),
        form_as_shown(client, edit_url(complaint), rating="5", **{"action-publish": "1"}),
    )

    assert response.status_code == 200
    complaint.refresh_from_db()
    assert (complaint.rating, complaint.live) == (1, False)
    assert COMPLAINT not in client.get(wall_page.url).content.decode()


def test_editors_still_do_their_own_work(client, moderator, complaint):
    client.force_login(moderator)

    response = client.post(
        edit_url(complaint),
        form_as_shown(
            client,
            edit_url(complaint),
            excerpt="Replies took a week …",
            verification="account",
            **{"action-publish": "1"},
        ),
    )

    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.live and complaint.excerpt == "Replies took a week …"
    assert complaint.verified_by == moderator
    assert (complaint.rating, complaint.quote) == (1, COMPLAINT)
    assert complaint.consent_given_at is not None, "a read-only date survives a save"


# Revisions: publish, revert, schedule -------------------------------------------------


def older_revision_saying(testimonial, **content):
    """A revision whose JSON says something else: one saved before these rules, or
    edited in the database."""
    revision = testimonial.save_revision()
    revision.content.update(content)
    revision.save(update_fields=["content"])
    return revision


def test_publishing_an_older_revision_keeps_what_the_customer_said(moderator, complaint):
    revision = older_revision_saying(complaint, rating=5, quote="Brilliant!", consent_photo=True)

    revision.publish(user=moderator)

    complaint.refresh_from_db()
    assert complaint.live
    assert (complaint.rating, complaint.quote, complaint.consent_photo) == (1, COMPLAINT, False)


def test_reverting_to_an_older_revision_in_the_admin_keeps_the_rating(client, moderator, complaint):
    revision = older_revision_saying(complaint, rating=5)
    complaint.save_revision()
    client.force_login(moderator)

    shown = client.get(revert_url(complaint, revision)).context["form"]
    response = client.post(
        revert_url(complaint, revision),
        form_as_shown(client, revert_url(complaint, revision), **{"action-publish": "1"}),
    )

    assert shown["rating"].value() == 1
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.rating, complaint.live) == (1, True)


def test_a_scheduled_revision_goes_live_with_the_customers_answers(complaint):
    with time_machine.travel("2026-11-28 10:00", tick=False):
        revision = older_revision_saying(complaint, rating=5)
        revision.approved_go_live_at = timezone.now() + datetime.timedelta(hours=1)
        revision.save(update_fields=["approved_go_live_at"])
    with time_machine.travel("2026-11-28 12:00", tick=False):
        call_command("publish_scheduled")

    complaint.refresh_from_db()
    assert (complaint.rating, complaint.live) == (1, True)


def test_any_revision_as_an_object_carries_the_stored_answers(complaint):
    revision = older_revision_saying(complaint, rating=5, incentive="payment")

    shown = revision.as_object()

    assert (shown.rating, shown.incentive) == (1, Testimonial.Incentive.NONE)


# Code ---------------------------------------------------------------------------------


def test_code_that_skips_forms_is_refused(complaint):
    complaint.rating = 5

    with pytest.raises(ValidationError) as refusal:
        complaint.save()

    assert "rating" in str(refusal.value)
    assert Testimonial.objects.get(pk=complaint.pk).rating == 1


def test_saving_only_other_fields_is_allowed(complaint):
    complaint.rating = 5
    complaint.excerpt = ""

    complaint.save(update_fields=["excerpt"])

    assert Testimonial.objects.get(pk=complaint.pk).rating == 1


def test_clean_names_every_changed_answer(complaint):
    complaint.rating, complaint.consent_name = 5, False

    with pytest.raises(ValidationError) as refusal:
        complaint.full_clean()

    assert {"rating", "consent_name"} <= set(refusal.value.message_dict)


def test_a_new_testimonial_is_stored_as_given(our_product):
    testimonial = Testimonial.objects.create(
        product=our_product, quote="New words.", rating=2, author_name="A", email="a@example.com"
    )

    assert Testimonial.objects.get(pk=testimonial.pk).rating == 2


def test_the_sanctioned_way_changes_only_the_customers_answers(complaint):
    with pytest.raises(ValueError):
        complaint.change_customer_answers(excerpt="Not a customer's answer …")

    complaint.change_customer_answers(rating=2, quote="Replies took a week.")

    stored = Testimonial.objects.get(pk=complaint.pk)
    assert (stored.rating, stored.quote) == (2, "Replies took a week.")
    assert (complaint.rating, complaint.quote) == (2, "Replies took a week.")
