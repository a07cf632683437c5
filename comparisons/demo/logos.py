"""Logos for the demo's own products, drawn when the demo loads: a monogram on the
product's colour, large enough for search engines (they ask for 112 px or more)."""

from io import BytesIO

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model

from PIL import Image, ImageDraw, ImageFont

SIZE = 512
COLOURS = {
    "Fernhill Desk": "#1f5f4a",
    "Fernhill Chat": "#2b4c8c",
    "Fernhill Answers": "#7a3e8e",
}


def monogram(name):
    """The initials of a product's name: "Fernhill Desk" gives "FD"."""
    return "".join(word[0] for word in name.split()[:2]).upper()


def draw(name, colour):
    picture = Image.new("RGB", (SIZE, SIZE), colour)
    pen = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=SIZE // 2)
    pen.text((SIZE / 2, SIZE / 2), monogram(name), fill="white", font=font, anchor="mm")
    data = BytesIO()
    picture.save(data, format="PNG")
    return data


def logo_for(product):
    """A new image for ``product``'s logo, or None for a product with no colour here."""
    colour = COLOURS.get(product.name)
    if colour is None:
        return None
    file = ImageFile(draw(product.name, colour), name=f"{slugify(product.name)}-logo.png")
    return get_image_model().objects.create(
        title=f"{product.name} logo",
        description=f"{product.name} logo",
        file=file,
    )
