"""schema.org descriptions (JSON-LD) of each page, built only from what the page
shows, from data the page has already loaded: the publisher, the site, the breadcrumbs,
and what a page type says about itself, from the building blocks here."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import floatformat
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from home.languages import localized
from home.models import SiteSettings

from .breadcrumbs import breadcrumb_trail
from .canonical import absolute, canonical_url, site_root_url
from .meta import publisher_name

RATING_SCALE = {"bestRating": 5, "worstRating": 1}
# The escapes Django's json_script uses: no text inside can end the <script>
# element or open an HTML comment, whatever a visitor typed.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data):
    """``data`` as JSON that is safe to place inside a <script> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 (escaped above)


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
        # In the reader's language where it is translated.
        methodology = site_settings.methodology_page
        if request is not None:
            methodology = localized(methodology, request)
        node["publishingPrinciples"] = methodology.get_full_url(request)
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


def review(
    body,
    author_name,
    published_on,
    rating,
    language=None,
    *,
    url=None,
    publisher_name=None,
    comment=None,
):
    """What a reader wrote, as the page shows it: the displayed words, the name the
    author agreed to show, the day it was sent, the language it was written in.
    Nothing private. A review first posted elsewhere gives that site as its
    ``publisher`` and its address as ``url``, dated the day it was posted there; our
    answer to it is its ``comment``."""
    node = {
        "@type": "Review",
        "reviewBody": body,
        "author": {"@type": "Person", "name": author_name},
        "datePublished": published_on.isoformat(),
    }
    if language:
        node["inLanguage"] = language
    if rating:
        node["reviewRating"] = {"@type": "Rating", "ratingValue": rating, **RATING_SCALE}
    if url:
        node["url"] = url
    if publisher_name:
        node["publisher"] = {"@type": "Organization", "name": publisher_name}
    if comment:
        node["comment"] = comment
    return node


def comment(text, author_name, author_role, created_on, modified_on=None, organization=None):
    """An answer written by someone in ``organization`` (a node or a reference to one)."""
    author = {"@type": "Person", "name": author_name}
    if author_role:
        author["jobTitle"] = author_role
    if organization:
        author["worksFor"] = organization
    node = {
        "@type": "Comment",
        "text": text,
        "author": author,
        "dateCreated": created_on.isoformat(),
    }
    if modified_on:
        node["dateModified"] = modified_on.isoformat()
    return node


def image_object(image, spec, root_url):
    """An image as a rendition search engines can fetch, with its real size; None when
    its file is missing (a database restored without its media), rather than a page
    that fails or an address that leads nowhere."""
    try:
        rendition = image.get_rendition(spec)
    except SourceImageIOError:
        return None
    return {
        "@type": "ImageObject",
        "url": absolute(rendition.url, root_url),
        "width": rendition.width,
        "height": rendition.height,
    }


def aggregate_rating(average, count):
    return {
        "@type": "AggregateRating",
        # Rounded exactly as pages display it.
        "ratingValue": float(floatformat(average, "1u")),
        "ratingCount": count,
        **RATING_SCALE,
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
        # A page type that says more about itself defines get_structured_data(), as it
        # defines get_sitemap_urls(): it gets its canonical URL and a reference to the
        # publisher, and answers with a list of nodes.
        describe = getattr(page, "get_structured_data", None)
        if describe:
            graph += describe(context, canonical_url(page, context), {"@id": publisher["@id"]})
    # A view that is not a page (such as the open data catalogue) describes itself.
    graph += context.get("structured_data_nodes") or []
    return {"@context": "https://schema.org", "@graph": graph}
