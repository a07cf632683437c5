from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    honesty_promise = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = factory.Faker("sentence")
    body = factory.LazyFunction(
        lambda: [("heading", {"text": "Where values come from", "anchor": "sources"})]
    )

    class Meta:
        model = StandardPage


def default_locale():
    """The site's default locale, which migrations create and the flush after a
    transactional (browser) test removes: made again when missing."""
    return Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )[0]


def wagtail_root():
    """Wagtail's root page. Migrations create it, its locale and the root collection, but
    the flush after a transactional (browser) test removes them, so make them again when
    missing."""
    default_locale()
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def serve_as_site_root(page):
    """Make ``page`` the root of the default site, so it and its children have URLs."""
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", is_default_site=True
    )
    site.root_page = page
    site.save()  # save(), not update(): it clears Wagtail's cache of site root paths
    return page
