"""Every public page that shows or counts testimonials and case studies, and each of
their routes and filters, costs as many queries with ten times the data as with a
small site's, in English and in Japanese: the number is pinned, so a query added to a
page shows here.

The site is built and measured once for the module, at 1× and then at 10×."""

import math

from django.test import Client
from django.utils import timezone

from taggit.models import Tag

import pytest
from wagtail_factories import ImageFactory

from testimonials.models import CaseStudyQuote, CaseStudyTag, Testimonial, TestimonialTag
from testimonials.transparency import product_slug
from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.home.translations import in_japanese
from tests.query_counts import (
    assert_same_at_1x_and_10x,
)
from tests.testimonials.factories import (
    CaseStudyPageFactory,
    TestimonialFactory,
)
from tests.testimonials.reply_factories import (
    TestimonialReplyFactory,
    after_nps,
    imported,
    invited,
)

pytestmark = [pytest.mark.django_db, pytest.mark.tenfold]


def add_testimonials(products, tags, count):
    """One testimonial of each other provenance per product, then ``count`` of
    ``products``: every rating, in English and Japanese, some pending, some with photos,
    incentives, tags or our reply."""
    for product in products:
        invited(product, timezone.now())
        after_nps(product)
        imported(product)
    # After those, so the newest, which a page shows first, have photos and replies.
    photos = [ImageFactory() for _ in range(len(products))]
    made = Testimonial.objects.bulk_create(
        TestimonialFactory.build(
            product=products[n // 2 % len(products)],
            photo=photos[n % len(photos)] if n % 5 in (0, 1) else None,
            consent_photo=n % 5 in (0, 1),
            rating=n % 5 + 1,
            language="ja" if n % 3 == 0 else "en",
            live=n % 4 != 0,
            status=Testimonial.Status.APPROVED if n % 4 else Testimonial.Status.PENDING,
            incentive="discount" if n % 7 == 0 else "none",
            incentive_detail="10% off" if n % 7 == 0 else "",
        )
        for n in range(count)
    )
    TestimonialTag.objects.bulk_create(
        TestimonialTag(content_object=testimonial, tag=tag) for testimonial in made for tag in tags
    )
    for testimonial in made[1::2]:
        TestimonialReplyFactory(testimonial=testimonial)


def add_case_studies(site, products, tags, count):
    """``count`` case studies of every product and tag, each quoting ``count``
    testimonials with photos."""
    with_photos = list(Testimonial.objects.public().filter(photo__isnull=False)[:count])
    for _ in range(count):
        page = CaseStudyPageFactory(parent=site.case_study_index)
        page.products.add(*products)
        CaseStudyTag.objects.bulk_create(CaseStudyTag(content_object=page, tag=t) for t in tags)
        CaseStudyQuote.objects.bulk_create(
            CaseStudyQuote(page=page, testimonial=testimonial, sort_order=i)
            for i, testimonial in enumerate(with_photos)
        )
    return page


def routes(site, size):
    """Every route that shows testimonials or case studies with size products, 10 ×
    size testimonials, size tags and 2 × size case studies."""
    products = [ProductFactory(is_ours=True) for _ in range(size)]
    for product in products:
        ProductPageFactory(parent=site.product_index, product=product)
    tags = [Tag.objects.create(name=f"Tag {Tag.objects.count()}") for _ in range(size)]
    add_testimonials(products, tags, 10 * size)
    case_study = add_case_studies(site, products, tags, 2 * size)
    product, tag, wall = products[0], tags[0].slug, site.wall.url
    # The newest with all a testimonial may show: a photo and our reply.
    newest = (
        Testimonial.objects.public()
        .filter(photo__isnull=False, reply__isnull=False)
        .newest_first()
        .first()
    )
    last_page = math.ceil(Testimonial.objects.public().count() / site.wall.per_page)
    japanese = {"wall": in_japanese(site.wall)}
    japanese["case study"] = in_japanese(case_study)
    return {
        "wall": wall,
        "wall, one product": f"{wall}?product={product.pk}",
        "wall, critical first": f"{wall}?rating=1-3&order=critical",
        "wall, one tag": f"{wall}?tag={tag}",
        # An old numbered link redirects to its page's cursor.
        "wall, last page": Client().get(f"{wall}?page={last_page}")["Location"],
        "testimonial": f"{wall}{newest.pk}/",
        "how collected": f"{wall}how-collected/{product_slug(product)}/",
        "how collected, JSON": f"{wall}how-collected/{product_slug(product)}/?format=json",
        "case study index": site.case_study_index.url,
        "case study index, filtered": f"{site.case_study_index.url}?product={product.pk}"
        f"&industry=retail&tag={tag}",
        "case study": case_study.url,
        "widget, one product": f"/embed/testimonials/?product={product.pk}",
        "widget, one tag": f"/embed/testimonials/?tag={tag}",
        "ja wall": japanese["wall"].url,
        "ja wall, one product": f"{japanese['wall'].url}?product={product.pk}",
        "ja testimonial": f"{japanese['wall'].url}{newest.pk}/",
        "ja case study index": japanese["case study"].get_parent().url,
        "ja case study": japanese["case study"].url,
        "ja widget, one product": f"/ja/embed/testimonials/?product={product.pk}",
        "ja how collected": f"{japanese['wall'].url}how-collected/{product_slug(product)}/",
        "API, testimonials": "/api/v2/testimonials/?fields=*",
        "API, case studies": "/api/v2/pages/?type=testimonials.CaseStudyPage&fields=*",
        "API, a case study": f"/api/v2/pages/{case_study.pk}/",
        "submission form": site.submission.url,
        "NPS survey": site.nps.url,
        "demo request form": site.demo_request.url,
    }


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("wall", 9),
        ("wall, one product", 10),
        ("wall, critical first", 9),
        ("wall, one tag", 9),
        ("wall, last page", 9),
        ("testimonial", 5),
        ("how collected", 7),
        ("how collected, JSON", 7),
        ("case study index", 5),
        ("case study index, filtered", 5),
        ("case study", 8),
        ("widget, one product", 8),
        ("widget, one tag", 7),
        ("ja wall", 9),
        ("ja wall, one product", 10),
        ("ja testimonial", 5),
        ("ja case study index", 5),
        ("ja case study", 8),
        ("ja widget, one product", 8),
        ("ja how collected", 7),
        ("API, testimonials", 14),
        ("API, case studies", 26),
        ("API, a case study", 26),
        ("submission form", 4),
        ("NPS survey", 3),
        ("demo request form", 3),
    ],
)
def test_a_route_costs_the_same_queries_at_10x(measured_routes, route, expected):
    assert_same_at_1x_and_10x(measured_routes[1][route], measured_routes[10][route], expected)
