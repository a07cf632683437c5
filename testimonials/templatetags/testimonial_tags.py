"""What templates outside this app need of the wall's filters: the one-tap way to the
critical reviews, spelled as the wall's filter form spells it."""

from urllib.parse import urlencode

from django import template

from testimonials.filters import CRITICAL_REVIEWS
from testimonials.querysets import CRITICAL_AT_MOST

register = template.Library()


@register.simple_tag
def critical_reviews(wall=None, product=None):
    """``{% critical_reviews wall product as critical %}``: ``critical.url`` leads to
    ``product``'s reviews of ``critical.at_most`` stars or fewer on ``wall``, lowest
    rating first; ``critical.query`` is the same filter for ``{% querystring %}``."""
    query = {"product": product.pk} if product else {}
    query.update(CRITICAL_REVIEWS)
    return {
        "at_most": CRITICAL_AT_MOST,
        "query": CRITICAL_REVIEWS,
        "url": f"{wall.url}?{urlencode(query)}" if wall else "",
    }
