"""What Candor keeps about an advocate, found by the e-mail address they gave with
their testimonials: the testimonials themselves, the copies kept in their revisions
and history, their consent, and their photos.

Erasing keeps each testimonial as an anonymous record, withdrawn unless an editor
had rejected it, so the public moderation record (how many were submitted, published,
rejected and why) still adds up.

The photo an author sent goes sooner: when they withdraw the testimonial, and once a
rejection can no longer be reconsidered (TESTIMONIAL_REJECTED_PHOTO_DAYS)."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import ModelLogEntry, ReferenceIndex, Revision, TaskState

from home.personal_data import scrub
from testimonials.models import CaseStudyQuote, Testimonial
from testimonials.photos import FOLDER, is_advocates_photo
from testimonials.tallies import counting_once

ERASED_NAME = "(erased)"
# A reserved domain: mail can never be delivered to it.
ERASED_EMAIL = "erased@erased.invalid"

# Every field that says something about the author, with what it becomes.
ERASED_VALUES = {
    "quote": "",
    "excerpt": "",
    "author_name": ERASED_NAME,
    "author_role": "",
    "author_company": "",
    "email": ERASED_EMAIL,
    "photo": None,
    "customer": None,
    "consent_name": False,
    "consent_company": False,
    "consent_photo": False,
    "consent_given_at": None,
    "incentive_detail": "",
    "verification_note": "",
}
TEXT_FIELDS = ["quote", "excerpt", "author_name", "author_role", "author_company", "email"]


def testimonials_of(email):
    return Testimonial.objects.filter(email__iexact=email).select_related("product", "photo")


# Export -------------------------------------------------------------------------------


def export(email):
    return [export_testimonial(testimonial) for testimonial in testimonials_of(email)]


def export_testimonial(testimonial):
    return {
        "id": testimonial.pk,
        "product": testimonial.product.name,
        "status": testimonial.status,
        "published": testimonial.live,
        "submitted_at": testimonial.submitted_at,
        "source": testimonial.source,
        "moderated_at": testimonial.moderated_at,
        "rejection_reason": testimonial.rejection_reason,
        "withdrawn_at": testimonial.withdrawn_at,
        "quote": testimonial.quote,
        "excerpt": testimonial.excerpt,
        "rating": testimonial.rating,
        "author": {
            "name": testimonial.author_name,
            "role": testimonial.author_role,
            "company": testimonial.author_company,
            "email": testimonial.email,
        },
        "consent": {
            "show_name": testimonial.consent_name,
            "show_company": testimonial.consent_company,
            "show_photo": testimonial.consent_photo,
            "given_at": testimonial.consent_given_at,
        },
        "relationship": testimonial.relationship,
        "incentive": testimonial.incentive,
        "incentive_detail": testimonial.incentive_detail,
        "verification": testimonial.verification,
        "verification_note": testimonial.verification_note,
        "verified_at": testimonial.verified_at,
        "tags": sorted(tag.name for tag in testimonial.tags.all()),
        "photo": export_photo(testimonial.photo),
        "quoted_in_case_studies": sorted(
            CaseStudyQuote.objects.filter(testimonial=testimonial).values_list(
                "page__title", flat=True
            )
        ),
        "revisions": [
            {
                "id": revision.pk,
                "created_at": revision.created_at,
                "stored": {name: revision.content.get(name) for name in ERASED_VALUES},
            }
            for revision in Revision.objects.for_instance(testimonial).order_by("created_at")
        ],
        "history": [
            {"action": entry.action, "at": entry.timestamp}
            for entry in ModelLogEntry.objects.for_instance(testimonial).order_by("timestamp")
        ],
    }


def export_photo(image):
    if image is None:
        return None
    return {
        "title": image.title,
        "file": image.file.name,
        "renditions": sorted(image.renditions.values_list("file", flat=True)),
    }


# Erase --------------------------------------------------------------------------------


def erase(email):
    testimonials = list(testimonials_of(email))
    photos = {testimonial.photo for testimonial in testimonials if testimonial.photo}
    # One person may have written several: each copy loses what any of them said.
    secrets = set().union(*(personal_strings(testimonial) for testimonial in testimonials))
    with counting_once():
        for testimonial in testimonials:
            erase_testimonial(testimonial, secrets)
    for photo in photos:
        erase_photo(photo, secrets)
    return len(testimonials)


def erase_testimonial(testimonial, secrets):
    if testimonial.live:
        testimonial.unpublish()
    workflow_state = testimonial.current_workflow_state
    if workflow_state:
        workflow_state.cancel()
    if testimonial.status in (Testimonial.Status.PENDING, Testimonial.Status.APPROVED):
        testimonial.status = Testimonial.Status.WITHDRAWN
        testimonial.withdrawn_at = timezone.now()
    customers_answers = {
        name: value
        for name, value in ERASED_VALUES.items()
        if name in Testimonial.CUSTOMER_OWNED_FIELDS
    }
    # Erasure at the author's request is one of the two ways their answers may change.
    testimonial.change_customer_answers(**customers_answers)
    for name, value in ERASED_VALUES.items():
        setattr(testimonial, name, value)
    # Nothing will be sent to the placeholder address.
    testimonial.notified_at = testimonial.notified_at or timezone.now()
    testimonial.save()  # also replaces what the search index holds

    erased = testimonial.serializable_data()
    for revision in Revision.objects.for_instance(testimonial):
        content = scrub(revision.content, secrets)
        content.update({name: erased[name] for name in ERASED_VALUES if name in content})
        revision.content = content
        revision.object_str = str(testimonial)
        revision.save(update_fields=["content", "object_str"])
    for entry in ModelLogEntry.objects.for_instance(testimonial):
        entry.label = str(testimonial)
        entry.data = scrub(entry.data, secrets)
        entry.save(update_fields=["label", "data"])
    for task_state in TaskState.objects.filter(
        workflow_state__in=testimonial.workflow_states.all()
    ):
        task_state.comment = scrub(task_state.comment, secrets)
        task_state.save(update_fields=["comment"])


def personal_strings(testimonial):
    """The author's words, names and address, as stored now and in every revision."""
    strings = {getattr(testimonial, name) for name in TEXT_FIELDS}
    for content in Revision.objects.for_instance(testimonial).values_list("content", flat=True):
        strings |= {content.get(name) for name in TEXT_FIELDS}
    return {value for value in strings if isinstance(value, str) and value.strip()}


def erase_photo(image, secrets):
    """Delete the photo and its renditions, files included, once the database change
    is committed. If another testimonial or anything else still uses the image (an
    editor may have picked it from the library), keep it: only its title loses what
    named the author."""
    testimonial_type = ContentType.objects.get_for_model(Testimonial)
    used_elsewhere = (
        Testimonial.objects.filter(photo=image).exists()
        or ReferenceIndex.get_references_to(image)
        .exclude(base_content_type=testimonial_type)
        .exists()
    )
    if used_elsewhere:
        image.title = scrub(image.title, secrets) or ERASED_NAME
        image.save(update_fields=["title"])
        return
    files = [image.file] + [rendition.file for rendition in image.renditions.all()]
    image.delete()

    def delete_files():
        for file in files:
            file.storage.delete(file.name)

    transaction.on_commit(delete_files)


# Photos nobody may show again --------------------------------------------------------


def delete_photo(testimonial):
    """Delete the photo its author sent with ``testimonial``, files and renditions
    included, unless something else still uses it."""
    image = testimonial.photo
    if not is_advocates_photo(image):
        return
    testimonial.photo = None
    testimonial.save(update_fields=["photo"])
    erase_photo(image, personal_strings(testimonial))


def past_reconsideration():
    """Testimonials whose photo nobody may show again: withdrawn, or rejected longer
    ago than a moderator may still reconsider."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.TESTIMONIAL_REJECTED_PHOTO_DAYS)
    Status = Testimonial.Status
    return (
        Testimonial.objects.filter(photo__file__startswith=f"{FOLDER}/")
        .filter(status__in=[Status.REJECTED, Status.WITHDRAWN])
        .exclude(status=Status.REJECTED, moderated_at__gt=cutoff)
        .select_related("photo")
    )


def delete_photos_past_reconsideration():
    testimonials = list(past_reconsideration())
    for testimonial in testimonials:
        with transaction.atomic():
            delete_photo(testimonial)
    return len(testimonials)
