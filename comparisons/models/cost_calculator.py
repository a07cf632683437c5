from django.db.models import Q

from wagtail.contrib.routable_page.models import path

from comparisons.calculator import calculate, cost_response
from comparisons.localized import localize_for
from home.models.site_settings import SiteSettings

from .criteria import Criterion
from .facts import Fact


class CostCalculatorPage:
    """A comparison page's cost calculator (comparisons.calculator): what each compared
    product would cost the reader, on the page and as JSON for tools. Mixed into a
    routable page that has ``compared()``."""

    # The reader's situation: the page varies by it (features may be asked more than
    # once: see home.page_cache.parameters).
    cost_parameters = ("seats", "billing", "features")
    cache_list_parameters = ("features",)

    def price_criteria(self):
        """Every criterion the calculator reads prices from, whether or not the page
        shows it as a row, in the source language: one query."""
        return list(Criterion.objects.in_source_language().exclude(pricing_role=""))

    def cost_calculation(self, request, columns, criteria, freshness_limit_days):
        """``columns`` and ``criteria`` as ``compared()`` gives them, in the page's
        language."""
        products = [column.product for column in columns]

        def load_prices(situation):
            # Every price criterion, whether or not the page shows it as a row: a few
            # queries, however many products, criteria and features.
            price_criteria = self.price_criteria()
            facts = list(
                Fact.objects.filter(
                    Q(criterion__in=price_criteria) | Q(criterion__in=situation.features),
                    product__in=products,
                )
            )
            # Each fact with its criterion as loaded here, before localizing: a fact's
            # words depend on its criterion, read once per fact otherwise.
            criteria_by_id = {c.pk: c for c in [*price_criteria, *situation.features]}
            for fact in facts:
                fact.criterion = criteria_by_id[fact.criterion_id]
            # Notes too, in the page's language (the table lends its own facts theirs).
            localize_for(self, [*price_criteria, *facts])
            return price_criteria, facts

        return calculate(request, columns, criteria, load_prices, freshness_limit_days)

    @path("cost/", name="cost")
    def cost(self, request):
        """The calculator's result as JSON, for tools: ?seats=10&billing=yearly&features=3."""
        columns, criteria = self.compared()
        localize_for(self, [*criteria, *(column.product for column in columns)])
        freshness = SiteSettings.for_request(request).freshness_limit_days
        return cost_response(self.cost_calculation(request, columns, criteria, freshness))
