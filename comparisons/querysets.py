from datetime import timedelta

from django.db import models
from django.utils import timezone

from comparisons.localized import TranslatableQuerySet


class ProductQuerySet(TranslatableQuerySet):
    # Products as things to choose, not their translations.
    def ours(self):
        return self.in_source_language().filter(is_ours=True)

    def competitors(self):
        return self.in_source_language().filter(is_ours=False)


class FactQuerySet(TranslatableQuerySet):
    def stale(self, freshness_limit_days, today=None):
        """Facts last verified longer ago than the site's freshness limit."""
        today = today or timezone.localdate()
        return self.filter(verified_on__lt=today - timedelta(days=freshness_limit_days))


class FactChangeQuerySet(models.QuerySet):
    def shown_in(self, table):
        """Changes to the values a comparison table shows, newest first. One query,
        however large the table."""
        changes = self.filter(
            product__in=[column.product for column in table.columns],
            criterion__in=[row.criterion for row in table.rows],
        ).select_related("product")
        shown = [
            change
            for change in changes.order_by("-changed_at", "-pk")
            if table.compares(change.product_id, change.plan)
        ]
        # The table's own criteria: named in the page's language.
        criteria = {row.criterion.pk: row.criterion for row in table.rows}
        for change in shown:
            change.criterion = criteria[change.criterion_id]
        return shown


class CriterionQuerySet(TranslatableQuerySet):
    pass
