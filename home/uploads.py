"""What becomes of an uploaded image: only common raster formats are accepted from the
public, and every image, whoever uploads it and however, is stored upright under a
random name with nothing in it but its pixels and colour profile. A phone photo
carries where it was taken, on what and when (EXIF, XMP, IPTC, comments, thumbnails);
none of that may reach the site, the original or any rendition made from it.

Files nobody may fetch from the public media (an advocate's photo before a moderator
approves it) live in the private storage: outside MEDIA_ROOT, with no URL."""

import functools
import io
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import get_image_dimensions
from django.core.files.storage import FileSystemStorage, storages
from django.db.models.signals import pre_save
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from PIL import ExifTags, Image, ImageOps, ImageSequence

# Pillow's names. SVG (script), PDF/EPS (interpreters) and exotic formats stay out.
RASTER_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp", "AVIF": ".avif"}
# What a picture needs to look as it did; everything else in Pillow's info is dropped.
KEPT_INFO = ("icc_profile", "transparency", "background", "duration", "loop")
# Re-encoding a lossy format that has to be turned: close to the original, far smaller
# than lossless.
QUALITY = 90


def validate_raster_image(upload):
    """For a Django ImageField upload, which Pillow has already opened."""
    image_format = getattr(getattr(upload, "image", None), "format", None)
    if image_format not in RASTER_FORMATS:
        raise ValidationError(
            _("Please upload a photo as %(formats)s."),
            code="invalid_image_format",
            params={"formats": ", ".join(RASTER_FORMATS.values())},
        )


def validate_decodable(upload, pixel_budget):
    """An upload Candor can read to the end without holding more than ``pixel_budget``
    pixels: every frame of an animation counts (a small GIF can hold hundreds of large
    frames), and a file cut short is refused here rather than failing once stored."""
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            frames = getattr(image, "n_frames", 1)
            if frames * image.width * image.height > pixel_budget:
                raise ValidationError(
                    _(
                        "This photo holds %(frames)s pictures, too many to show. Please "
                        "send a single photo."
                    ),
                    code="too_many_frames",
                    params={"frames": frames},
                )
            for frame in ImageSequence.Iterator(image):
                frame.load()  # one frame at a time
    except (OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _(
                "We could not read this photo to the end: it may be damaged or cut short. "
                "Please choose it again, or another one."
            ),
            code="unreadable_image",
        ) from error
    finally:
        upload.seek(0)


def without_metadata(file):
    """The image in ``file`` as a new file under a random name: turned the way its
    EXIF orientation says, re-encoded in its own format (PNG for one Candor does not
    serve) with only its colour profile and, if animated, its timing kept."""
    file.seek(0)
    with Image.open(file) as image:
        # A phone's MPO is a JPEG followed by previews and depth maps: the JPEG is kept.
        image_format = "JPEG" if image.format == "MPO" else image.format
        if image_format not in EXTENSIONS:
            image_format = "PNG"
        upright = image.getexif().get(ExifTags.Base.Orientation, 1) == 1
        sequence = [image] if image_format == "JPEG" else ImageSequence.Iterator(image)
        # Turned copies of every frame; their info is all that is saved with them.
        frames = [ImageOps.exif_transpose(frame) for frame in sequence]
        for frame in frames:
            frame.info = {key: frame.info[key] for key in KEPT_INFO if key in frame.info}
        options = {"icc_profile": frames[0].info.get("icc_profile")}
        if image.format == "JPEG" and upright:
            # Upright already: the encoder's own tables, so the photo loses nothing more.
            image.info = dict(frames[0].info)
            frames = [image]
            options |= {"quality": "keep"}
        elif image_format in ("JPEG", "WEBP", "AVIF"):
            options |= {"quality": QUALITY}
        if len(frames) > 1:
            options |= {
                "save_all": True,
                "append_images": frames[1:],
                "duration": [frame.info.get("duration", 100) for frame in frames],
                "loop": frames[0].info.get("loop", 0),
            }
        if image_format == "GIF":
            del options["icc_profile"]
        buffer = io.BytesIO()
        frames[0].save(buffer, image_format, **options)
    return ContentFile(buffer.getvalue(), name=uuid.uuid4().hex + EXTENSIONS[image_format])


def store_without_metadata(file, storage, folder):
    """Save ``file`` stripped (as above) in ``folder`` of ``storage``, for an image whose
    file is put in place by hand: the values of the image's file fields."""
    image = without_metadata(file)
    width, height = get_image_dimensions(image)
    return {
        "file": storage.save(str(PurePosixPath(folder, image.name)), image),
        "width": width,
        "height": height,
        "file_size": image.size,
        "file_hash": hash_filelike(image),
    }


def strip_metadata_before_storing(sender, instance, raw=False, **kwargs):
    """Every new or replaced image file, before Django writes it to storage: the admin's
    uploads (one or many, in the library or a chooser), the public forms, commands."""
    file = instance.file
    if raw or not file or getattr(file, "_committed", True):
        return
    # Setting the file makes Django read the new width and height.
    instance.file = without_metadata(file)
    instance._set_image_file_metadata()


def connect():
    pre_save.connect(
        strip_metadata_before_storing,
        sender=get_image_model(),
        dispatch_uid="strip-image-metadata",
    )


# Private files -------------------------------------------------------------------------


class PrivateFileSystemStorage(FileSystemStorage):
    """Local files under PRIVATE_MEDIA_ROOT, which no web server serves."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no public address.")


@functools.cache
def private_storage():
    """The storage PRIVATE_MEDIA_STORAGE describes (local files, or a private bucket)."""
    return storages.create_storage(settings.PRIVATE_MEDIA_STORAGE)
