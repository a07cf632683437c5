"""Making cached pages stale: bump the versions of the pages that show a change."""

from django.conf import settings
from django.db import transaction

from wagtail.models import Page

from home.page_cache import versions


def purge_site(at_once=False):
    """Everything: the menu, the site settings or an image changed.

    The main menu is cached under the site's version whether or not pages are (see
    navigation_tags). A change to the menu bumps it ``at_once`` as well as on commit, so
    the rest of the transaction shows the new menu and a request in between cannot
    store the old one under the new version."""
    if at_once:
        versions.bump(versions.page_cache(), [versions.GLOBAL])
    _after_commit([versions.GLOBAL])
    if settings.PAGE_CACHE_SECONDS > 0:
        _purge_cdn(lambda: Page.objects.live())


def purge_pages(pages):
    """Each page with its sub-routes and descendants (breadcrumbs show its title), and
    the listings above it (index pages and the home page list their children)."""
    pages, keys, ancestors = list(pages), set(), []
    for page in pages:
        for url in page_paths(page):
            keys.add(versions.tree_key(url))
        for ancestor in page.get_ancestors().filter(depth__gt=1):
            ancestors.append(ancestor)
            keys.update(versions.path_key(url) for url in page_paths(ancestor))
    _after_commit(sorted(keys))
    _purge_cdn(lambda: [*pages, *ancestors])


def page_paths(page):
    """The path ``page`` is served at, as the request sees it (with /ja/ and the like)."""
    parts = page.get_url_parts()
    return [parts[2]] if parts else []


def _purge_cdn(pages):
    """The same pages at the CDN, when one is configured (WAGTAILFRONTENDCACHE)."""
    if settings.WAGTAILFRONTENDCACHE:
        from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

        transaction.on_commit(lambda: purge_pages_from_cache(pages()))


def _after_commit(keys):
    versions.bump_after_commit(keys)
