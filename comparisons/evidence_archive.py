"""The evidence behind one value of a comparison: what a cell's "Evidence" link opens.

A cell is named by its anchor ("single-sign-on--fernhill-desk"), the same in every
language, so the evidence page of a value is the same path under /ja/ as under /."""

from dataclasses import dataclass, field

from django.http import Http404
from django.template.response import TemplateResponse

from comparisons.localized import localize_for
from comparisons.table import (
    EVERY_PLAN,
    Cell,
    Column,
    find_fact,
    index_facts,
    name_columns,
    plan_key,
)


@dataclass
class Evidence:
    """One value as a comparison shows it, with its archive of verifications and its
    corrections, newest first."""

    cell: Cell
    verifications: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    # False for a value the comparison uses but shows no row of (a price the cost
    # calculator reads): the way back is to the calculator, not to a cell.
    in_table: bool = True

    @property
    def fact(self):
        return self.cell.fact

    @property
    def current(self):
        """The verification the value rests on now (the latest), whose fingerprint is
        the source's text as the watcher first read it afterwards; None for a value
        never saved since the archive began."""
        return self.verifications[0] if self.verifications else None

    @property
    def earlier(self):
        return self.verifications[1:]


def cell_named(columns, criteria, anchor):
    """The (criterion, column) whose cell has ``anchor``, or 404."""
    name_columns(columns)
    for criterion in criteria:
        for column in columns:
            cell = Cell(column=column, criterion=criterion)
            if cell.anchor == anchor:
                return cell
    raise Http404("No such value in this comparison.")


def evidence_for(page, anchor, facts, freshness_limit_days, today, more_criteria=()):
    """The evidence for the value at ``anchor`` in ``page``, found among ``facts`` (a
    queryset), in the page's language: a fixed number of queries. A cell the
    comparison shows without a value is not found. ``more_criteria``: criteria the
    page uses without showing them as rows (the cost calculator's prices), whose
    values have evidence pages too."""
    columns, criteria = page.compared()
    shown = {criterion.pk for criterion in criteria}
    criteria += [criterion for criterion in more_criteria if criterion.pk not in shown]
    cell = cell_named(columns, criteria, anchor)
    plans = {plan_key(cell.column.plan), EVERY_PLAN}
    candidates = [
        fact
        for fact in facts.filter(product=cell.column.product, criterion=cell.criterion)
        if plan_key(fact.plan) in plans
    ]
    cell.fact = find_fact(
        index_facts(candidates), cell.column.product, cell.criterion, cell.column.plan
    )
    if cell.fact is None:
        raise Http404("No value recorded for this cell.")
    evidence = gathered(page, cell, freshness_limit_days, today)
    evidence.in_table = cell.criterion.pk in shown
    return evidence


def evidence_of_fact(page, product, fact_id, facts, freshness_limit_days, today):
    """The evidence for one of ``product``'s facts, as a product page lists it: by its
    own plan. Another product's fact is not found."""
    fact = facts.filter(product=product, pk=fact_id).select_related("criterion").first()
    if fact is None:
        raise Http404("No such fact on this page.")
    cell = Cell(column=Column(product, fact.plan), criterion=fact.criterion, fact=fact)
    return gathered(page, cell, freshness_limit_days, today)


def gathered(page, cell, freshness_limit_days, today):
    """The cell's fact with its age, archive and corrections, in ``page``'s language."""
    fact = cell.fact
    fact.criterion = cell.criterion
    fact.product = cell.column.product
    cell.age_in_days = fact.age_in_days(today)
    cell.is_stale = cell.age_in_days > freshness_limit_days
    localize_for(page, [cell.criterion, cell.column.product, fact])
    changes = list(fact.changes.order_by("-changed_at", "-pk"))
    for change in changes:
        change.criterion, change.product = cell.criterion, cell.column.product
    return Evidence(cell=cell, verifications=list(fact.verifications.all()), changes=changes)


def evidence_response(page, request, evidence, anchor):
    """The evidence page, under ``page``, with a way back to the value at ``anchor``
    (or to the cost calculator, for a price the table does not show)."""
    anchor = anchor if evidence.in_table else "cost"
    return TemplateResponse(
        request,
        "pages/fact_evidence.html",
        {
            "page": page,
            "self": page,
            "request": request,
            "evidence": evidence,
            "fact": evidence.fact,
            "cell_url": f"{page.get_url(request)}#{anchor}",
        },
    )
