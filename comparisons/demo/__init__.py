"""Comparisons' part of the demo site: products, criteria and their facts, the product
and comparison pages, the methodology page, corrections and inaccuracy reports, and
the Japanese versions of some of those pages. Registered with home.demo, which runs it
after home's own part."""

import datetime
from decimal import Decimal

from wagtail.models import Page

from comparisons.demo import catalogue, exit_guides, japanese, pages
from comparisons.demo.corrections import load_corrections
from comparisons.demo.japanese_catalogue import translate_catalogue
from comparisons.demo.logos import logo_for
from comparisons.models import (
    ComparedCriterion,
    ComparedProduct,
    ComparisonIndexPage,
    ComparisonPage,
    Criterion,
    ExitGuidePage,
    Fact,
    FactChange,
    InaccuracyReport,
    NotSuitableFor,
    Product,
    ProductIndexPage,
    ProductPage,
    RankedValue,
)
from home.demo import (
    add_child,
    japanese_locale,
    register,
    translate_child,
    update_settings,
)
from home.models import StandardPage

# Most values were checked recently; a few are deliberately stale (see catalogue.FACTS).
RECENT_DAYS = (12, 20, 35, 48, 60, 75)


def load(site):
    products = load_products()
    criteria = load_criteria()
    load_facts(products, criteria, site.today)
    load_product_pages(site, products)
    load_comparison_pages(site, products, criteria)
    methodology = add_child(
        site.home,
        StandardPage,
        slug="how-we-compare",
        title="How we compare",
        intro=pages.METHODOLOGY_INTRO,
        body=pages.METHODOLOGY_BODY,
        show_in_menus=True,
    )
    update_settings(
        site.home, methodology_page=methodology, corrections_email=pages.CORRECTIONS_EMAIL
    )
    load_corrections(products, criteria)
    # With the catalogue, not in the translate step that a later run repeats: a later
    # run adds missing pages, never records an editor may have removed or added.
    translate_catalogue([*criteria.values(), *products.values()], japanese_locale())


def load_products():
    products = {}
    for name, (vendor, is_ours, website, summary, _plan) in catalogue.PRODUCTS.items():
        product = Product(
            name=name,
            vendor=vendor,
            is_ours=is_ours,
            website=website,
            summary=summary,
            operating_system=catalogue.RUNS_ON.get(name, "Web"),
        )
        product.logo = logo_for(product) if is_ours else None
        product.save()
        products[name] = product
    return products


def load_criteria():
    criteria = {}
    for order, (name, (group, kind, direction, unit, help_text)) in enumerate(
        catalogue.CRITERIA.items()
    ):
        criterion = Criterion(
            name=name,
            group=group,
            kind=kind,
            direction=direction,
            unit=unit,
            help_text=help_text,
            pricing_role=catalogue.PRICING_ROLES.get(name, ""),
            sort_order=order,
            ranked_values=[
                RankedValue(value=value, sort_order=position)
                for position, value in enumerate(catalogue.RANKED_VALUES.get(name, ()))
            ],
        )
        criterion.full_clean()
        criterion.save()
        criteria[name] = criterion
    return criteria


def load_facts(products, criteria, today):
    for product_name, values in catalogue.FACTS.items():
        product = products[product_name]
        plan = catalogue.PRODUCTS[product_name][4]
        for number, (criterion_name, entry) in enumerate(values.items()):
            criterion = criteria[criterion_name]
            value, availability, note, age = unpack(entry, number)
            addon_price, addon_per_seat = catalogue.ADDON_PRICES.get(
                (product_name, criterion_name), (None, True)
            )
            fact = Fact(
                product=product,
                criterion=criterion,
                plan=plan,
                support=value if criterion.kind == Criterion.Kind.SUPPORT else "",
                text=value if criterion.kind == Criterion.Kind.TEXT else "",
                number=Decimal(str(value))
                if criterion.kind in {Criterion.Kind.NUMBER, Criterion.Kind.RATING}
                else None,
                availability=availability,
                note=note,
                addon_price=None if addon_price is None else Decimal(addon_price),
                addon_per_seat=addon_per_seat,
                source_url=product.website.rstrip("/") + catalogue.SOURCES[criterion.group],
                verified_on=today - datetime.timedelta(days=age),
            )
            fact.full_clean()
            fact.save()


def unpack(entry, number):
    """A fact is a bare value, or (value, availability, note[, age in days])."""
    if not isinstance(entry, tuple):
        entry = (entry,)
    value, availability, note, age = (entry + ("", "", None))[:4]
    return value, availability, note, age or RECENT_DAYS[number % len(RECENT_DAYS)]


def load_product_pages(site, products):
    index = add_child(
        site.home,
        ProductIndexPage,
        slug="products",
        title="Products",
        intro="<p>What each of our products does well, where it falls short, and who "
        "should buy something else.</p>",
        show_in_menus=True,
    )
    for slug, spec in pages.PRODUCT_PAGES.items():
        product_page = add_child(
            index,
            ProductPage,
            slug=slug,
            title=spec["product"],
            product=products[spec["product"]],
            summary=spec["summary"],
            pricing=spec["pricing"],
            pricing_note=spec["pricing_note"],
            strengths=[("strength", item) for item in spec["strengths"]],
            limitations=[("limitation", item) for item in spec["limitations"]],
            ideal_for=[("audience", item) for item in spec["ideal_for"]],
            last_reviewed=site.today - datetime.timedelta(days=21),
            # Orderable items keep the order given here on every database.
            not_suitable_for=[
                NotSuitableFor(
                    situation=situation,
                    reason=reason,
                    alternative=products[alt],
                    sort_order=order,
                )
                for order, (situation, reason, alt) in enumerate(spec["not_suitable_for"])
            ],
        )
        add_child(
            product_page,
            ExitGuidePage,
            slug=exit_guides.SLUG,
            last_reviewed=site.today - datetime.timedelta(days=21),
            **exit_guides.EXIT_GUIDES[slug],
        )


def load_comparison_pages(site, products, criteria):
    index = add_child(
        site.home,
        ComparisonIndexPage,
        slug="compare",
        title="Compare",
        intro="<p>Our products side by side with the alternatives. Every value has a "
        "source and a date, and rows competitors win are marked as clearly as ours.</p>",
        show_in_menus=True,
    )
    for slug, spec in pages.COMPARISON_PAGES.items():
        add_child(
            index,
            ComparisonPage,
            slug=slug,
            title=spec["title"],
            intro=spec["intro"],
            selection_note=spec["selection_note"],
            author_name=pages.AUTHOR,
            reviewed_on=site.today - datetime.timedelta(days=14),
            compared_products=[
                ComparedProduct(
                    product=products[name],
                    plan=catalogue.PRODUCTS[name][4],
                    best_for=best_for,
                    sort_order=order,
                )
                for order, (name, best_for) in enumerate(spec["products"])
            ],
            compared_criteria=[
                ComparedCriterion(criterion=criteria[name], sort_order=order)
                for order, name in enumerate(spec["criteria"])
            ],
        )


def translate_pages(site):
    """Japanese versions of the methodology page, one product page and both comparisons
    (with their report forms and corrections), with the index pages above them."""
    locale = japanese_locale()
    translate_child(site.home, "how-we-compare", locale, japanese.METHODOLOGY)
    translate_child(site.home, "products", locale, japanese.PRODUCT_INDEX)
    products = Page.objects.child_of(site.home).filter(slug="products").first()
    for slug, text in japanese.PRODUCT_PAGES.items():
        if products is not None:
            translate_child(
                products, slug, locale, lambda page, t=text: japanese.product_page_text(page, t)
            )
            product_page = Page.objects.child_of(products).filter(slug=slug).first()
            if product_page is not None and slug in exit_guides.JAPANESE:
                translate_child(product_page, exit_guides.SLUG, locale, exit_guides.JAPANESE[slug])
    translate_child(site.home, "compare", locale, japanese.COMPARISON_INDEX)
    comparisons = Page.objects.child_of(site.home).filter(slug="compare").first()
    for slug, text in japanese.COMPARISON_PAGES.items():
        if comparisons is not None:
            translate_child(
                comparisons,
                slug,
                locale,
                lambda page, t=text: japanese.comparison_page_text(page, t),
            )


register(
    "comparisons",
    load,
    translate=translate_pages,
    after=["home"],
    evidence=[Product, Criterion],
    counted=[Product, Criterion, Fact, FactChange, InaccuracyReport],
)
