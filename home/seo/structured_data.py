"""schema.org descriptions (JSON-LD) of each page, built only from what the page
shows, from data the page has already loaded."""

from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Page, Site

from comparisons.models import ComparisonPage, ProductPage
from home.models import SiteSettings
from testimonials.models import CaseStudyPage

from .breadcrumbs import breadcrumb_trail
from .canonical import canonical_url, site_root_url
from .meta import publisher_name

RATING_SCALE = {"bestRating": 5, "worstRating": 1}


def organization(site_settings, site, request):
    """The publisher. It carries no rating: a company may not rate itself."""
    root_url = site_root_url(site, request)
    node = {
        "@type": "Organization",
        "@id": f"{root_url}/#organization",
        "name": publisher_name(site_settings, site),
        "url": f"{root_url}/",
    }
    if site_settings.methodology_page:
        node["publishingPrinciples"] = site_settings.methodology_page.get_full_url(request)
    return node


def website(organization_node, language):
    return {
        "@type": "WebSite",
        "@id": f"{organization_node['url']}#website",
        "url": organization_node["url"],
        "name": organization_node["name"],
        "publisher": {"@id": organization_node["@id"]},
        "inLanguage": language,
    }


def breadcrumb_list(crumbs):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.name, "item": crumb.full_url}
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }


def item_list(names):
    return {
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name}
            for position, name in enumerate(names, start=1)
        ],
    }


def review(testimonial):
    """A testimonial as its card shows it: the displayed words, the name the author
    agreed to show, the day it was sent. Nothing private."""
    node = {
        "@type": "Review",
        "reviewBody": testimonial.display_text,
        "author": {"@type": "Person", "name": testimonial.display_name},
        "datePublished": timezone.localdate(testimonial.submitted_at).isoformat(),
    }
    if testimonial.rating:
        node["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": testimonial.rating,
            **RATING_SCALE,
        }
    return node


def product_page(page, context, url, publisher):
    product = page.product
    if product is None:
        return []
    node = {
        "@type": "Product",
        "@id": f"{url}#product",
        "name": product.name,
        "description": product.summary,
        "url": url,
        "brand": {"@type": "Brand", "name": product.vendor},
        "positiveNotes": item_list(block.value["title"] for block in page.strengths),
        "negativeNotes": item_list(block.value["title"] for block in page.limitations),
    }
    # The rating covers every published rating, as the page's rating summary does;
    # the reviews are the testimonials the page lists (the newest, whatever their
    # score), the same queryset the template renders, with a link to all the rest.
    ratings = context.get("ratings")
    if ratings and ratings["count"]:
        node["aggregateRating"] = {
            "@type": "AggregateRating",
            # Rounded exactly as the page displays it.
            "ratingValue": float(floatformat(ratings["average"], "1u")),
            "ratingCount": ratings["count"],
            **RATING_SCALE,
        }
    reviews = [review(testimonial) for testimonial in context.get("testimonials") or []]
    if reviews:
        node["review"] = reviews
    return [node]


def comparison_page(page, context, url, publisher):
    """The page, by its named author, about the products in its table's column order.
    schema.org gives a list no publisher, so the page carries it."""
    columns = context.get("columns") or []
    return [
        {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": page.title,
            "author": {"@type": "Person", "name": page.author_name},
            "dateModified": page.reviewed_on.isoformat(),
            "publisher": publisher,
            "mainEntity": {
                **item_list(column.product.name for column in columns),
                "name": page.title,
                "numberOfItems": len(columns),
            },
        }
    ]


def case_study_page(page, context, url, publisher):
    node = {
        "@type": "Article",
        "@id": f"{url}#article",
        "mainEntityOfPage": url,
        "headline": page.title,
        "description": page.summary,
        "author": publisher,
        "publisher": publisher,
    }
    if page.first_published_at:
        node["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        node["dateModified"] = page.last_published_at.isoformat()
    if page.customer:
        node["about"] = {"@type": "Organization", "name": page.customer.name}
    return [node]


BUILDERS = {
    ProductPage: product_page,
    ComparisonPage: comparison_page,
    CaseStudyPage: case_study_page,
}


def page_graph(context):
    """Everything the page says about itself, as one schema.org graph."""
    request = context["request"]
    site = Site.find_for_request(request)
    site_settings = SiteSettings.for_request(request)
    publisher = organization(site_settings, site, request)
    graph = [publisher]
    page = context.get("page")
    if isinstance(page, Page):
        crumbs = breadcrumb_trail(page, request)
        if crumbs:
            graph.append(breadcrumb_list(crumbs))
        elif site and page.depth == site.root_page.depth:
            graph.append(website(publisher, get_language()))
        builder = BUILDERS.get(type(page))
        if builder:
            graph += builder(page, context, canonical_url(page, context), {"@id": publisher["@id"]})
    return {"@context": "https://schema.org", "@graph": graph}
