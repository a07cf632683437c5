"""What markup built in Python rather than with templates shares (a comparison table's
cells, a testimonial's cards): escaping without Django's wrapping, and one renderer per
template render.

Those pages are built in Python because they repeat a piece hundreds of times, where
the template engine's cost per node added up to most of a cold render. Everything a
visitor, a customer or an editor wrote goes through ``escape`` on its way in."""

from html import escape as html_escape

from django.apps import apps
from django.utils.translation import get_language

from wagtail.images.models import Picture


def escape(value):
    """HTML-escaped text, as Django's ``escape`` makes it, without its wrapping (which
    costs more than the escaping on a table of 480 cells)."""
    return html_escape(str(value))


def once_per_render(context, kind, make):
    """The one ``kind`` of renderer of a template render in the active language, made by
    ``make`` when first asked for and kept in the render context."""
    key = (kind, get_language())
    found = context.render_context.get(key)
    if found is None:
        found = context.render_context[key] = make()
    return found


def picture(renditions, attributes):
    """The ``<picture>`` Wagtail's ``Picture`` writes for ``renditions`` (by filter spec,
    as ``get_renditions_or_not_found`` gives them), with ``attributes`` on its ``<img>``:
    the same tags and attributes. Written here because Wagtail flattens each tag's
    attributes through ``format_html`` and asks each rendition's storage for its
    address twice: 3 ms of a wall page showing seven photos, a tenth of its render."""
    grouped = Picture(renditions)  # renditions grouped by format as Wagtail groups them
    if not grouped.formats:
        return f"<picture>{image_tag(grouped.renditions, attributes)}</picture>"
    fallback = grouped.get_fallback_format()
    sources = [
        "<source{}>".format(
            flat_attributes(
                {
                    "srcset": srcset(grouped.formats[kind.name]),
                    "sizes": attributes.get("sizes"),
                    "type": kind.mime_type,
                }
            )
        )
        for kind in Picture.source_format_order
        if kind.name != fallback and kind.name in grouped.formats
    ]
    fallback_tag = image_tag(grouped.formats[fallback], attributes)
    return f"<picture>{''.join(sources)}{fallback_tag}</picture>"


def image_tag(renditions, attributes):
    """The ``<img>`` of the first of ``renditions``, all of them in its ``srcset``."""
    first = renditions[0]
    urls = [rendition.url for rendition in renditions]  # each asked of storage once
    tag = {"src": urls[0], "width": first.width, "height": first.height}
    tag.update(apps.get_app_config("wagtailimages").default_attrs)
    tag.update(attributes)
    if "alt" not in tag:
        tag["alt"] = first.alt
    if len(renditions) > 1:
        tag["srcset"] = srcset(renditions, urls)
    return f"<img{flat_attributes(tag)}>"


def srcset(renditions, urls=None):
    """Each rendition's address and width, or the address alone for a single one."""
    urls = urls or [rendition.url for rendition in renditions]
    if len(renditions) == 1:
        return urls[0]
    return ", ".join(f"{url} {r.width}w" for url, r in zip(urls, renditions, strict=True))


def flat_attributes(attributes):
    """Attributes as Django's ``flatatt`` writes them (sorted by name, ``True`` as a bare
    name, ``False`` and ``None`` left out), every name and value escaped but for
    markup already marked safe."""
    pairs = sorted(
        (name, value) for name, value in attributes.items() if not isinstance(value, bool)
    )
    flags = sorted(name for name, value in attributes.items() if value is True)
    return "".join(
        [
            *(f' {safe(name)}="{safe(value)}"' for name, value in pairs if value is not None),
            *(f" {safe(name)}" for name in flags),
        ]
    )


def safe(value):
    """``value`` as a template shows it: markup marked safe as it is, anything else
    escaped (Django's ``conditional_escape``, without its wrapping)."""
    return value.__html__() if hasattr(value, "__html__") else escape(value)
