"""The honesty checks of product and comparison pages, registered with home.honesty.

Each takes the page as it would be published (a revision's content, or the form's)
and returns the problems a reader could be misled by."""

import re

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Site

from comparisons.models.comparison_pages import ComparisonPage
from comparisons.models.facts import Fact
from comparisons.models.product_pages import ProductPage
from home.honesty import blocking, register, warning
from home.models.site_settings import DEFAULT_FRESHNESS_LIMIT_DAYS, SiteSettings

# Below this many decided rows a table is too small to call one-sided.
MIN_ROWS_FOR_ONE_SIDED_CHECK = 3

# Claims of being best that readers cannot check. English words match whole words
# ("bestow" is fine); Japanese has no spaces between words, so its terms match anywhere.
# "No.1" may follow Japanese directly (業界No.1), so it needs only no Latin letter or
# digit around it; "no 1-click setup" is not a claim.
SUPERLATIVES = re.compile(
    r"\bbest\b|\bunbeatable\b|\bnumber\s+one\b|\bthe\s+only\b"
    r"|(?<![A-Za-z0-9])No(?:\.\s?)?1(?![0-9])|Ｎｏ[.．]?１|(?<![\w#])#\s?1(?![0-9])"
    r"|最高|唯一|圧倒的|一番",
    re.IGNORECASE,
)
# The verdict field finishes "Best for …": a statement of fit, not a claim.
BEST_FOR_PREFIX = re.compile(r"^\s*best\s+for\b", re.IGNORECASE)


def freshness_limit_days(page):
    site = page.get_site() if page.pk else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return (
        SiteSettings.for_site(site).freshness_limit_days if site else DEFAULT_FRESHNESS_LIMIT_DAYS
    )


def is_one_sided(table):
    """True when our products hold every best value the table marks."""
    decided = [row for row in table.rows if row.winners]
    return len(decided) >= MIN_ROWS_FOR_ONE_SIDED_CHECK and all(
        all(column.product.is_ours for column in row.winners) for row in decided
    )


def one_sided_table(page):
    if is_one_sided(page.build_table(freshness_limit_days=0)):
        yield blocking(
            _(
                "Our products lead on every ranked row of this table. Readers do not "
                "believe a comparison the publisher wins everywhere: add the criteria "
                "where competitors are stronger before publishing."
            ),
            field="compared_criteria",
        )


def stale_facts_message(count, days):
    return ngettext(
        "%(count)d fact shown on this page was verified more than %(days)d days ago: "
        "re-check it against its source (Reports, Stale facts).",
        "%(count)d facts shown on this page were verified more than %(days)d days ago: "
        "re-check them against their sources (Reports, Stale facts).",
        count,
    ) % {"count": count, "days": days}


def stale_table_facts(page):
    days = freshness_limit_days(page)
    table = page.build_table(freshness_limit_days=days)
    count = sum(cell.is_stale for row in table.rows for cell in row.cells if cell.fact)
    if count:
        yield warning(stale_facts_message(count, days), field="compared_criteria")


def stale_product_facts(page):
    if not page.product_id:
        return
    days = freshness_limit_days(page)
    count = Fact.objects.filter(product_id=page.product_id).stale(days).count()
    if count:
        yield warning(stale_facts_message(count, days), field="product")


def alternative_missing(page):
    for item in page.not_suitable_for.all():
        if item.alternative_id is None:
            yield warning(
                _(
                    "“%(situation)s” names no alternative: tell readers what to use "
                    "instead, a competitor's product included."
                )
                % {"situation": item.situation},
                field="not_suitable_for",
            )


def too_few_limitations(page):
    strengths, limitations = len(page.strengths), len(page.limitations)
    if limitations * 3 < strengths:
        yield warning(
            _(
                "%(strengths)d strengths and only %(limitations)d limitations: readers "
                "trust a page that names at least one limitation for every three strengths."
            )
            % {"strengths": strengths, "limitations": limitations},
            field="limitations",
        )


def points_text(stream):
    return " ".join(f"{block.value['title']} {block.value['detail']}" for block in stream)


def superlatives_in(texts):
    """(word, field, label) for the first superlative in each text."""
    for field, label, text in texts:
        match = SUPERLATIVES.search(strip_tags(text or ""))
        if match:
            yield match.group(0), field, label


def superlative_problems(texts, backed):
    if backed:
        return
    for word, field, label in superlatives_in(texts):
        yield blocking(
            _(
                "“%(word)s” in %(place)s claims more than this page shows. Back it with a "
                "sourced fact on which our product holds the best value, shown on this "
                "page, or reword it plainly."
            )
            % {"word": word, "place": label},
            field=field,
        )


def comparison_superlatives(page):
    columns, criteria = page.compared()
    verdicts = " ".join(BEST_FOR_PREFIX.sub("", column.best_for) for column in columns)
    texts = [
        ("title", _("the title"), page.title),
        ("intro", _("the introduction"), page.intro),
        ("compared_products", _("the verdicts"), verdicts),
    ]
    if next(superlatives_in(texts), None) is None:
        return
    table = page.build_table(freshness_limit_days=0, compared=(columns, criteria))
    backed = any(
        cell.is_best and cell.column.product.is_ours and cell.fact.source_url
        for row in table.rows
        for cell in row.cells
    )
    yield from superlative_problems(texts, backed)


def product_superlatives(page):
    texts = [
        ("title", _("the title"), page.title),
        ("summary", _("the summary"), page.summary),
        ("strengths", _("the strengths"), points_text(page.strengths)),
    ]
    if next(superlatives_in(texts), None) is None:
        return
    yield from superlative_problems(texts, holds_a_best_value(page.product_id))


def holds_a_best_value(product_id):
    """Whether one of the product's sourced facts (shown on its page) is at least as
    good as every other product's on a ranked criterion where others have a value."""
    if not product_id:
        return False
    facts = (
        Fact.objects.filter(criterion__facts__product_id=product_id)
        .select_related("criterion")
        .distinct()
    )
    by_criterion = {}
    for fact in facts:
        if fact.rank_value is not None:
            by_criterion.setdefault(fact.criterion_id, []).append(fact)
    for rivals in by_criterion.values():
        ours = [f for f in rivals if f.product_id == product_id and f.source_url]
        others = [f.rank_value for f in rivals if f.product_id != product_id]
        if ours and others and max(f.rank_value for f in ours) >= max(others):
            return True
    return False


for check in (one_sided_table, stale_table_facts, comparison_superlatives):
    register(ComparisonPage, check)
for check in (stale_product_facts, alternative_missing, too_few_limitations, product_superlatives):
    register(ProductPage, check)
