"""Assemble a comparison table from Facts.

Kept free of queries and templates so the rules that decide who wins a row can be
read, and tested, on their own."""

from dataclasses import dataclass, field
from functools import lru_cache

# Django's, not functools': the same once worked out, without the lock Python 3.11's
# takes on each first read (480 cells' anchors, 60 rows' winners, per table).
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext

# A value recorded for this "plan" holds on every plan: the table falls back on it for
# whichever plan a column compares.
ALL_PLANS = "All plans"


def comparable(text):
    """Short text as two values are compared: " 24/7" and "24/7" are one value."""
    return " ".join(text.split()).casefold()


def plan_key(plan):
    """A plan as two records compare it: " Team" and "team" are one plan."""
    return plan.strip().lower()


EVERY_PLAN = plan_key(ALL_PLANS)


def plan_label(plan):
    """The plan as readers see it: the stored "All plans" in their language."""
    return gettext("All plans") if plan == ALL_PLANS else plan


def cell_anchor(criterion, column):
    """The id of one value in a comparison, the same in every language and as long as
    the criterion and product keep their names: "single-sign-on--fernhill-desk", so
    that a citation can point at one value. A product compared on two plans has the
    plan in its columns' anchors."""
    return anchor_of(criterion_slug(criterion), column)


def anchor_of(criterion_slug, column):
    """``cell_anchor`` given the criterion's slug: a table slugs each row's once."""
    return f"{criterion_slug}--{column.slug}"


def criterion_slug(criterion):
    """What the anchors of a criterion's cells start with: its name in the source's
    language, as a slug."""
    return name_slug(criterion.source_word("name")) or str(criterion.pk)


@lru_cache(maxsize=4096)
def name_slug(name):
    # The same criteria's names in every table and every language: each slugged once.
    return slugify(name, allow_unicode=True)


def name_columns(columns):
    """Give each column the slug its cells' anchors end with."""
    products = [column.product.pk for column in columns]
    for column in columns:
        product = column.product
        slug = slugify(product.name, allow_unicode=True) or str(product.pk)
        if products.count(product.pk) > 1:
            slug = f"{slug}--{slugify(column.plan, allow_unicode=True)}"
        column.slug = slug


@dataclass
class Column:
    product: object
    plan: str
    best_for: str = ""
    slug: str = ""


@dataclass
class Cell:
    column: Column
    criterion: object = None
    fact: object = None
    is_best: bool = False
    is_stale: bool = False
    age_in_days: int = 0

    @cached_property
    def anchor(self):
        # Read twice per cell (its id and its evidence link), on tables of 480 cells.
        return cell_anchor(self.criterion, self.column)


@dataclass
class Row:
    criterion: object
    cells: list

    # Read by the summary, the table and the downloads: worked out once per row. A
    # table is never changed once built.
    @cached_property
    def winners(self):
        return [cell.column for cell in self.cells if cell.is_best]

    @cached_property
    def is_uniform(self):
        """Every product has the same value, so the row tells readers nothing apart."""
        identities = {cell.fact.identity if cell.fact else None for cell in self.cells}
        return len(identities) == 1


@dataclass
class Group:
    name: str
    rows: list = field(default_factory=list)

    @cached_property
    def is_uniform(self):
        return all(row.is_uniform for row in self.rows)


@dataclass
class Standing:
    """Where one product leads: the summary readers get before the table."""

    column: Column
    leads: list = field(default_factory=list)
    shared: list = field(default_factory=list)


@dataclass
class ComparisonTable:
    columns: list
    groups: list

    @cached_property
    def rows(self):
        return [row for group in self.groups for row in group.rows]

    @cached_property
    def ranked_rows(self):
        return [row for row in self.rows if row.criterion.is_ranked]

    @cached_property
    def standings(self):
        standings = {id(column): Standing(column) for column in self.columns}
        for row in self.rows:
            winners = row.winners
            for column in winners:
                target = standings[id(column)]
                (target.leads if len(winners) == 1 else target.shared).append(row.criterion)
        return list(standings.values())

    @cached_property
    def competitor_wins(self):
        """Rows a competitor wins and none of our products shares."""
        return [
            row
            for row in self.rows
            if row.winners and not any(column.product.is_ours for column in row.winners)
        ]

    @cached_property
    def differing_row_count(self):
        return sum(not row.is_uniform for row in self.rows)

    def compares(self, product_id, plan):
        """Whether a value recorded for this product and plan can appear in the table:
        the compared plan's own values, then those that hold on every plan."""
        plan = plan_key(plan)
        return any(
            column.product.pk == product_id and plan in {plan_key(column.plan), EVERY_PLAN}
            for column in self.columns
        )


def index_facts(facts):
    indexed = {}
    keys = {}  # a table's facts hold on a few plans: each plan's key made once
    for fact in facts:
        # Read as loaded: a foreign key's descriptor does more than read its column,
        # for each of a table's hundreds of facts.
        loaded = fact.__dict__
        try:
            product_id, criterion_id, plan = (
                loaded["product_id"],
                loaded["criterion_id"],
                loaded["plan"],
            )
        except KeyError:  # a field left out of the query: read as Django reads it
            product_id, criterion_id, plan = fact.product_id, fact.criterion_id, fact.plan
        key = keys.get(plan)
        if key is None:
            key = keys[plan] = plan_key(plan)
        indexed[product_id, criterion_id, key] = fact
    return indexed


def find_fact(indexed, product, criterion, plan):
    """The fact for the compared plan, or the one that holds on every plan."""
    return fact_for(indexed, product.pk, criterion.pk, plan_key(plan))


def fact_for(indexed, product_id, criterion_id, plan):
    """``find_fact`` given ids and the plan's key: what a table asks for each cell."""
    found = indexed.get((product_id, criterion_id, plan))
    return found if found is not None else indexed.get((product_id, criterion_id, EVERY_PLAN))


def mark_best(cells, criterion):
    """Mark the best of a row of ``criterion``, a ranked one."""
    ranked = [(cell, cell.fact.rank_on(criterion)) for cell in cells if cell.fact]
    ranked = [(cell, value) for cell, value in ranked if value is not None]
    values = {value for _, value in ranked}
    # A row where everyone is equal, or only one product has a value, has no winner.
    if len(ranked) < 2 or len(values) < 2:
        return
    best = max(values)
    for cell, value in ranked:
        cell.is_best = value == best


def build_table(columns, criteria, facts, freshness_limit_days, today):
    indexed = index_facts(facts)
    name_columns(columns)
    # What each column looks its cells up by, worked out once rather than per cell.
    keyed = [(column, column.product.pk, plan_key(column.plan)) for column in columns]
    groups = {}
    for criterion in criteria:
        criterion_id = criterion.pk
        # Each cell's anchor, of the row's slug and the column's, given rather than
        # worked out in each of a table's hundreds of cells.
        slug = criterion_slug(criterion)
        cells = []
        for column, product_id, plan in keyed:
            fact = fact_for(indexed, product_id, criterion_id, plan)
            cell = Cell(column=column, criterion=criterion, fact=fact)
            cell.anchor = anchor_of(slug, column)
            if fact is not None:
                cell.age_in_days = fact.age_in_days(today)
                cell.is_stale = cell.age_in_days > freshness_limit_days
            cells.append(cell)
        if criterion.is_ranked:
            mark_best(cells, criterion)
        group = groups.setdefault(criterion.group, Group(criterion.group))
        group.rows.append(Row(criterion=criterion, cells=cells))
    return ComparisonTable(columns=columns, groups=list(groups.values()))
