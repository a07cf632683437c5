"""Create the Japanese versions of demo pages, the way an editor would with Wagtail's
"Translate" action: copy the English page into the Japanese locale, then replace its text."""

from wagtail.models import Locale, Page

from comparisons.demo import japanese


def translate_demo_pages(home):
    """Japanese translations of the home page, one product page, one comparison and the
    policy pages."""
    locale, _ = Locale.objects.get_or_create(language_code="ja")
    translate(home, locale, japanese.HOME)
    for slug, text in japanese.STANDARD_PAGES.items():
        translate(child(home, slug), locale, text)
    products = child(home, "products")
    translate(products, locale, japanese.PRODUCT_INDEX)
    for slug, text in japanese.PRODUCT_PAGES.items():
        page = child(products, slug)
        translate(page, locale, product_page_text(page, text))
    comparisons = child(home, "compare")
    translate(comparisons, locale, japanese.COMPARISON_INDEX)
    for slug, text in japanese.COMPARISON_PAGES.items():
        page = child(comparisons, slug)
        translate(page, locale, comparison_page_text(page, text))


def child(parent, slug):
    return Page.objects.child_of(parent).get(slug=slug).specific


def translate(page, locale, fields):
    """The page's translation into ``locale`` with ``fields`` set, published."""
    translation = page.copy_for_translation(locale, copy_parents=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def product_page_text(page, text):
    """Strengths and the rest are StreamFields; "not suitable for" keeps each item's
    recommended alternative, with the situation and reason in Japanese."""
    fields = {key: value for key, value in text.items() if key != "not_suitable_for"}
    for name, block in (("strengths", "strength"), ("limitations", "limitation")):
        fields[name] = [(block, item) for item in text[name]]
    fields["ideal_for"] = [("audience", item) for item in text["ideal_for"]]
    fields["not_suitable_for"] = [
        type(item)(
            situation=situation,
            reason=reason,
            alternative=item.alternative,
            sort_order=item.sort_order,
        )
        for item, (situation, reason) in zip(
            page.not_suitable_for.all(), text["not_suitable_for"], strict=True
        )
    ]
    return fields


def comparison_page_text(page, text):
    fields = {key: value for key, value in text.items() if key != "best_for"}
    fields["compared_products"] = [
        type(item)(
            product=item.product, plan=item.plan, best_for=best_for, sort_order=item.sort_order
        )
        for item, best_for in zip(page.compared_products.all(), text["best_for"], strict=True)
    ]
    return fields
