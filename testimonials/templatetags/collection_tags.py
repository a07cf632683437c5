"""Links to the reports on how each product's reviews were collected, for the pages
that point readers to them: the product page, next to its moderation record, and the
wall, which lists one per product."""

from django import template

from comparisons.models import Product
from testimonials.models import TestimonialWallPage

register = template.Library()


@register.simple_tag
def collection_report_url(wall, product):
    """``{% collection_report_url wall product %}``: the report on ``product`` under
    ``wall`` (the wall in the reader's language), or "" without a wall."""
    if not wall or not product:
        return ""
    return wall.url + TestimonialWallPage.collection_report_route(product)


@register.simple_tag
def collection_report_path(product):
    """``{% collection_report_path product %}``: the report's path under any wall's URL
    (the card knows the wall only by its URL)."""
    return TestimonialWallPage.collection_report_route(product)


@register.simple_tag
def collection_reports(wall):
    """``{% collection_reports wall as reports %}``: (product, report URL) for each of
    our products, in one query."""
    if not wall:
        return []
    route = TestimonialWallPage.collection_report_route
    return [(product, wall.url + route(product)) for product in Product.objects.ours()]
