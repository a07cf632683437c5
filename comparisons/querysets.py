from datetime import timedelta
from functools import cache

from django.db import models
from django.db.models import Max, Value
from django.utils import timezone

from comparisons.localized import TRANSLATION_FIELDS, TranslatableQuerySet
from home.lookups import among
from home.prepared import PreparedQuery


class ProductQuerySet(TranslatableQuerySet):
    # Products as things to choose, not their translations.
    def ours(self):
        return self.in_source_language().filter(is_ours=True)

    def competitors(self):
        return self.in_source_language().filter(is_ours=False)


class FactQuerySet(TranslatableQuerySet):
    # Read by open data, the calculator, evidence pages and editors, never by a page's
    # table or list of facts.
    NOT_SHOWN = ("evidence_excerpt", "addon_price", "addon_per_seat", "source_flagged_at")

    def as_shown(self, locale_id=None):
        """Facts without the columns a page never reads, for a page in the facts' own
        language, or (``locale_id``) in another, with each fact's translated words read
        in the same query (``with_words_in``). Neither loads the translation key or the
        digest: a table loads hundreds of facts per render, and each column left out is
        converted hundreds of times fewer (the translation key, a UUID, is the dearest)."""
        shown = self.defer(*self.NOT_SHOWN, *TRANSLATION_FIELDS)
        return shown if locale_id is None else shown.with_words_in(locale_id)

    def among(self, product_ids, criterion_ids):
        """The facts of these products on these criteria, keyed by cell rather than
        listed: no join or sort for the model's ordering."""
        return self.filter(
            among("product", product_ids), among("criterion", criterion_ids)
        ).order_by()

    def stale(self, freshness_limit_days, today=None):
        """Facts last verified longer ago than the site's freshness limit."""
        today = today or timezone.localdate()
        return self.filter(verified_on__lt=today - timedelta(days=freshness_limit_days))

    def newest_by_cell(self, product_ids, criterion_ids):
        """(product, criterion) → the dates its values were last verified and
        corrected, for every pair at once: one query."""
        rows = (
            self.filter(among("product", product_ids), among("criterion", criterion_ids))
            .values("product_id", "criterion_id")
            .annotate(verified=Max("verified_on"), corrected=Max("changes__changed_at"))
        )
        return {
            (row["product_id"], row["criterion_id"]): (
                row["verified"],
                row["corrected"] and timezone.localdate(row["corrected"]),
            )
            for row in rows
        }


class FactManager(models.Manager.from_queryset(FactQuerySet)):
    def newest_dates(self, product_ids, criterion_ids):
        """The dates the values of these products on these criteria were last verified
        and last corrected, over them all: one row, however large the table, compiled
        once for each size of table (home.prepared)."""
        found = newest_dates_among(self.model)(list(product_ids), list(criterion_ids))
        # An empty list finds no row at all, rather than one of nothing.
        newest = found[0] if found else {}
        corrected = newest.get("corrected")
        return newest.get("verified"), corrected and timezone.localdate(corrected)


@cache
def newest_dates_among(model):
    def build(product_ids, criterion_ids):
        facts = model.objects.filter(
            among("product", product_ids), among("criterion", criterion_ids)
        ).order_by()
        # Grouped by a constant, which groups nothing: one row over every fact, as
        # aggregate() makes it, from a queryset that can be prepared.
        return (
            facts.annotate(whole=Value(1))
            .values("whole")
            .annotate(verified=Max("verified_on"), corrected=Max("changes__changed_at"))
            .values("verified", "corrected")
        )

    return PreparedQuery(build, [int], [int])


class FactChangeQuerySet(models.QuerySet):
    def history_by_fact(self, facts):
        """Each fact's corrections, oldest first, as open data lists them: one query,
        however many facts."""
        history = {}
        changes = self.filter(fact__in=[fact.pk for fact in facts]).order_by("changed_at", "pk")
        for change in changes.values("fact_id", "changed_at", "old_value", "new_value", "reason"):
            history.setdefault(change["fact_id"], []).append(
                {
                    "date": timezone.localdate(change["changed_at"]).isoformat(),
                    "old_value": change["old_value"],
                    "new_value": change["new_value"],
                    "reason": change["reason"],
                }
            )
        return history


class FactChangeManager(models.Manager.from_queryset(FactChangeQuerySet)):
    def shown_in(self, table):
        """Changes to the values a comparison table shows, newest first. One query,
        however large the table, compiled once for each size of table (home.prepared)."""
        # The table's own products and criteria, named in the page's language: not
        # joined, nor each turned into its key by the query.
        products = {column.product.pk: column.product for column in table.columns}
        criteria = {row.criterion.pk: row.criterion for row in table.rows}
        changes = changes_among(self.model)(list(products), list(criteria))
        shown = [change for change in changes if table.compares(change.product_id, change.plan)]
        for change in shown:
            change.product = products[change.product_id]
            change.criterion = criteria[change.criterion_id]
        return shown


@cache
def changes_among(model):
    """Every change to the values of some products on some criteria, newest first."""

    def build(product_ids, criterion_ids):
        changes = model.objects.filter(
            among("product", product_ids), among("criterion", criterion_ids)
        )
        return changes.order_by("-changed_at", "-pk")

    return PreparedQuery(build, [int], [int])


class CriterionQuerySet(TranslatableQuerySet):
    pass
