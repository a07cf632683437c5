"""What the public may upload: common raster images, nothing that can carry script."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Pillow's names. SVG (script), PDF/EPS (interpreters) and exotic formats stay out.
RASTER_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP"}


def validate_raster_image(upload):
    """For a Django ImageField upload, which Pillow has already opened."""
    image_format = getattr(getattr(upload, "image", None), "format", None)
    if image_format not in RASTER_FORMATS:
        raise ValidationError(
            _("Please upload a photo as %(formats)s."),
            code="invalid_image_format",
            params={"formats": ", ".join(RASTER_FORMATS.values())},
        )
