"""What makes a cached page stale, connected to the changes that cause it.

Pages and images are known here. Each app registers the other models its pages show,
in its ``AppConfig.ready()``::

    register(Fact, shown_with=lambda fact: [fact.product], fragments=["comparison-data"])

A change to a registered model makes stale the pages that show it (found through the
reference index, see dependents.py) or that show the objects ``shown_with(instance)``
names instead; the cached fragments of the kinds in ``fragments``; and the pages that
``also_purge(instance)`` returns. A model registered as shown on ``every_page`` (the site
settings) makes every page and fragment stale, and so does publishing a page it links."""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from asgiref.local import Local

from home.page_cache.dependents import pages_showing
from home.page_cache.fragments import KINDS, bump_fragments
from home.page_cache.purge import purge_pages, purge_site


@dataclass
class Dependency:
    """What a change to one registered model makes stale."""

    shown_with: Callable | None = None
    fragments: set = field(default_factory=set)
    also_purge: list = field(default_factory=list)


_dependencies: dict[type, Dependency] = {}
_on_every_page: list[type] = []


def register(
    model, *, shown_with=None, fragments=(), also_purge=None, signals=(), every_page=False
):
    """Pages that show ``model`` go stale when one is saved or deleted, or sends one of
    ``signals`` (such as Wagtail's ``published``). An app may register a model that
    another app registered, to add what its own pages show of it."""
    if every_page:
        if model not in _on_every_page:
            _on_every_page.append(model)
        for signal in (post_save, post_delete, *signals):
            signal.connect(site_changed, sender=model, dispatch_uid=f"page-cache-{model}")
        return
    dependency = _dependencies.setdefault(model, Dependency())
    if shown_with is not None:
        if dependency.shown_with not in (None, shown_with):
            raise ImproperlyConfigured(f"{model._meta.label} is registered as shown with two.")
        dependency.shown_with = shown_with
    dependency.fragments.update(fragments)
    KINDS.update(fragments)
    if also_purge is not None and also_purge not in dependency.also_purge:
        dependency.also_purge.append(also_purge)
    for signal in (post_save, post_delete, *signals):
        signal.connect(snippet_changed, sender=model, dispatch_uid=f"page-cache-{model}")


def pages_cached():
    return settings.PAGE_CACHE_SECONDS > 0


_batch = Local()


@contextmanager
def purged_once():
    """For a change of hundreds of records at once (the demo or the benchmark's data
    loaded): every page and fragment made stale once, when it is done, instead of
    finding and purging the pages each record shows, record by record. Nothing is
    purged if it fails: its transaction took back what it changed."""
    if in_batch():
        yield
        return
    _batch.active = True
    try:
        yield
    finally:
        _batch.active = False
    purge_site(at_once=True)
    bump_fragments()


def in_batch():
    return getattr(_batch, "active", False)


def caching(handler):
    """Handlers that do nothing while full-page caching is off."""

    def wrapper(sender, **kwargs):
        if pages_cached() and not kwargs.get("raw") and not in_batch():
            handler(sender, **kwargs)

    wrapper.__name__ = handler.__name__
    return wrapper


def page_changed(sender, instance, **kwargs):
    """Published or unpublished. What every page shows (the menu, the home page, the
    pages the site settings link) is remembered in each process under the site's
    version (home.process_memory), whether or not pages are cached."""
    if in_batch():
        return
    on_every_page = shown_on_every_page(instance)
    if on_every_page:
        purge_site(at_once=True)
    linked = linked_from_every_page(instance)
    if linked and not on_every_page:
        purge_site()  # every page shows the footer's links
    if pages_cached():
        purge_pages([instance, *pages_showing(instance)])
        if linked:
            bump_fragments()  # fragments such as a comparison's disclosure link the page


def shown_on_every_page(page):
    """A site's home page (every page's breadcrumbs start there), or a page in the main
    menu: shown in menus, or directly under a home page (of a site, in any language),
    where the menu lists it if it is shown in menus now or was before this change."""
    if page.show_in_menus:
        return True
    parent = Page.objects.filter(path=page.path[: -page.steplen])
    return Site.objects.filter(
        Q(root_page__translation_key__in=parent.values("translation_key"))
        | Q(root_page__translation_key=page.translation_key)
    ).exists()


def linked_from_every_page(page):
    """The methodology, testimonial policy and wall pages that the site settings link,
    in any of their languages."""
    translations = Page.objects.filter(translation_key=page.translation_key)
    for model in _on_every_page:
        links = Q()
        for link in model._meta.get_fields():
            if link.many_to_one and issubclass(link.related_model, Page):
                links |= Q(**{f"{link.name}__in": translations})
        if links and model._default_manager.filter(links).exists():
            return True
    return False


def page_moved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and not in_batch():
        purge_site(at_once=True)  # its old URL, the menu and every listing that showed it


def privacy_or_site_changed(sender, raw=False, **kwargs):
    """Who may see which pages, which site a host is, or which languages there are: the
    menu lists only public pages, a page made private must not be served from the
    cache, and each language's pages are routed through its home page."""
    if not raw and not in_batch():
        purge_site(at_once=True)


@caching
def snippet_changed(sender, instance, **kwargs):
    dependency = _dependencies.get(sender)
    if dependency is None:
        return
    shown_with = dependency.shown_with(instance) if dependency.shown_with else [instance]
    purge_pages(pages_showing(*shown_with))
    if dependency.fragments:
        bump_fragments(dependency.fragments)
    for pages in dependency.also_purge:
        purge_pages(pages(instance))


def site_changed(sender, raw=False, **kwargs):
    """The site settings or an image: on every page, and the settings are remembered in
    each process under the site's version whether or not pages are cached."""
    if raw or in_batch():
        return
    purge_site()
    if pages_cached():
        bump_fragments()


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, dispatch_uid=f"page-cache-{signal}")
    post_page_move.connect(page_moved_or_deleted, dispatch_uid="page-cache-moved")
    # Deleting a page sends pre_delete with its specific class as the sender.
    pre_delete.connect(page_moved_or_deleted, dispatch_uid="page-cache-deleted")
    register(get_image_model(), every_page=True)
    # A language added or removed: pages are routed through the home page in each.
    for model in (Locale, PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                privacy_or_site_changed, sender=model, dispatch_uid=f"page-cache-{model}"
            )


def changed_in_bulk(model, instances):
    """For writes that send no signal (``bulk_create``, ``update()``): make stale what a
    save of each of ``instances`` would. One instance stands for many when what they
    show is the same (every invitation of a campaign is counted on the same pages)."""
    for instance in instances:
        snippet_changed(model, instance=instance)
