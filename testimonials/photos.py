"""Advocates' photos: on the public site exactly while a published testimonial whose
author lets us show it uses one, and deleted once nobody may show it again.

A photo sent with the form is stored, stripped and under a random name (home.uploads),
in the private storage only, as the file of a Wagtail image in FOLDER. Publishing a
testimonial whose author consented puts a copy where Wagtail serves images from, and
renditions are made from that; whatever takes the testimonial off the site (rejection,
withdrawal, the author's change, a lapsed re-confirmation, erasure), or the photo off
the published testimonial, deletes the copy and every rendition. Moderators see the
private file in the admin; the image library does not list it (photo_admin.py).

The image, private file included, is deleted when its author withdraws the testimonial
or asks for erasure, and when a rejection has not been reconsidered within
TESTIMONIAL_REJECTED_PHOTO_DAYS (personal_data.py). Images editors upload to the
library, and may choose for a testimonial taken in an interview, are theirs: none of
this applies to them.

This module works on the testimonials it is handed: the models are built with it."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.models import Revision

from home.uploads import private_storage, store_without_metadata

FOLDER = "testimonial_photos"


def is_advocates_photo(image):
    return image is not None and image.file.name.startswith(f"{FOLDER}/")


def store_upload(upload, title):
    """The Wagtail image for a photo an advocate sent, its file in the private storage."""
    fields = store_without_metadata(upload, private_storage(), FOLDER)
    return get_image_model().objects.create(title=title, **fields)


def publish_or_withhold(image_id, testimonials):
    """Put the public copy of an advocate's photo in place, or take it and its
    renditions away, as ``testimonials`` (all of them) using it are now."""
    with transaction.atomic():
        # One decision at a time per photo: a publish and a take-down deciding at once
        # could otherwise leave a copy public after the take-down.
        image = get_image_model().objects.select_for_update().filter(pk=image_id).first()
        if not is_advocates_photo(image):
            return
        if testimonials.public().filter(photo=image, consent_photo=True).exists():
            show(image)
        else:
            withhold(image)


def show(image):
    """The public copy, made from the private file; renditions are made from it."""
    public = image.file.storage
    if not public.exists(image.file.name):
        with private_storage().open(image.file.name) as file:
            public.save(image.file.name, file)


def withhold(image):
    """The public copy and every rendition, files included, gone; the private file stays."""
    files = [image.file, *(rendition.file for rendition in image.renditions.all())]
    # Files first: a page rendered meanwhile finds no original to make a new rendition of.
    for file in files:
        file.storage.delete(file.name)
    image.renditions.all().delete()


def photos_of(testimonial):
    """The ids of the photos ``testimonial`` has now or had in any revision: one an
    editor replaced is in the revision that was live before."""
    revisions = Revision.objects.for_instance(testimonial).values_list("content", flat=True)
    return {testimonial.photo_id, *(content.get("photo") for content in revisions)} - {None}


def follow_the_testimonial(testimonial):
    """The public copies match what the live testimonial shows, whichever photos it
    shows now or showed before. Called once the testimonial's new state is recorded
    (testimonials.signals), and acted on once that is committed."""
    photo_ids = photos_of(testimonial)
    testimonials = type(testimonial).objects

    def follow():
        for photo_id in photo_ids:
            publish_or_withhold(photo_id, testimonials)

    transaction.on_commit(follow)


@receiver(post_delete, sender=get_image_model(), dispatch_uid="testimonial-photo-deleted")
def delete_private_file(sender, instance, **kwargs):
    """Whoever deletes an advocate's photo (erasure, withdrawal, an editor in the
    image library), its private file goes with it."""
    if is_advocates_photo(instance):
        name = instance.file.name
        transaction.on_commit(lambda: private_storage().delete(name))
