"""The testimonial widget: a small page that the company's other websites may frame.

Only the origins an editor lists in site settings may frame it (CSP frame-ancestors);
everything else on the site refuses to be framed.

A widget for a tag shows testimonials an editor chose, so it could show praise only.
It says so ("A selection chosen by …") and, like a widget for a product, shows every
published rating of the products it quotes, with a link to all their reviews."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from wagtail.models import Site

from comparisons.models import Product
from home.models import SiteSettings
from testimonials.filters import tagged
from testimonials.models import Testimonial

WIDGET_SIZE = 5


@xframe_options_exempt  # X-Frame-Options cannot name origins; CSP frame-ancestors does.
@require_GET
def testimonial_widget(request):
    """Approved testimonials for one product (``?product=<id>``) or one tag
    (``?tag=<slug>``), newest first, with the same labels as on the site."""
    testimonials = Testimonial.objects.public().for_display()
    product = tag = None
    if product_id := request.GET.get("product"):
        product = Product.objects.ours().filter(pk=_as_int(product_id)).first()
        if product is None:
            raise Http404(_("No such product."))
        testimonials = testimonials.filter(product=product)
    elif tag := request.GET.get("tag"):
        # As the wall finds it, where "See all" leads.
        testimonials = tagged(testimonials, tag)
    else:
        raise Http404(_("Name a product or a tag."))

    site = Site.find_for_request(request)
    site_settings = SiteSettings.for_site(site) if site else None
    wall = site_settings.testimonial_wall_page if site_settings else None
    wall_url = request.build_absolute_uri(wall.get_url(request)) if wall else None
    shown = list(testimonials.newest_first()[:WIDGET_SIZE])
    # "See all" leads to the wall, filtered the same way.
    filter_query = urlencode({"product": product.pk} if product else {"tag": tag})
    response = render(
        request,
        "pages/testimonial_widget.html",
        {
            "product": product,
            "tag": tag,
            "is_selection": product is None,
            "testimonials": shown,
            "total": testimonials.count(),
            "ratings": product_ratings([product] if product else products_of(shown), wall_url),
            "wall_url": wall_url,
            "more_url": f"{wall_url}?{filter_query}" if wall_url else None,
            "site_settings": site_settings,
        },
    )
    response.frame_ancestors = site_settings.widget_origins if site_settings else []
    return response


def products_of(testimonials):
    """The products the shown testimonials are about, in the order first shown."""
    return list(
        {testimonial.product_id: testimonial.product for testimonial in testimonials}.values()
    )


def product_ratings(products, wall_url):
    """Each product's full published rating distribution, whatever was chosen to be
    shown, and the link to all its reviews on the wall: one query for them all."""
    summaries = Testimonial.objects.summaries(products)
    return [
        {
            "product": product,
            "ratings": summaries[product.pk]["ratings"],
            "all_reviews_url": f"{wall_url}?{urlencode({'product': product.pk})}"
            if wall_url
            else None,
        }
        for product in products
    ]


def _as_int(value):
    try:
        return int(value)
    except ValueError:
        return None
