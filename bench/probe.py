"""What the benchmark needs to know from inside the site, printed as JSON.

Run from the project root with the same environment as the app server:
``python -m bench.probe targets`` (the URLs to load), ``python -m bench.probe
renditions`` (how many image renditions exist) or ``python -m bench.probe session`` (the
cookie of a visitor whose pages are rendered afresh)."""

import json
import math
import sys

import django


def targets():
    from django.db.models import Count
    from django.templatetags.static import static

    from wagtail.models import Page

    from comparisons.models import ComparisonPage, Criterion, Fact, Product, ProductPage
    from testimonials.models import CaseStudyPage, Testimonial, TestimonialWallPage

    largest = (
        ComparisonPage.objects.live()
        .annotate(
            products=Count("compared_products", distinct=True),
            criteria=Count("compared_criteria", distinct=True),
        )
        .order_by("-products", "-criteria", "path")
        .first()
    )
    product = ProductPage.objects.live().order_by("path").first()
    case_study = (
        CaseStudyPage.objects.live().annotate(quoted=Count("quotes")).order_by("-quoted", "path")
    ).first()
    wall = TestimonialWallPage.objects.live().first()
    wall_pages = math.ceil(Testimonial.objects.public().count() / wall.per_page)
    later = max(1, wall_pages * 2 // 3)
    return {
        "data": {
            "products": Product.objects.count(),
            "criteria": Criterion.objects.count(),
            "facts": Fact.objects.count(),
            "testimonials": Testimonial.objects.count(),
            "approved testimonials": Testimonial.objects.public().count(),
            "case studies": CaseStudyPage.objects.live().count(),
            "comparison pages": ComparisonPage.objects.live().count(),
            "live pages": Page.objects.live().count() - 1,
        },
        "home": {"path": "/", "label": "Home"},
        "product": {"path": product.url, "label": f"Product page ({product.title})"},
        "comparison": {
            "path": largest.url,
            "label": f"Largest comparison ({largest.products} x {largest.criteria})",
        },
        "wall": {"path": wall.url, "label": "Testimonial wall, page 1"},
        "wall_later": {
            "path": f"{wall.url}?page={later}",
            "label": f"Testimonial wall, page {later} of {wall_pages}",
        },
        "case_study": {"path": case_study.url, "label": "Case study"},
        "static": {"path": static("css/candor.css"), "label": "Static file (CSS)"},
        "ceiling": {"path": "/bench/ceiling/", "label": "Ceiling: bare Django view"},
    }


def renditions():
    from wagtail.images import get_image_model

    return {"renditions": get_image_model().get_rendition_model().objects.count()}


def visitor_session():
    """A session that holds something, as a logged-in editor's does: the page cache never
    serves its holder someone else's page, so each request with it renders afresh."""
    from importlib import import_module

    from django.conf import settings

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session["bench"] = "renders afresh"
    session.create()
    return {"cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}"}


COMMANDS = {"targets": targets, "renditions": renditions, "session": visitor_session}

if __name__ == "__main__":
    django.setup()
    print(json.dumps(COMMANDS[sys.argv[1]]()))
