"""What markup built in Python rather than with templates shares (a comparison table's
cells, a testimonial's cards): escaping without Django's wrapping, and one renderer per
template render.

Those pages are built in Python because they repeat a piece hundreds of times, where
the template engine's cost per node added up to most of a cold render. Everything a
visitor, a customer or an editor wrote goes through ``escape`` on its way in."""

from html import escape as html_escape

from django.utils.translation import get_language


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
