"""The summary before a comparison table, as HTML: where each product leads, and the
rows a competitor wins with every product's value in them.

Built in Python for the reason the table's body is (comparisons/fact_markup.py): the
largest comparison's summary names about 300 criteria and 128 values, and as template
loops it was a ninth of the page's render (21.6 of 198 M instructions), translating the
same few words again and resolving each name through the template engine. Here the words
are translated once per render. The section around the lists stays in
templates/components/comparison_summary.html.

Everything from the comparison data is escaped on its way in; the translations are
trusted, as in a template."""

from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext, pgettext

from comparisons.fact_markup import FactMarkup, marked_language
from home.markup import escape, once_per_render


class SummaryMarkup:
    """The summary's lists for one render, in the active language. ``values`` is the
    render's FactMarkup: the summary says each value as the table does."""

    def __init__(self, values):
        self.values = values
        self.words = {
            "ours": gettext("ours"),
            "best for": gettext("Best for"),
            "leads on none": gettext("Leads on none of the ranked rows in this table."),
            "competitors": gettext("Where competitors are better"),
            "full stop": pgettext("end of sentence", "."),
            "label": pgettext("label separator", ": "),
            "and": pgettext("between product names", " and "),
            "list": pgettext("list separator", ", "),
            "values": pgettext("list separator", "; "),
            # Japanese sets an aside in full-width brackets, with no space before them.
            "aside": pgettext("aside in brackets", " (%(aside)s)"),
        }

    @classmethod
    def for_context(cls, context):
        """The one summary renderer of a template render (both lists share its words)."""
        return once_per_render(context, cls, lambda: cls(FactMarkup.for_context(context)))

    def standings(self, table):
        """A ``<li>`` for each product: the verdict on it and the ranked rows it leads
        on alone and with others."""
        words = self.words
        items = []
        for standing in table.standings:
            column = standing.column
            ours = column.product.is_ours
            parts = [
                f'<li class="standing{" standing--ours" if ours else ""}">'
                f"<h3>{escape(column.product.name)}"
            ]
            if ours:
                parts.append(f' <span class="tag">{words["ours"]}</span>')
            parts.append("</h3>")
            if column.best_for:
                parts.append(
                    f'<p class="verdict"><strong>{words["best for"]}</strong> '
                    f"{escape(column.best_for)}</p>"
                )
            if standing.leads:
                count = len(standing.leads)
                lead = ngettext("Leads on %(counter)s:", "Leads on %(counter)s:", count)
                parts.append(self.criteria_line(lead % {"counter": count}, standing.leads))
            if standing.shared:
                count = len(standing.shared)
                shared = ngettext(
                    "Shares the lead on %(counter)s:", "Shares the lead on %(counter)s:", count
                )
                parts.append(self.criteria_line(shared % {"counter": count}, standing.shared))
            if not standing.leads and not standing.shared:
                parts.append(f"<p>{words['leads on none']}</p>")
            parts.append("</li>")
            items.append("".join(parts))
        return SafeString("".join(items))  # every value above is escaped

    def criteria_line(self, heading, criteria):
        names = self.words["list"].join(marked_language(criterion.name) for criterion in criteria)
        return f"<p>{heading} {names}{self.words['full stop']}</p>"

    def competitor_wins(self, table):
        """The rows a competitor wins and none of ours shares, each with who wins it
        and every product's value."""
        rows = table.competitor_wins
        if not rows:
            return SafeString("")
        words = self.words
        items = []
        for row in rows:
            winners = words["and"].join(escape(column.product.name) for column in row.winners)
            values = words["values"].join(
                f"{escape(cell.column.product.name)}{words['label']}{self.value(cell.fact)}"
                for cell in row.cells
                if cell.fact
            )
            aside = words["aside"] % {"aside": values}
            items.append(
                f"<li><strong>{marked_language(row.criterion.name)}</strong>"
                f"{words['label']}{winners}{aside}</li>"
            )
        return SafeString(
            f'<div class="competitor-wins"><h3>{words["competitors"]}</h3>'
            f"<ul>{''.join(items)}</ul></div>"
        )  # every value above is escaped

    def value(self, fact):
        """A value as the table says it, with what it comes with ("Yes, Paid add-on"):
        a competitor's win on a feature sold apart is not told as included."""
        words = self.values.value_words(fact)
        if not fact.availability:
            return words
        label = self.values.choice_labels(fact)[1][fact.availability]
        return f"{words}{self.words['list']}{label}"
