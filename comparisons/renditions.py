"""Plain-text renditions of comparison and product pages, in Markdown: what a program
(a search engine's answer, an assistant) reads instead of the HTML, at ``page.md`` or
``page/?format=md``, in the page's language. Dates are ISO dates in every language.

Each says what the HTML page says, its sources and the publisher's interest included,
and links each value back to its cell on the HTML page."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from wagtail.models import Site

from comparisons.localized import localize_for
from comparisons.markdown import bullets, document, escape, link, markdown_response, paragraphs
from comparisons.markdown import table as markdown_table
from comparisons.table import plan_label
from comparisons.templatetags.comparison_tags import product_names
from home.languages import localized
from home.models.site_settings import SiteSettings
from home.page_cache.parameters import shown_as_asked
from home.seo.canonical import absolute, site_root_url

# ?format=md asks for the rendition; ``page.md`` (see urls) sets this on the request.
FORMAT = "md"


def wants_markdown(request):
    return getattr(request, "markdown_rendition", False) or request.GET.get("format") == FORMAT


def serve_markdown(page, request, render):
    """The rendition ``render(page, request)`` writes, cached like the page as its own
    entry. A preview is always HTML: the editor is looking at the page."""
    if getattr(request, "is_preview", False):
        raise Http404
    shown_as_asked(request, "format", FORMAT)
    return markdown_response(render(page, request), canonical=page.get_full_url(request))


def iso(day):
    return day.isoformat() if day else ""


def heading(level, text):
    return f"{'#' * level} {escape(text)}"


def value_text(fact, column_plan=None):
    """A cell as one line: the value, its availability, the plan it was recorded for
    when that is not the compared one, and the note."""
    parts = [escape(fact.display_value)]
    if fact.availability:
        parts.append(escape(fact.get_availability_display()))
    if column_plan is not None and fact.plan != column_plan:
        parts.append(escape(plan_label(fact.plan)))
    if fact.note:
        parts.append(escape(fact.note))
    return pgettext("list separator", "; ").join(parts)


def source_line(fact, cell_url="", stale_days=None):
    sentence = _("Source: %(source)s, verified %(date)s.") % {
        "source": link(fact.source_url, fact.source_url),
        "date": iso(fact.verified_on),
    }
    if stale_days is not None:
        days = stale_days
        sentence += " " + ngettext(
            "Stale: last checked %(days)s day ago", "Stale: last checked %(days)s days ago", days
        ) % {"days": days}
    if fact.source_flag:
        sentence += " " + _("Source has changed since we verified this; we are re-checking.")
    if cell_url:
        sentence += " " + link(_("Value and evidence"), cell_url)
    return sentence


def publisher(request):
    site_settings = SiteSettings.for_request(request)
    methodology = localized(site_settings.methodology_page, request)
    return site_settings.company_name or _("the vendor"), methodology


def comparison_markdown(page, request):
    freshness = SiteSettings.for_request(request).freshness_limit_days
    columns, criteria = page.compared()
    localize_for(page, [*criteria, *(column.product for column in columns)])
    table = page.build_table(freshness, compared=(columns, criteria), localized=True, shown=True)
    our_products = [column.product for column in columns if column.product.is_ours]
    url = page.get_full_url(request)
    company, methodology = publisher(request)

    disclosure = _("Published by %(publisher)s.") % {"publisher": escape(company)}
    if our_products:
        disclosure = _("Published by %(publisher)s, maker of %(makers)s.") % {
            "publisher": escape(company),
            "makers": escape(product_names(our_products)),
        }
        disclosure += " " + (
            _("We make one of the products compared here.")
            if len(our_products) == 1
            else _("We make some of the products compared here.")
        )
    if methodology is not None and methodology.live:
        disclosure += " " + link(methodology.title, methodology.get_full_url(request))

    headers = [escape(_("Criterion"))] + [
        escape(f"{column.product.name} ({plan_label(column.plan)})") for column in table.columns
    ]
    rows, sources = [], []
    for row in table.rows:
        cells = [escape(row.criterion.name)]
        for cell in row.cells:
            if cell.fact is None:
                cells.append(escape(_("Not recorded")))
                continue
            sources.append(
                f"[^{cell.anchor}]: "
                + source_line(
                    cell.fact, f"{url}#{cell.anchor}", cell.age_in_days if cell.is_stale else None
                )
            )
            best = f" ({escape(_('★ Best'))})" if cell.is_best else ""
            cells.append(f"{value_text(cell.fact, cell.column.plan)}{best}[^{cell.anchor}]")
        rows.append(cells)

    wins = [
        f"{escape(row.criterion.name)}: "
        + escape(product_names([column.product for column in row.winners]))
        for row in table.competitor_wins
    ]
    corrections = [
        f"{iso(change.changed_at.date())}: {escape(change.product.name)}, "
        f"{escape(change.criterion.name)} ({escape(plan_label(change.plan))}): "
        f"{escape(change.old_value)} → "
        + (escape(_("removed from the table")) if change.is_removal else escape(change.new_value))
        + (f". {escape(change.reason)}" if change.reason else "")
        for change in page.corrections_shown(table)
    ]
    byline = _("By %(author)s · last reviewed %(date)s") % {
        "author": escape(page.author_name),
        "date": iso(page.reviewed_on),
    }
    return document(
        [
            heading(1, page.title),
            f"> {disclosure}",
            byline,
            *paragraphs(page.intro),
            heading(2, _("Where competitors are better")),
            bullets(wins) if wins else escape(_("No competitor leads on a row of this table.")),
            heading(2, _("The comparison")),
            escape(page.selection_note),
            markdown_table(headers, rows),
            heading(2, _("Sources")),
            "\n".join(sources),
            heading(2, _("Corrections")),
            bullets(corrections)
            if corrections
            else escape(_("No corrections recorded for this table yet.")),
            link(_("This comparison as a web page"), url),
        ]
    )


def points(stream):
    return bullets(
        f"**{escape(block.value['title'])}**"
        + (f": {escape(block.value['detail'])}" if block.value.get("detail") else "")
        for block in stream
    )


def plan_text(plan):
    if not plan.is_priced:
        price = _("Price on request")
    else:
        price = " ".join(str(part) for part in (plan.display_price, plan.display_unit) if part) + (
            f" ({plan.display_tax})" if plan.display_tax else ""
        )
    extras = [plan.get("billing"), plan.get("includes")]
    return f"**{escape(plan['name'])}**: " + escape(
        pgettext("list separator", "; ").join([str(price), *(str(e) for e in extras if e)])
    )


def product_markdown(page, request):
    not_suitable_for, _related = page.who_should_buy_else(request)
    url = page.get_full_url(request)
    site = Site.find_for_request(request)
    items = []
    for item in not_suitable_for:
        line = f"**{escape(item.situation)}**: {escape(item.reason)}"
        if item.alternative:
            alternative = escape(item.alternative.name)
            if getattr(item, "alternative_url", ""):
                # Our own page for it is linked by its path: a rendition is read elsewhere.
                address = absolute(item.alternative_url, site_root_url(site, request))
                alternative = link(item.alternative.name, address)
            line += " " + _("Instead: %(alternative)s") % {"alternative": alternative}
        items.append(line)
    freshness = SiteSettings.for_request(request).freshness_limit_days
    facts = page.facts(freshness) if page.product_id else []
    rows = [
        [
            escape(fact.criterion.name),
            value_text(fact),
            escape(plan_label(fact.plan)),
            source_line(fact, stale_days=fact.age_in_days() if fact.stale else None),
        ]
        for fact in facts
    ]
    return document(
        [
            heading(1, page.title),
            escape(page.product.summary) if page.product else "",
            *paragraphs(page.summary),
            _("Last reviewed %(date)s") % {"date": iso(page.last_reviewed)},
            heading(2, _("Where it is strong")),
            points(page.strengths),
            heading(2, _("Limitations")),
            points(page.limitations),
            heading(2, _("Who it is for")),
            points(page.ideal_for),
            heading(2, _("Not suitable for")),
            bullets(items),
            heading(2, _("Pricing")) if page.pricing else "",
            bullets(plan_text(block.value) for block in page.pricing),
            escape(page.pricing_note),
            heading(2, _("Facts and sources")) if rows else "",
            markdown_table(
                [
                    escape(_("Criterion")),
                    escape(_("Value")),
                    escape(_("Plan")),
                    escape(_("Evidence")),
                ],
                rows,
            )
            if rows
            else "",
            link(_("This product as a web page"), url),
        ]
    )


def rendition_at_suffix(request, path):
    """``/compare/foo.md``: the page at ``/compare/foo/`` served as its Markdown
    rendition, through Wagtail's own serving (privacy, hooks, the page cache)."""
    from wagtail.views import serve

    request.markdown_rendition = True
    return serve(request, f"{path}/")


def refuse_other_pages(page, request, serve_args, serve_kwargs):
    """``.md`` is only a rendition of a page that has one, at its own address (not a
    route under it such as an evidence page): anything else is not found."""
    if not getattr(request, "markdown_rendition", False):
        return
    view = serve_args[0] if serve_args else None
    if not getattr(page, "has_markdown_rendition", False) or (
        view is not None and getattr(view, "__name__", "") != "index_route"
    ):
        raise Http404
