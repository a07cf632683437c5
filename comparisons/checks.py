"""The honesty checks of product and comparison pages, registered with home.honesty.

Each takes the page as it would be published (a revision's content, or the form's)
and returns the problems a reader could be misled by."""

import html
import re
import unicodedata

from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Site

from comparisons.models.comparison_pages import ComparisonPage
from comparisons.models.criteria import Criterion, with_ranked_values
from comparisons.models.exit_guides import ExitGuidePage
from comparisons.models.facts import Fact
from comparisons.models.product_pages import ProductPage
from comparisons.pricing import price_basis
from comparisons.table import plan_key
from home.honesty import blocking, register, warning
from home.models.site_settings import DEFAULT_FRESHNESS_LIMIT_DAYS, SiteSettings

# Below this many decided rows a table is too small to call one-sided.
MIN_ROWS_FOR_ONE_SIDED_CHECK = 3

# Claims of being best that readers cannot check, matched in the plain text that
# ``plain`` gives (NFKC, so full-width and half-width forms, "№" and no-break spaces
# arrive in their ordinary spelling). English words match whole words ("bestow" is
# fine); Japanese has no spaces between words, so its terms match anywhere, and
# HONEST_USES below lets through the words that contain them without claiming.
SUPERLATIVES = re.compile(
    r"""
    \bbest\b | \bbest-?sell(?:er|ers|ing)\b     # bestseller: a sales rank, like No.1
    | \bunbeatable\b | \bthe\s+only\b
    | \bnumber\s+(?:one\b|1(?![0-9]|[.,][0-9]))
    # "No.1" may follow Japanese directly (業界No.1), so it needs only no Latin letter
    # or digit around it. "No 1" with a space is the claim only with a capital N
    # ("there is no 1 tool for everything") and not before "-", ":" or "/" ("No
    # 1-click setup", "No 1:1 onboarding"). 1位 and 第一位 are "first place".
    | (?<![A-Za-z0-9]) (?: No(?:\.\s?)?1 | (?-i:N[oO])\s1(?![-:/]) ) (?![0-9]|[.,][0-9])
    | (?<![\w\#]) \#\s?1 (?![0-9]|[.,][0-9])
    | 日本一 | 世界一 | 業界一 | 最強 | ナンバー(?:ワン|1(?![0-9]))
    | 最高 | 唯一 | 圧倒的 | 一番 | (?<![0-9.])1位 | 第一位
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Honest uses of those words: a claim found inside one of these is not a claim.
# Negations and hedges ("not the best fit", "isn't the only option", "at best"); "the
# only" naming a shortcoming ("the only drawback"); "best practices"; in Japanese, the
# only drawback (唯一の欠点), executive titles and the supreme court (最高経営責任者,
# 最高裁), positions and order (一番上, 一番目), and words that merely start like a
# claim (業界一般, 世界一周, 1位置).
HONEST_USES = re.compile(
    r"""
    (?: \bnot | n['’]t ) \s+ (?:necessarily\s+|always\s+)? (?:the\s+|a\s+)? (?:best|only)\b
    | \bat\s+best\b | \bbest[\s-]+(?:practices?|efforts?)\b
    | \bthe\s+only\s+(?:real\s+|major\s+|big\s+)?
      (?:limitation|drawback|downside|catch|caveat|weakness|shortcoming|exception)s?\b
    | 唯一の(?:欠点|制約|弱点|デメリット|難点|短所)
    | 最高[\u4e00-\u9fff\u30a0-\u30ff]{1,8}?責任者 | 最高裁
    | 一番(?:上|下|左|右|前|後|奥|手前|端|目|最初|最後)
    | (?:日本|世界|業界)一(?:般|周) | 1位置
    """,
    re.IGNORECASE | re.VERBOSE,
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


def one_sided_table(page, table=None):
    # Who wins a row does not depend on freshness, so any build of the table will do.
    if is_one_sided(table or page.build_table(freshness_limit_days=0)):
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


def stale_table_facts(page, table=None, days=None):
    days = freshness_limit_days(page) if days is None else days
    table = table or page.build_table(freshness_limit_days=days)
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


def plans_disagree_with_price_facts(page):
    """A plan priced differently from the product's own fact for that plan, in the same
    currency, per the same person and period: readers of this page and of a comparison
    would be told two prices. A warning, since billing terms may differ legitimately."""
    priced = {plan_key(plan["name"] or ""): plan for plan in page.plans if plan.is_priced}
    if not page.product_id or not priced:
        return
    facts = Fact.objects.filter(
        product_id=page.product_id, criterion__kind=Criterion.Kind.NUMBER, number__isnull=False
    ).select_related("criterion")
    for fact in facts:
        plan = priced.get(plan_key(fact.plan))
        basis = price_basis(fact.criterion.unit)
        if plan is None or basis != (plan["currency"], plan["per"] or "", plan["period"] or ""):
            continue
        if fact.number != plan["price"]:
            yield warning(
                _(
                    "“%(plan)s” costs %(price)s on this page, but the product's fact "
                    "“%(criterion)s” says %(value)s (verified on %(date)s): correct the "
                    "one that is wrong, or say in the billing note why they differ."
                )
                % {
                    "plan": plan["name"],
                    "price": plan.display_price,
                    "criterion": fact.criterion.name,
                    "value": fact.display_value,
                    "date": date_format(fact.verified_on),
                },
                field="pricing",
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


def plain(text):
    """The text a reader sees, in one spelling: tags removed and entities decoded,
    NFKC-normalised (full-width "Ｂｅｓｔ" is "Best", "№1" is "No1") and without format
    characters (category Cf: zero-width spaces and joiners, soft hyphens) that would
    split a word without showing."""
    text = unicodedata.normalize("NFKC", html.unescape(strip_tags(text or "")))
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def first_superlative(text):
    """The first claim in ``text`` that is not part of an honest use, or None."""
    honest = [match.span() for match in HONEST_USES.finditer(text)]
    for match in SUPERLATIVES.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end in honest):
            return match.group(0)
    return None


def superlatives_in(texts):
    """(word, field, label) for the first superlative in each text."""
    for field, label, text in texts:
        word = first_superlative(plain(text))
        if word:
            yield word, field, label


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


def search_engine_texts(page):
    """The Promote tab's texts: search results show them, the title tag in the tab too."""
    return [
        ("seo_title", _("the title tag"), page.seo_title),
        ("search_description", _("the meta description"), page.search_description),
    ]


def comparison_superlatives(page):
    columns, criteria = page.compared()
    verdicts = " ".join(BEST_FOR_PREFIX.sub("", plain(column.best_for)) for column in columns)
    texts = [
        ("title", _("the title"), page.title),
        ("intro", _("the introduction"), page.intro),
        ("compared_products", _("the verdicts"), verdicts),
        ("selection_note", _("“How these products and plans were chosen”"), page.selection_note),
        *search_engine_texts(page),
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
        ("pricing_note", _("the pricing note"), page.pricing_note),
        ("strengths", _("the strengths"), points_text(page.strengths)),
        # Not the limitations: "not the best choice for large teams" is honest by nature.
        ("ideal_for", _("“Who it is for”"), points_text(page.ideal_for)),
        *search_engine_texts(page),
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
        Fact.objects.in_source_language()
        .filter(criterion__facts__product_id=product_id)
        .select_related("criterion")
        .prefetch_related(with_ranked_values("criterion__"))
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


def comparison_table(page):
    """The table checks, from one build of the table: it is the costly part."""
    days = freshness_limit_days(page)
    table = page.build_table(freshness_limit_days=days)
    yield from one_sided_table(page, table)
    yield from stale_table_facts(page, table, days)


def product_page_published(page):
    """A guide to leaving speaks for its product page: it is live only while that page
    is (publishing it first would show a product readers cannot see yet)."""
    parent = page.get_parent() if page.path else None
    if parent is not None and not parent.live:
        yield blocking(
            _("Publish the product page “%(title)s” first: this guide goes live with it.")
            % {"title": parent.title}
        )


register(ExitGuidePage, product_page_published)
for check in (comparison_table, comparison_superlatives):
    register(ComparisonPage, check)
for check in (
    stale_product_facts,
    alternative_missing,
    too_few_limitations,
    product_superlatives,
    plans_disagree_with_price_facts,
):
    register(ProductPage, check)
