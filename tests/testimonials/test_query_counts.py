"""Pages that show testimonials do not query more as testimonials pile up."""

import pytest
from wagtail_factories import ImageFactory

from testimonials import tallies
from testimonials.models import CaseStudyQuote, Testimonial
from tests.comparisons.factories import ProductPageFactory
from tests.query_counts import MAX_QUERIES, queries_to_render
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = pytest.mark.django_db


def add_testimonials(product, count):
    """Public and not, every rating, a few excerpts, incentives and photos (with 1 and 2
    stars, so the critical reviews, lowest first, show photos as the wall does)."""
    photos = [ImageFactory() for _ in range(count // 25 + 1)]
    Testimonial.objects.bulk_create(
        TestimonialFactory.build(
            product=product,
            photo=photos[n // 25] if n % 5 in (0, 1) else None,
            consent_photo=n % 5 in (0, 1),
            rating=(n % 5) + 1,
            live=n % 4 != 0,
            status=Testimonial.Status.APPROVED if n % 4 else Testimonial.Status.PENDING,
            incentive="discount" if n % 7 == 0 else "none",
            incentive_detail="10% off" if n % 7 == 0 else "",
        )
        for n in range(count)
    )
    # Written without signals, so counted as every bulk write is.
    tallies.changed(product)


@pytest.mark.parametrize("page_kind", ["product", "wall", "critical reviews", "case study"])
def test_queries_do_not_grow_from_5_to_500_testimonials(
    client, page_kind, site_settings, our_product, product_index, wall_page, case_study_index
):
    product_page = ProductPageFactory(parent=product_index, product=our_product)
    case_study = CaseStudyPageFactory(parent=case_study_index)
    url = {
        "product": product_page.url,
        "wall": wall_page.url,
        "critical reviews": f"{wall_page.url}?product={our_product.pk}&rating=1-3&order=critical",
        "case study": case_study.url,
    }[page_kind]

    def quote_all():
        CaseStudyQuote.objects.bulk_create(
            CaseStudyQuote(page=case_study, testimonial=t, sort_order=i)
            for i, t in enumerate(
                Testimonial.objects.public().exclude(case_study_quotes__page=case_study)
            )
        )

    add_testimonials(our_product, 5)
    quote_all()
    small = queries_to_render(client, url)
    add_testimonials(our_product, 495)
    quote_all()
    large = queries_to_render(client, url)

    assert large == small
    assert large <= MAX_QUERIES
