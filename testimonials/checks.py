"""The honesty check of pages that show a hand-picked selection of testimonials,
registered with home.honesty. Product pages show the newest approved testimonials
whatever their rating, so only case studies pick theirs."""

from django.utils.translation import gettext_lazy as _

from home.honesty import register, warning
from testimonials.models import CaseStudyPage, Testimonial

LOW_RATINGS = (1, 2)


def selection_leaves_out_low_ratings(page):
    """A selection of quotes with no 1–2★ rating, while the products it is about have
    approved ones: readers trust a mix more than praise alone."""
    selected = [quote.testimonial for quote in page.quotes.all() if quote.testimonial_id]
    if not selected or any(t.rating in LOW_RATINGS for t in selected):
        return
    products = [product.pk for product in page.products.all()]
    low = Testimonial.objects.public().filter(product__in=products, rating__in=LOW_RATINGS)
    count = low.count()
    if count:
        yield warning(
            _(
                "The quotes chosen leave out all %(count)d approved 1–2★ testimonials "
                "about these products. Consider quoting one with its answer, so readers "
                "see the whole picture."
            )
            % {"count": count},
            field="quotes",
        )


register(CaseStudyPage, selection_leaves_out_low_ratings)
