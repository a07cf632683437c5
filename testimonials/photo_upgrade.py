"""Images stored before Candor stripped every image and kept advocates' photos private,
brought in line: once on upgrade (migration 0009), and again by the
protect_stored_images command for files that were missing then.

An advocate's photo is told from a library image by how the public form stored it:
uploaded by nobody (the admin records who uploads; the form's visitors are nobody),
the photo of testimonials sent through the form and of nothing else, neither of a
testimonial taken otherwise nor of anything in Wagtail's reference index. It becomes
what a photo sent today is: stripped, renamed and kept private, public again only while
a live testimonial whose author lets us show it uses it. Every other image (editors'
uploads, portraits and logos the demo loaded) is stripped and renamed in its own folder.
Either way its renditions go, named as they are after the old file.

Images already brought in line (in the private folder, or under a random name) are
left alone, so running it again changes nothing. It works on the models ``apps`` gives,
so the migration runs it on the models as they were then."""

import logging
import re
from pathlib import PurePosixPath

from django.apps import apps as installed_apps
from django.db import transaction

from wagtail.images import get_image_model_string

from PIL import UnidentifiedImageError

from home.page_cache.purge import purge_site
from home.uploads import private_storage, store_without_metadata
from testimonials.models import Testimonial
from testimonials.photos import FOLDER, show
from testimonials.querysets import PUBLIC

logger = logging.getLogger(__name__)

# The names home.uploads gives.
RANDOM_NAME = re.compile("[0-9a-f]{32}")


def protect_stored_images(apps=installed_apps, schema_editor=None):
    """Bring every image stored before in line; the number done and the number left
    because their file is missing."""
    Image = apps.get_model(get_image_model_string())
    testimonials = apps.get_model("testimonials", "Testimonial").objects
    advocates_photos = photos_sent_through_the_form(apps)
    # The models of a migration have no Testimonial.objects.public(): its rule instead.
    shown = set(testimonials.filter(**PUBLIC, consent_photo=True).values_list("photo", flat=True))
    done = missing = 0
    for image in Image.objects.exclude(file__startswith=f"{FOLDER}/").order_by("pk"):
        if RANDOM_NAME.fullmatch(PurePosixPath(image.file.name).stem):
            continue
        try:
            if image.pk in advocates_photos:
                image = store_again(image, private_storage(), FOLDER)
                if image.pk in shown:
                    show(image)
            else:
                store_again(image, image.file.storage, PurePosixPath(image.file.name).parent)
        except (FileNotFoundError, UnidentifiedImageError):
            logger.warning(
                "The file of image %s, %s, is missing or not an image: the image is left "
                "as it is. Run manage.py protect_stored_images once the file is back.",
                image.pk,
                image.file.name,
            )
            missing += 1
        else:
            done += 1
    if done:
        purge_site()  # cached pages link the renditions that were deleted
    return done, missing


def photos_sent_through_the_form(apps):
    """The ids of the images that are advocates' photos, as the module says."""
    Image = apps.get_model(get_image_model_string())
    testimonials = apps.get_model("testimonials", "Testimonial").objects.exclude(photo=None)
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    used_elsewhere = set(
        ReferenceIndex.objects.filter(
            to_content_type__app_label=Image._meta.app_label,
            to_content_type__model=Image._meta.model_name,
        )
        .exclude(
            base_content_type__app_label="testimonials", base_content_type__model="testimonial"
        )
        .values_list("to_object_id", flat=True)
    )
    Source = Testimonial.Source
    candidates = (
        Image.objects.filter(uploaded_by_user=None)
        .filter(pk__in=testimonials.filter(source=Source.FORM).values("photo"))
        .exclude(pk__in=testimonials.exclude(source=Source.FORM).values("photo"))
        .values_list("pk", flat=True)
    )
    return {pk for pk in candidates if str(pk) not in used_elsewhere}


def store_again(image, storage, folder):
    """Replace the file of ``image`` by a stripped copy under a random name in
    ``folder`` of ``storage``: the image as it is then. Its renditions go, and the old
    files once the new name is committed."""
    old_files = [image.file, *(rendition.file for rendition in image.renditions.all())]
    with image.file.storage.open(image.file.name) as file:
        fields = store_without_metadata(file, storage, folder)
    # Updated in the database: assigning the file would have Django measure it in the
    # public media, where a private one is not.
    images = type(image).objects.filter(pk=image.pk)
    images.update(**fields)
    image.renditions.all().delete()

    def delete_old_files():
        for file in old_files:
            file.storage.delete(file.name)

    transaction.on_commit(delete_old_files)
    return images.get()
