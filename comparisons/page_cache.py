"""What comparisons' cached pages depend on: which pages show a product, a fact, a
criterion or a correction, and the comparison data their cached tables are rendered
from. Registered with home's page cache in ComparisonsConfig.ready()."""

from home.page_cache.fragments import fragment

# The comparison table, summary and corrections log, and a product page's facts:
# rendered from products, facts, criteria and corrections.
COMPARISON_DATA = "comparison-data"


def comparison_fragment(request, freshness_limit_days):
    """(seconds, key) for the ``{% fragment %}`` block of a comparison or a product's facts."""
    return fragment(request, COMPARISON_DATA, freshness_limit_days)


def as_its_original(record):
    """Pages and facts refer to the original of a translated product or criterion, and
    show its translation's words where the original is shown: a translation is shown
    wherever its original is (nowhere, once the original is gone)."""
    found = record.original()
    return [found] if found is not None else []


def with_its_product(fact):
    """A fact, or a correction to one, is shown with its product."""
    return as_its_original(fact.product) if fact.product_id else []


def with_its_fact(verification):
    """A verification (its fingerprint, read by the watcher) is shown on its fact's
    evidence page, under the pages that show the fact."""
    return with_its_product(verification.fact)


def with_products_using_it(criterion):
    # Product pages list their facts, whatever the reference index holds for them.
    criterion = criterion.original()
    if criterion is None:
        return []
    return [criterion, *{fact.product for fact in criterion.facts.select_related("product")}]


def with_its_criterion(ranked_value):
    """A ranked value is shown with its criterion, next to every row of it."""
    return with_products_using_it(ranked_value.criterion)
