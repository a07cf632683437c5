"""What the benchmark needs to know from inside the site, printed as JSON.

Run from the project root with the same environment as the app server:
``python -m bench.probe targets`` (the URLs to load), ``cold_targets`` (a URL of every
public page type), ``renditions`` (how many image renditions exist), ``session`` (the
cookie of a visitor whose pages are rendered afresh), ``editor`` and ``moderator`` (the
cookie of a logged-in editor or moderator, and the admin URLs they use), or ``change
MARKER`` (saves the site settings with MARKER in the company name, as the admin does)."""

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
            "path": deep_wall_page(wall, later),
            "label": f"Testimonial wall, page {later} of {wall_pages}",
        },
        "case_study": {"path": case_study.url, "label": "Case study"},
        "static": {"path": static("css/candor.css"), "label": "Static file (CSS)"},
        "ceiling": {"path": "/bench/ceiling/", "label": "Ceiling: bare Django view"},
    }


def deep_wall_page(wall, number):
    """The address of the wall's page ``number``: pages are read by cursor
    (testimonials.wall_pages), and an old numbered link redirects to its cursor."""
    from django.test import Client

    response = Client(HTTP_HOST="127.0.0.1").get(f"{wall.url}?page={number}", secure=True)
    return response["Location"] if response.status_code == 302 else f"{wall.url}?page={number}"


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


def cold_targets():
    """The pages of ``targets``, the largest comparison in Japanese, and the first live
    page (by position in the tree) of every other page type."""
    from django.db.models import Min

    from wagtail.models import Page

    from comparisons.models import ComparisonPage

    found = {key: value for key, value in targets().items() if key not in {"static", "ceiling"}}
    english = ComparisonPage.objects.live().filter(url_path__endswith=found["comparison"]["path"])
    japanese = (
        ComparisonPage.objects.live()
        .filter(translation_key__in=english.values("translation_key"), locale__language_code="ja")
        .first()
    )
    if japanese is not None:
        found["comparison_ja"] = {"path": japanese.url, "label": "Largest comparison, Japanese"}
    measured = {
        "HomePage",
        "ProductPage",
        "ComparisonPage",
        "TestimonialWallPage",
        "CaseStudyPage",
    }
    first_of_each_type = (
        Page.objects.live()
        .filter(depth__gt=1)
        .values("content_type")
        .annotate(first=Min("path"))
        .values("first")
    )
    pages = Page.objects.filter(path__in=first_of_each_type).order_by("path").specific()
    for page in pages:
        name = type(page).__name__
        if name in measured or not page.url:
            continue
        measured.add(name)
        label = str(page._meta.verbose_name).capitalize()
        found[f"type:{name}"] = {"path": page.url, "label": label}
    return found


def _session_for(user):
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _user(username, group=None, superuser=False):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, _created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@fernhill.example", "is_superuser": superuser},
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def editor():
    """An editor's session (an administrator, so nothing is refused), and the admin
    URLs of the largest comparison's edit form and preview."""
    from django.urls import reverse

    from comparisons.models import ComparisonPage

    path = targets()["comparison"]["path"]
    page = ComparisonPage.objects.live().filter(url_path__endswith=path).first()
    return {
        "cookie": _session_for(_user("bench-editor", superuser=True)),
        "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
    }


def moderator():
    """A member of the Moderators group, and the testimonial listing and moderation
    queue they work in (the dashboard's "Testimonials to moderate" link)."""
    from django.urls import reverse

    listing = reverse("wagtailsnippets_testimonials_testimonial:list")
    return {
        "cookie": _session_for(_user("bench-moderator", group="Moderators")),
        "listing": listing,
        "queue": f"{listing}?status=pending",
    }


def change(marker):
    """Saves the site settings (every page shows the company name) as the admin does:
    a model save, so the same signals fire. Prints when it had committed."""
    import re
    import time

    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    name = re.sub(r" bench-change-\d+$", "", settings.company_name)
    settings.company_name = f"{name} {marker}"
    settings.save()  # autocommit: committed when save() returns
    return {"committed": time.time(), "company_name": settings.company_name}


COMMANDS = {
    "targets": targets,
    "cold_targets": cold_targets,
    "renditions": renditions,
    "session": visitor_session,
    "editor": editor,
    "moderator": moderator,
    "change": change,
}

if __name__ == "__main__":
    django.setup()
    print(json.dumps(COMMANDS[sys.argv[1]](*sys.argv[2:])))
