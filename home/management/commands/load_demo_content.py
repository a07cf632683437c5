"""Load the Fernhill Labs demo site, once.

`make run` runs this every time it starts, but only the first run loads anything.
Each app's part of the demo is registered in its own ``demo`` module (see home.demo),
and the parts run in the order they declare. The whole run is one transaction, so the
demo is either all there or not at all, and the demo home page is the first thing it
creates. A later run finds content (see ``already_loaded``) and creates, updates,
re-saves and re-publishes nothing: the site is its editors', authors' and erasure
requests' by then. Looking demo objects up again by their names or words would bring
back what they deleted, renamed, changed or erased. The one thing a later run applies
is a ``--port`` given on the command line, to the default site: links in e-mails, the
sitemap and canonical URLs must point where the site is served. And a site loaded
before the demo had a Japanese version of each public page type gets those it lacks,
for pages still where the demo put them (see ``translate_missing``)."""

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page, Site, TranslatableMixin

from home import demo, sqlite_statistics
from home.bulk_indexing import indexes_paused, rebuild_indexes
from home.models import HomePage
from home.page_cache.signals import purged_once

ALREADY_LOADED = "Demo content is already loaded: nothing was added or changed."
TRANSLATED = (
    "Demo content is already loaded: added the Japanese versions of {count} of its pages, "
    "and changed nothing else."
)


class Command(BaseCommand):
    help = (
        "Create the Fernhill Labs demo site: products, facts, product and comparison pages. "
        "Only into a database without content: once loaded, it is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            help="The port the site is served on, so links in e-mails, the sitemap and "
            "canonical URLs point at it (make run passes its PORT).",
        )

    def handle(self, *args, port=None, **options):
        with transaction.atomic():
            # The indexes are built once at the end, and every cached page made stale
            # once: record by record, they took half of the load's time.
            with indexes_paused(), purged_once():
                message = self.load(port)
            if message != ALREADY_LOADED:
                rebuild_indexes()
        if message != ALREADY_LOADED:
            sqlite_statistics.gather()
        self.stdout.write(message if message == ALREADY_LOADED else self.style.SUCCESS(message))

    def load(self, port):
        """What the run did, in a sentence."""
        parts = demo.parts()
        if already_loaded(parts):
            apply_port(port)
            added = translate_missing(parts)
            return TRANSLATED.format(count=added) if added else ALREADY_LOADED
        site = demo.DemoSite(today=timezone.localdate(), port=port)
        before = tally(parts)
        for part in parts:
            part.load(site)
        for part in parts:
            if part.translate:
                part.translate(site)
        return f"Demo content: created {', '.join(created_since(parts, before))}."


def already_loaded(parts):
    """Whether the database has content already: the demo home page, which is the
    first thing a run creates (the run being one transaction, the rest came with
    it), or, should an editor have deleted or replaced that page, any of the rows each
    part names as its evidence (products, criteria, customers, testimonials). The demo
    loads into a database without any; into one with them it would bring back what
    people deleted or changed."""
    return any(model.objects.exists() for part in parts for model in part.evidence)


def translate_missing(parts):
    """On a site loaded before the demo had them, the Japanese versions of demo pages
    that have none: each only while its English page is still at its place in the demo
    and its parent has a Japanese version, never one an editor deleted (see
    home.demo.translate). Returns how many pages it added."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return 0
    before = Page.objects.count()
    demo_site = demo.DemoSite(today=timezone.localdate(), home=home)
    for part in parts:
        if part.translate:
            part.translate(demo_site)
    return Page.objects.count() - before


def apply_port(port):
    """The one change a later run makes: links must point where the site is served."""
    site = Site.objects.filter(is_default_site=True).first()
    if port and site is not None and site.port != port:
        site.port = port
        site.save(update_fields=["port"])  # save() clears Wagtail's cache of site root paths


def tally(parts):
    """How many of each demo object the parts count exist. Pages count whatever their
    type, except the plain "Welcome" page Wagtail's migrations create (the first run
    removes it). Translatable records count once, in the default language: their
    translations are the same records in other words."""
    counts = {model: count_of(model) for part in parts for model in part.counted}
    plain_page = ContentType.objects.get_for_model(Page)
    counts[Page] = Page.objects.exclude(content_type=plain_page).count()
    return counts


def count_of(model):
    if issubclass(model, TranslatableMixin):
        return model.objects.filter(locale=Locale.get_default()).count()
    return model.objects.count()


def created_since(parts, before):
    """What this run added, e.g. ["3 facts", "1 page"]: the demo loader only adds,
    so a count that grew is what it created."""
    created = []
    for model, count in tally(parts).items():
        added = count - before[model]
        if added > 0:
            meta = model._meta
            name = meta.verbose_name if added == 1 else meta.verbose_name_plural
            created.append(f"{added} {name}")
    return created
