from datetime import timedelta

from django.db import models
from django.utils import timezone


class ProductQuerySet(models.QuerySet):
    def ours(self):
        return self.filter(is_ours=True)

    def competitors(self):
        return self.filter(is_ours=False)


class FactQuerySet(models.QuerySet):
    def stale(self, freshness_limit_days, today=None):
        """Facts last verified longer ago than the site's freshness limit."""
        today = today or timezone.localdate()
        return self.filter(verified_on__lt=today - timedelta(days=freshness_limit_days))
