"""What templates need of testimonials: their cards (testimonials.card_markup), and the
one-tap way to the critical reviews, spelled as the wall's filter form spells it."""

from urllib.parse import urlencode

from django import template
from django.utils.safestring import SafeString

from testimonials.card_markup import CardMarkup
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


@register.simple_tag(takes_context=True)
def testimonial_cards(context, testimonials, wall_url=""):
    """``{% testimonial_cards testimonials wall_url %}``: each testimonial's card in a list
    item (``wall_url`` links an excerpt to its full original)."""
    return CardMarkup.for_context(context).cards(testimonials, wall_url or "")


@register.simple_tag(takes_context=True)
def testimonial_card(context, testimonial, wall_url="", full=False):
    """``{% testimonial_card testimonial wall_url full=True %}``: one card, its whole
    quote when ``full``."""
    return SafeString(CardMarkup.for_context(context).card(testimonial, wall_url or "", full))
