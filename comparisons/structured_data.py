"""What product and comparison pages tell search engines about themselves (schema.org,
as JSON-LD), built from what the page shows, with home.seo's building blocks.

A product page describes something that is both a SoftwareApplication and a Product.
SoftwareApplication says what software has (its kind, where it runs) and is the type
search engines show software under, with its rating and price. Product is the only type
schema.org gives pros and cons (positiveNotes, negativeNotes), which carry the page's
limitations to machines as plainly as its strengths, and its brand. Each property used
belongs to one of the two types."""

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Site
from wagtail.rich_text import get_text_for_indexing

from comparisons.open_data import JSON_TYPE, LICENSE_URL
from comparisons.pricing import PERIOD_CODES, Tax, machine_price
from home.honesty import warning
from home.seo.canonical import site_root_url
from home.seo.structured_data import aggregate_rating, image_object, item_list

# The media type of the CSV download, without the parameters its response carries.
CSV_FORMAT = "text/csv"
# The logo as search engines fetch it: whole (never cropped), large enough to show.
LOGO_SPEC = "max-1200x1200"


def product_page(page, context, url, publisher):
    product = page.product
    if product is None:
        return []
    request = context["request"]
    node = {
        "@type": ["SoftwareApplication", "Product"],
        "@id": f"{url}#product",
        "name": product.name,
        "description": get_text_for_indexing(page.summary) or product.summary,
        "url": url,
        "brand": {"@type": "Brand", "name": product.vendor},
        "positiveNotes": item_list(block.value["title"] for block in page.strengths),
        "negativeNotes": item_list(block.value["title"] for block in page.limitations),
    }
    if product.application_category:
        node["applicationCategory"] = product.application_category
    if product.operating_system:
        node["operatingSystem"] = product.operating_system
    image = product.logo and image_object(
        product.logo, LOGO_SPEC, site_root_url(Site.find_for_request(request), request)
    )
    if image:
        node["image"] = image
    offers = [plan_offer(plan, url, publisher) for plan in page.priced_plans]
    if offers:
        node["offers"] = offers
    # The rating covers every published rating, as the page's rating summary does;
    # the reviews are the testimonials the page lists (the newest, whatever their
    # score), the same queryset the template renders, with a link to all the rest.
    ratings = context.get("ratings")
    if ratings and ratings["count"]:
        node["aggregateRating"] = aggregate_rating(ratings["average"], ratings["count"])
    # Each testimonial says what Review it is (with where it came from and our reply).
    reviews = [
        testimonial.structured_review(publisher)
        for testimonial in context.get("testimonials") or []
    ]
    if reviews:
        node["review"] = reviews
    return [node, about_page(page, url, node["@id"], publisher)]


def about_page(page, url, product_id, publisher):
    """The page itself: in the reader's language, about the product, and when someone
    last checked it (its prices included) against the truth."""
    return {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": page.seo_title or page.title,
        "inLanguage": get_language(),
        "lastReviewed": page.last_reviewed.isoformat(),
        "mainEntity": {"@id": product_id},
        "publisher": publisher,
    }


def plan_offer(plan, url, seller):
    """One plan with a price, as an Offer: the amount per person and period as the
    price list states it. A free plan is an offer at 0."""
    price = machine_price(plan["price"], plan["currency"])
    specification = {
        "@type": "UnitPriceSpecification",
        "price": price,
        "priceCurrency": plan["currency"],
    }
    if plan.display_unit:
        specification["unitText"] = plan.display_unit
    if plan["per"] and not plan.is_free:
        # Per one agent (seat, user, editor).
        specification["referenceQuantity"] = {
            "@type": "QuantitativeValue",
            "value": 1,
            "unitText": plan["per"],
        }
    if plan.get("tax") and not plan.is_free:
        specification["valueAddedTaxIncluded"] = plan["tax"] == Tax.INCLUDED
    if plan["period"] and not plan.is_free:
        # Per month or year: the unit the price is in (UN/CEFACT code), paid as a
        # subscription. How often it is invoiced is the billing note's to say.
        specification["unitCode"] = PERIOD_CODES[plan["period"]]
        specification["priceComponentType"] = "https://schema.org/Subscription"
    offer = {
        "@type": "Offer",
        "name": plan["name"],
        "price": price,
        "priceCurrency": plan["currency"],
        "priceSpecification": specification,
        "url": url,
        "seller": seller,
    }
    if plan.guaranteed_until:
        offer["priceValidUntil"] = plan.guaranteed_until.isoformat()
    return offer


def comparison_page(page, context, url, publisher):
    """The page, by its named author, about the products in its table's column order.
    schema.org gives a list no publisher, so the page carries it. Its table is also a
    Dataset, offered as CSV and JSON."""
    columns = context.get("columns") or []
    criteria = context.get("criteria") or []
    modified_on = page.data_modified_on(columns, criteria)
    return [
        {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": page.title,
            "inLanguage": get_language(),
            "author": {"@type": "Person", "name": page.author_name},
            "dateModified": page.reviewed_on.isoformat(),
            "publisher": publisher,
            "mainEntity": {
                **item_list(column.product.name for column in columns),
                "name": page.title,
                "numberOfItems": len(columns),
            },
        },
        dataset(page, url, modified_on, publisher, len(columns), len(criteria)),
    ]


def dataset(page, url, modified_on, publisher, product_count, criterion_count):
    """A comparison's table as a schema.org Dataset with its two downloads (Google's
    Dataset rich results ask for a description of 50 characters or more).
    ``dateModified``: see ``open_data.last_modified``."""
    description = _(
        "Every value in the comparison “%(title)s”: %(products)s products by "
        "%(criteria)s criteria, each with its source, the date it was verified, its "
        "evidence and its corrections."
    ) % {"title": page.title, "products": product_count, "criteria": criterion_count}
    node = {
        "@type": "Dataset",
        "@id": f"{url}#dataset",
        "name": page.title,
        "description": description,
        "url": url,
        "inLanguage": get_language(),
        "license": LICENSE_URL,
        "isAccessibleForFree": True,
        "creator": publisher,
        "publisher": publisher,
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": encoding,
                "contentUrl": url + page.reverse_subpage(route),
            }
            for route, encoding in (("data_csv", CSV_FORMAT), ("data_json", JSON_TYPE))
        ],
    }
    if modified_on:
        node["dateModified"] = modified_on.isoformat()
    return node


def data_catalog(comparisons, request, publisher):
    """The open data catalogue: every comparison's Dataset (each page listed carries
    ``modified_on``, ``listed_products`` and ``criteria_count``)."""
    return {
        "@type": "DataCatalog",
        "name": _("Open data"),
        "url": request.build_absolute_uri(request.path),
        "inLanguage": get_language(),
        "publisher": publisher,
        "license": LICENSE_URL,
        "dataset": [
            dataset(
                page,
                page.get_full_url(request),
                page.modified_on,
                publisher,
                len(page.listed_products),
                page.criteria_count,
            )
            for page in comparisons
        ],
    }


def rich_result_problems(page):
    """What a product page lacks for search engines to show it with its image, price
    and rating, said so the editor knows where to add it. Warnings, never blocks: the
    page serves its readers without them."""
    product = page.product
    if product is None:
        return [warning(_("Choose the product: search engines learn nothing about it."), "product")]
    problems = []
    if not product.logo_id:
        problems.append(
            warning(
                _(
                    "%(product)s has no logo, so search results show it without an "
                    "image. Add one to the product (Comparisons, Products)."
                )
                % {"product": product.name},
                "product",
            )
        )
    plans = page.plans
    if not any(plan.is_priced for plan in plans):
        problems.append(
            warning(
                _(
                    "No plan has a price, so search results show none. Add the plans "
                    "with their prices under Pricing."
                ),
                "pricing",
            )
        )
    for plan in plans:
        if plan.is_priced and plan["valid_until"] and not plan.guaranteed_until:
            problems.append(
                warning(
                    _(
                        "The price of “%(plan)s” was guaranteed until %(date)s, which has "
                        "passed: readers and search results no longer see that date. "
                        "Check the price and set a new date, or clear it."
                    )
                    % {"plan": plan["name"], "date": date_format(plan["valid_until"])},
                    "pricing",
                )
            )
        if plan["name"] and not plan.is_priced and len(plans) > 1:
            problems.append(
                warning(
                    _(
                        "“%(plan)s” has no price, so search results leave it out. That "
                        "is right for a plan priced on request."
                    )
                    % {"plan": plan["name"]},
                    "pricing",
                )
            )
    if not product.testimonials.public().exists():
        problems.append(
            warning(
                _(
                    "No testimonial about %(product)s is published yet: search results "
                    "show its rating once one is."
                )
                % {"product": product.name}
            )
        )
    return problems
