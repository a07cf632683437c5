"""A fact's value and its evidence as HTML: the body of a comparison table (its groups,
rows and cells) and of a product page's facts, the calculator's facts used and an
evidence page, written once here.

Built in Python rather than with template includes because it is the bulk of those
pages: a comparison of 8 products on 60 criteria has 480 cells, and the template
engine spent about 0.3 ms on each (resolving variables, translating the same few
words again, formatting dates), most of a cold render. Here the words are translated
once per render and each date is formatted once, so a cell costs a few microseconds.

Everything a fact holds is escaped on its way in; only the translations (written by
translators, as in a template) and the markup built here are trusted."""

from functools import lru_cache
from itertools import groupby

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext, ngettext, pgettext

from comparisons.table import plan_label
from home.markup import escape, once_per_render

# A comparison cell's classes: (is best, is stale) -> class attribute.
CELL_CLASSES = {
    (False, False): "",
    (True, False): "is-best",
    (False, True): "is-stale",
    (True, True): "is-best is-stale",
}

# Shown before a support value; hidden from screen readers, which read the word.
SUPPORT_MARKS = {"yes": "✓ ", "partial": "◐ ", "no": "✗ "}


# Words from the data, escaped once per process: a table shows the same few values
# ("Included", "24/7", "Business") in hundreds of cells. Kept by value, so a changed
# value is a new entry; the oldest are dropped.
escaped_words = lru_cache(maxsize=8192)(escape)


@lru_cache(maxsize=4096)
def short_date(language, day):
    """A date as ``language`` writes it briefly ("17 Aug 2026"): the same every time,
    and a table shows hundreds, so each is formatted once per process."""
    return escape(date_format(day, "SHORT_DATE_FORMAT"))


@lru_cache(maxsize=4096)
def stale_note(language, days):
    """How long ago a stale value was checked, in ``language`` (the active one): a
    table has a few hundred, of as many ages, and choosing a plural form costs more
    than the rest of a cell."""
    words = ngettext(
        "Stale: last checked %(days)s day ago",
        "Stale: last checked %(days)s days ago",
        days,
    ) % {"days": days}
    return f' <strong class="stale">{escape(words)}</strong>'


def uniform_attributes(is_uniform, differences_only):
    """A row or group where every product has the same value is marked, for the script
    that shows only differences, and hidden when the reader asked for them."""
    if not is_uniform:
        return ""
    return " data-uniform hidden" if differences_only else " data-uniform"


def in_its_language(words):
    """Words from the comparison data, marked with their language where the page shows
    them untranslated, so that a screen reader reads them in the right voice."""
    return SafeString(marked_language(words))


def marked_language(words):
    # ``in_its_language`` as the plain text of markup, for markup built here: a table
    # joins thousands of pieces, and making each one a SafeString copies it.
    text = words.__html__() if hasattr(words, "__html__") else escaped_words(words)
    lang = getattr(words, "lang", None)
    if lang is None:
        return text
    return f"{language_opening(lang)}{text}</span>"


@lru_cache(maxsize=16)
def language_opening(lang):
    # A Japanese table marks a few hundred English words: one language, escaped once.
    return f'<span lang="{escape(lang)}">'


class FactMarkup:
    """Renders facts for one page in the active language. Make one per render (see
    ``for_context``): it remembers the words and dates it has already formatted. What a
    template gets (``value``, ``evidence``, ``product_facts``, ``comparison_groups``)
    is marked safe; the pieces they are made of are plain text, every value in them
    escaped, because marking each of a table's thousands of pieces copies it."""

    def __init__(self, evidence_base=""):
        self.evidence_base = escape(evidence_base or "")
        self.language = get_language()
        self.words = {
            "source": gettext("Source"),
            "verified": gettext(", verified"),
            "flag": gettext("Source has changed since we verified this; we are re-checking."),
            "checked": gettext(
                'source checked automatically on <time datetime="%(iso_date)s">%(date)s</time>'
            ),
            "evidence": gettext("Evidence"),
            "for": gettext("for %(label)s"),
            "best": gettext("★ Best"),
            "missing": gettext("Not recorded"),
            "ranked": gettext("Ranked, best first:"),
            "separator": pgettext("list separator", ", "),
            "not_in": gettext("(not in %(plan)s)"),
        }
        # Labels of choices, from the first fact shown: a label costs a lookup and a
        # translation each time a model is asked for it.
        self.support_labels = self.availability_labels = None
        self.plans = {}
        self.sources = {}
        self.product_labels = {}
        self.openings = {}
        self.tags = {}
        self.times = {}

    @classmethod
    def for_context(cls, context):
        """The one renderer of a template render, kept in its render context."""
        return once_per_render(context, cls, lambda: cls(context.get("evidence_base")))

    # Pieces ----------------------------------------------------------------------------

    def short_date(self, day):
        return short_date(self.language, day)

    def time(self, day):
        # A table's values were verified on a few dozen days: each ``<time>`` made once.
        found = self.times.get(day)
        if found is None:
            found = self.times[day] = (
                f'<time datetime="{day.isoformat()}">{short_date(self.language, day)}</time>'
            )
        return found

    def stale(self, days):
        return stale_note(self.language, days)

    def source_url(self, url):
        # A product's values share a few sources: each escaped once.
        found = self.sources.get(url)
        if found is None:
            found = self.sources[url] = escape(url)
        return found

    def plan(self, plan):
        found = self.plans.get(plan)
        if found is None:
            found = self.plans[plan] = escape(plan_label(plan))
        return found

    def value_opening(self, support):
        found = self.openings.get(support)
        if found is None:
            found = (
                f'<span class="value value--{escape(support)}">'
                if support
                else '<span class="value">'
            )
            self.openings[support] = found
        return found

    def choice_labels(self, fact):
        """The labels of a fact's support and availability choices, escaped."""
        if self.support_labels is None:
            model = type(fact)
            self.support_labels = {
                value: escape(label) for value, label in model.SUPPORT_LABELS.items()
            }
            self.availability_labels = {
                value: escape(label) for value, label in model.Availability.choices
            }
        return self.support_labels, self.availability_labels

    def availability_tag(self, fact):
        """The tag of a fact's availability ("Paid add-on"): a few kinds, each made once."""
        found = self.tags.get(fact.availability)
        if found is None:
            availability = fact.availability
            found = self.tags[availability] = (
                f'<span class="tag tag--{escape(availability)}">'
                f"{self.choice_labels(fact)[1][availability]}</span>"
            )
        return found

    def hidden_label(self, label, escaped=False):
        """What the links of a value say to screen readers: "for <label>". A table
        passes its labels ``escaped``, made of names it escaped once per row and column."""
        words = self.words["for"] % {"label": label if escaped else escape(label)}
        return f'<span class="visually-hidden"> {words}</span>'

    # A fact ----------------------------------------------------------------------------

    def value(self, fact, availability_apart=False):
        """The value with its support mark, availability and note."""
        return SafeString(self.value_markup(fact, availability_apart))

    def value_markup(self, fact, availability_apart=False, criterion=None):
        # ``value`` as plain text, to be joined into more markup. Every piece is escaped.
        # A table passes the row's ``criterion``, the fact's, rather than have each of
        # its cells ask the fact for it.
        support = fact.support
        parts = [self.value_opening(support)]
        mark = SUPPORT_MARKS.get(support)
        if mark:
            parts.append(f'<span aria-hidden="true">{mark}</span>')
        parts.append(self.value_words(fact, criterion))
        parts.append("</span>")
        if fact.availability and not availability_apart:
            parts.append(" " + self.availability_tag(fact))
        if fact.note:
            parts.append(f'<span class="value__note">{marked_language(fact.note)}</span>')
        return "".join(parts)

    def value_words(self, fact, criterion=None):
        """The value alone, as plain text of markup: a support level's label, or the
        number, rating or text in its language."""
        if fact.support:
            criterion = criterion or fact.criterion
            if criterion.kind == type(criterion).Kind.SUPPORT:
                return self.choice_labels(fact)[0][fact.support]
        return marked_language(fact.display_value)

    def evidence(self, fact, label, stale=False, age_in_days=0, anchor=""):
        """Where the value comes from: its source, when it was verified, what the
        automatic check found, whether it is stale, and a link to its evidence page."""
        hidden = self.hidden_label(label)
        return SafeString(self.evidence_labelled(fact, hidden, stale, age_in_days, escape(anchor)))

    def evidence_labelled(self, fact, hidden, stale, age_in_days, anchor):
        """``evidence`` as plain text, given the links' hidden label as markup
        (``hidden_label``) and the anchor escaped."""
        words = self.words
        parts = [
            f'<span class="evidence"><a href="{self.source_url(fact.source_url)}" '
            f'rel="nofollow noopener">{words["source"]}{hidden}</a>{words["verified"]} '
            f"{self.time(fact.verified_on)}"
        ]
        if fact.source_flag:
            parts.append(f' <strong class="source-flag">{words["flag"]}</strong>')
        elif fact.source_checked_at:
            checked = localtime(fact.source_checked_at).date()
            parts.append(
                ' <span class="source-checked">'
                + words["checked"]
                % {"iso_date": checked.isoformat(), "date": self.short_date(checked)}
                + "</span>"
            )
        if stale:
            parts.append(self.stale(age_in_days))
        if self.evidence_base:
            parts.append(
                f' <a class="evidence__archive" href="{self.evidence_base}{anchor}/">'
                f"{words['evidence']}{hidden}</a>"
            )
        parts.append("</span>")
        return "".join(parts)

    # A table's groups --------------------------------------------------------------------

    def group_row(self, name, columns):
        """The row that heads a group of criteria ("Security"), across ``columns``."""
        return (
            f'<tr class="group-row"><th scope="colgroup" colspan="{columns}">'
            f'<span class="group-row__label">{marked_language(name)}</span></th></tr>'
        )

    def product_facts(self, facts):
        """A product page's facts, in order: a ``<tbody>`` for each group of criteria,
        headed by its name, with a row per fact."""
        parts = []
        for name, in_group in groupby(facts, key=lambda fact: fact.criterion.group):
            parts += ["<tbody>", self.group_row(name, 4), *map(self.product_row, in_group)]
            parts.append("</tbody>")
        return SafeString("".join(parts))  # every value above is escaped

    def comparison_groups(self, table, differences_only=False):
        """A comparison table's body: a ``<tbody>`` for each group of criteria, marked
        (and hidden when the reader asked for differences only) where every row is the
        same for every product."""
        columns = len(table.columns) + 1
        parts = []
        for group in table.groups:
            uniform = uniform_attributes(group.is_uniform, differences_only)
            parts += [f"<tbody{uniform}>", self.group_row(group.name, columns)]
            parts += [self.row(row, differences_only) for row in group.rows]
            parts.append("</tbody>")
        return SafeString("".join(parts))  # every value above is escaped

    # A product page's row ----------------------------------------------------------------

    def product_row(self, fact):
        """A row of a product page's facts: the criterion, the value, the plan it holds
        on (availability included, so the value does not repeat it) and its evidence."""
        name = fact.criterion.name
        parts = [
            f'<tr id="fact-{fact.pk}"><th scope="row">{marked_language(name)}</th>',
            f"<td>{self.value_markup(fact, availability_apart=True)}</td><td>",
        ]
        availability = fact.availability
        if availability:
            tag = self.availability_tag(fact)
        if availability == "higher_plan":
            parts.append(tag)
            if not fact.is_for_every_plan:
                parts.append(" " + escape(self.words["not_in"] % {"plan": plan_label(fact.plan)}))
        else:
            parts.append(self.plan(fact.plan))
            if availability:
                parts.append(" " + tag)
        parts.append("</td><td>")
        hidden = self.hidden_label(name)
        parts.append(self.evidence_labelled(fact, hidden, fact.stale, fact.age, fact.pk))
        parts.append("</td></tr>")
        return "".join(parts)

    # A comparison's row ----------------------------------------------------------------

    def row(self, row, differences_only=False):
        """A comparison table's row: the criterion, then each product's value. A row
        where every product has the same value is marked, and hidden when the reader
        asked for differences only."""
        criterion = row.criterion
        uniform = uniform_attributes(row.is_uniform, differences_only)
        parts = [f'<tr{uniform}><th scope="row">{marked_language(criterion.name)}']
        if criterion.help_text:
            help_text = marked_language(criterion.help_text)
            parts.append(f'<span class="criterion__help">{help_text}</span>')
        if criterion.kind == type(criterion).Kind.TEXT and criterion.is_ranked:
            # Editors rank short text by hand: readers see the order that decides the row.
            words = criterion.ranked_words
            ranking = "".join(f"<li>{marked_language(word)}</li>" for word in words)
            parts.append(
                f'<div class="criterion__ranking">{self.words["ranked"]} '
                f'<ol class="ranking">{ranking}</ol></div>'
            )
        parts += ["</th>", self.cells(row), "</tr>"]
        return "".join(parts)

    def cells(self, row):
        """The ``<td>`` of each product in a comparison table's row."""
        # Each product's name, and the row's criterion, escaped once rather than in
        # each of the row's cells' two hidden labels.
        criterion = row.criterion
        criterion_name = escape(criterion.name)
        parts = []
        for cell in row.cells:
            # An anchor is made of slugs: letters, digits and hyphens, nothing to escape.
            parts.append(
                f'<td id="{cell.anchor}" class="{CELL_CLASSES[cell.is_best, cell.is_stale]}">'
            )
            fact = cell.fact
            if fact is None:
                parts.append(f'<span class="value value--missing">{self.words["missing"]}</span>')
            else:
                parts.append(self.value_markup(fact, criterion=criterion))
                if cell.is_best:
                    parts.append(f' <strong class="best-mark">{self.words["best"]}</strong>')
                if fact.plan != cell.column.plan:
                    parts.append(f' <span class="value__plan">{self.plan(fact.plan)}</span>')
                label = f"{self.product_label(cell.column)}{criterion_name}"
                parts.append(" ")
                parts.append(
                    self.evidence_labelled(
                        fact,
                        self.hidden_label(label, escaped=True),
                        cell.is_stale,
                        cell.age_in_days,
                        cell.anchor,
                    )
                )
            parts.append("</td>")
        return "".join(parts)

    def product_label(self, column):
        """A column's product name and the separator before a criterion, escaped."""
        found = self.product_labels.get(id(column))
        if found is None:
            found = escape(f"{column.product.name}{self.words['separator']}")
            self.product_labels[id(column)] = found
        return found
