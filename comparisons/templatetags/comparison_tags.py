from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import pgettext

from comparisons import fact_markup
from comparisons.fact_markup import FactMarkup
from comparisons.pricing import format_price
from comparisons.summary_markup import SummaryMarkup
from comparisons.table import plan_label
from home.languages import default_language, reader_language
from home.markup import escape

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
    if getattr(words, "lang", None) is None:
        return words
    return fact_markup.in_its_language(words)


@register.simple_tag
def choice_inputs(field):
    """A radio button or checkbox in its label for each of ``field``'s choices, checked
    as the reader asked. Written here rather than through each choice's widget: on
    the largest comparison the calculator's 32 features cost as much as its summary."""
    widget = field.field.widget
    chosen = set(widget.format_value(field.value()))
    checked = {True: " checked", False: ""}
    inputs = (
        f'<label class="choice"><input type="{widget.input_type}" '
        f'name="{escape(field.html_name)}" value="{escape(value)}" '
        f'id="{escape(field.auto_id)}_{index}"{checked[str(value) in chosen]}> '
        f"{fact_markup.marked_language(label)}</label>"
        for index, (value, label) in enumerate(field.field.choices)
    )
    return SafeString("".join(inputs))


@register.simple_tag(takes_context=True)
def fact_value(context, fact, availability_apart=False):
    """A fact's value, support mark, availability and note (comparisons.fact_markup)."""
    return FactMarkup.for_context(context).value(fact, availability_apart)


@register.simple_tag(takes_context=True)
def fact_evidence(context, fact, label, stale=False, age_in_days=0, anchor=""):
    """A fact's source, verification date, automatic check, staleness and evidence link."""
    return FactMarkup.for_context(context).evidence(fact, label, stale, age_in_days, anchor)


@register.simple_tag(takes_context=True)
def product_facts(context, facts):
    """A product page's facts, group by group: criterion, value, plan and evidence."""
    return FactMarkup.for_context(context).product_facts(facts)


@register.simple_tag(takes_context=True)
def comparison_groups(context, table, differences_only=False):
    """A comparison table's groups of rows: each criterion and every product's value."""
    return FactMarkup.for_context(context).comparison_groups(table, differences_only)


@register.simple_tag(takes_context=True)
def comparison_standings(context, table):
    """Where each product leads, for the summary before a comparison table."""
    return SummaryMarkup.for_context(context).standings(table)


@register.simple_tag(takes_context=True)
def competitor_wins(context, table):
    """The rows competitors win, with every product's value in them."""
    return SummaryMarkup.for_context(context).competitor_wins(table)


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
