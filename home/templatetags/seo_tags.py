from django import template

from home.seo.breadcrumbs import breadcrumb_trail
from home.seo.meta import page_meta
from home.seo.structured_data import json_for_script, page_graph

register = template.Library()


@register.inclusion_tag("includes/meta.html", takes_context=True)
def meta_tags(context):
    """Description, canonical URL and sharing tags for the page being rendered."""
    return {"meta": page_meta(context)}


@register.inclusion_tag("includes/structured_data.html", takes_context=True)
def structured_data(context):
    """The page described in schema.org terms, for search and answer engines."""
    if context.get("request") is None:
        return {}
    return {"json_ld": json_for_script(page_graph(context))}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The visible trail from the home page; the same crumbs as the JSON-LD. A view
    that is not a page (such as the open data catalogue) passes its own ``crumbs``."""
    request = context.get("request")
    if request is None:
        return {}
    return {"crumbs": breadcrumb_trail(context.get("page"), request) or context.get("crumbs", [])}
