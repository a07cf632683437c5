from django import template
from django.utils.html import format_html
from django.utils.translation import pgettext

from comparisons.pricing import format_price
from comparisons.table import plan_label
from home.languages import default_language, reader_language

register = template.Library()


@register.filter(name="plan_label")
def plan_label_filter(plan):
    """A plan's name as readers see it: "All plans" in their language, other plans
    by the names their vendors give them."""
    return plan_label(plan)


@register.filter
def product_names(products):
    """ "A, B and C" in the reader's language."""
    names = [str(product.name) for product in products]
    if len(names) < 2:
        return "".join(names)
    separator = pgettext("list separator", ", ")
    return separator.join(names[:-1]) + pgettext("between product names", " and ") + names[-1]


@register.filter
def in_its_language(words):
    """Words from the comparison data, marked with their language where the page shows
    them untranslated, so that a screen reader reads them in the right voice."""
    lang = getattr(words, "lang", None)
    if lang is None:
        return words
    return format_html('<span lang="{}">{}</span>', lang, words)


@register.filter
def as_recorded(words):
    """Words recorded in the site's default language (a correction's values and
    reason), marked with it on a page in another language."""
    language = default_language()
    if not words or reader_language() == language:
        return words
    return format_html('<span lang="{}">{}</span>', language, words)


@register.filter
def markdown_rendition(url):
    """A page's Markdown rendition: /compare/foo/ -> /compare/foo.md."""
    return f"{url.rstrip('/')}.md" if url and url != "/" else ""


@register.filter
def price_in(amount, currency):
    """An amount in ``currency`` as the reader's language writes it: "$1,140"."""
    return format_price(amount, currency)
