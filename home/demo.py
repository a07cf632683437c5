"""The demo site, Fernhill Labs: the registry of each app's part, home's own part, and
the helpers the parts share.

An app with demo content registers its part in its own ``demo`` module, which
``load_demo_content`` finds with Django's ``autodiscover_modules("demo")``. A part names
the parts it builds on (``after``), so the run order is declared, not left to
INSTALLED_APPS: home's page first, then comparisons, then testimonials. Every part loads
before any part translates, because a Japanese page is a copy of the finished English one
and needs its parent translated first.

A part also names the models whose rows mean a database has content already
(``evidence``: the demo then loads nothing) and the models the run reports having
created (``counted``). Every name and web address here is invented."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.module_loading import autodiscover_modules

from wagtail.models import Locale, Page, PageLogEntry, Site

from home.models import HomePage, SiteSettings

COMPANY = "Fernhill Labs"
HONESTY_PROMISE = (
    "We tell you what our products do badly and who should buy something else, "
    "competitors included."
)
HOME_INTRO = (
    "<p>Fernhill Labs makes support software for small and mid-sized teams. This site "
    "compares our products with the alternatives, row by row, with a source and a date "
    "for every value, and says plainly when a competitor is the better choice.</p>"
)
DEFAULT_DESCRIPTION = (
    "Fernhill Labs' support software compared honestly with the alternatives: sources and "
    "dates for every value, limitations stated, competitors' wins marked."
)
HOME_JAPANESE = {
    "title": "Fernhill Labs",
    "honesty_promise": "当社製品の弱点も、他社製品を選ぶべき場合も、包み隠さずお伝えします。",
    "intro": "<p>Fernhill Labs は中小規模のサポートチーム向けソフトウェアを開発しています。"
    "このサイトでは当社製品と他社製品を項目ごとに比較し、すべての値に出典と確認日を示し、"
    "他社製品のほうが適している場合ははっきりそうお伝えします。</p>",
}


@dataclass
class DemoSite:
    """What the parts share in one run: the day it runs, the port the site is served on,
    and the home page, once home's part has created it."""

    today: datetime.date
    port: int | None = None
    home: HomePage | None = None


@dataclass(frozen=True)
class DemoPart:
    """One app's part of the demo."""

    app: str
    load: Callable[[DemoSite], None]
    translate: Callable[[DemoSite], None] | None = None
    after: tuple[str, ...] = ()
    evidence: tuple[type[models.Model], ...] = ()
    counted: tuple[type[models.Model], ...] = ()


_parts = {}


def register(app, load, *, translate=None, after=(), evidence=(), counted=()):
    """Add ``app``'s part to the demo: ``load(site)`` creates its content, then, once
    every part has loaded, ``translate(site)`` its Japanese pages."""
    _parts[app] = DemoPart(app, load, translate, tuple(after), tuple(evidence), tuple(counted))


def parts():
    """Every app's part, each after the parts it loads after (ties in name order)."""
    autodiscover_modules("demo")
    sorter = TopologicalSorter()
    for name in sorted(_parts):
        missing = sorted(set(_parts[name].after) - set(_parts))
        if missing:
            raise ImproperlyConfigured(
                f"The demo part {name!r} loads after {', '.join(missing)}, which no app registers."
            )
        sorter.add(name, *_parts[name].after)
    try:
        return [_parts[name] for name in sorter.static_order()]
    except CycleError as error:
        raise ImproperlyConfigured(f"Demo parts wait on each other: {error.args[1]}") from error


# Home's own part ------------------------------------------------------------------


def load(site):
    site.home = home_page(site.port)
    update_settings(site.home, company_name=COMPANY, default_description=DEFAULT_DESCRIPTION)


def translate_home(site):
    translate(site.home, japanese_locale(), HOME_JAPANESE)


def home_page(port=None):
    """The demo home page, made the default site's root (the default site is created
    if there is none). The plain "Welcome" page Wagtail's migrations create as its
    root is deleted, unless an editor has put pages under it: those are theirs, and
    stay where they are. ``port`` is the one make run serves the site on."""
    root = Page.get_first_root_node()
    home = add_page(
        root,
        HomePage(
            title=COMPANY, slug="fernhill-labs", honesty_promise=HONESTY_PROMISE, intro=HOME_INTRO
        ),
    )
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        site = Site(hostname="localhost", is_default_site=True)
    previous_root = site.root_page if site.root_page_id else None
    site.root_page = home
    site.site_name = COMPANY
    if port:
        site.port = port
    site.save()  # save(), not update(): it clears Wagtail's cache of site root paths
    if (
        previous_root is not None
        and previous_root.content_type_id == ContentType.objects.get_for_model(Page).pk
        and not previous_root.get_children().exists()
    ):
        previous_root.delete()
    return home


register("home", load, translate=translate_home, evidence=[HomePage])


# Helpers the parts share -----------------------------------------------------------


def add_page(parent, page):
    """``page`` under ``parent``, published with a revision as an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_child(parent, model, slug, **fields):
    """A new ``model`` page at ``slug`` under ``parent``, published."""
    return add_page(parent, model(slug=slug, **fields))


def update_settings(home, **fields):
    """Set ``fields`` on the site settings of ``home``'s site."""
    settings = SiteSettings.for_site(home.get_site())
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()


def japanese_locale():
    locale, _ = Locale.objects.get_or_create(language_code="ja")
    return locale


def translate(page, locale, fields):
    """``page``'s translation into ``locale`` with ``fields`` set, published: what an
        editor does with Wagtail's "Translate" action, then replacing the text. ``fields``
        is a dict, or a function of the new translation that returns one. A page that has a
        translation into ``locale`` already (live or not) keeps it, untouched, and one whose
    parent has none gets none: it would have nowhere to go."""
    if page.get_translation_or_none(locale) is not None:
        return None
    parent = page.get_parent()
    translated_parent = parent if parent.is_root() else parent.get_translation_or_none(locale)
    if translated_parent is None or deleted_before(page, locale, translated_parent):
        return None
    translation = page.copy_for_translation(locale, copy_parents=False)
    if callable(fields):
        fields = fields(translation)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def deleted_before(page, locale, translated_parent):
    """Whether a translation of this kind of page into ``locale`` was made under
    ``translated_parent`` and then deleted: Wagtail's history of pages keeps both
    events after the page is gone. (Of several pages of one kind under one parent, one
    deleted keeps all of them from being translated again: that is the editor's call.)"""
    translated = PageLogEntry.objects.filter(
        action="wagtail.copy_for_translation",
        content_type_id=page.content_type_id,
        data__page__locale__language_code=locale.language_code,
        data__destination__id=translated_parent.pk,
    )
    return PageLogEntry.objects.filter(
        action="wagtail.delete", page_id__in=translated.values("page_id")
    ).exists()


def translate_child(parent, slug, locale, fields):
    """The translation of ``parent``'s child at ``slug`` (see ``translate``), if the
    child is still there: None when it is not, or has a translation already."""
    page = Page.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        return None
    page = page.specific
    return translate(page, locale, fields(page) if callable(fields) else fields)
