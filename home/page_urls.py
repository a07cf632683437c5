"""A page's address worked out once per process, not once per link to it.

Wagtail works out a page's address from its path in the tree: it picks the page's
site, activates the site's language and asks Django to reverse "wagtail_serve" with
the path, about 30 µs a link. A product page links to some fifty pages (breadcrumbs
twice, its comparisons and case studies, the menu, the other language), and each
link is a page made afresh, so nothing was kept from one link, or one render, to the
next: 5% of the product page's instructions and 3% of the comparison's.

The address depends on nothing but what the key below holds: the page's path, the
sites it may belong to (root path, address, language), the active language and the
URL configuration with its prefix. A page moved or renamed has another path, a site
edited has other root paths (Wagtail keeps them in a cache it refreshes when a site
is saved), so nothing here goes stale; settings changed in a test empty it. A page
that belongs to more than one site is left to Wagtail, which then asks which site
the request is for.

Wagtail has no setting for this, so ``install`` wraps ``Page.get_url_parts``, the
method every address (``url``, ``full_url``, ``{% pageurl %}``) comes from; a page
type that overrides it, as Wagtail's documentation suggests for custom routing, still
has the last word."""

from functools import wraps

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

from wagtail.models import Page

MAX_ADDRESSES = 20_000  # a few MB at most: a site's pages in each of its languages

addresses = {}


def remembered(get_url_parts):
    @wraps(get_url_parts)
    def get_url_parts_once(page, request=None):
        sites = page._get_relevant_site_root_paths(request)
        if len({site.site_id for site in sites}) != 1:
            return get_url_parts(page, request)
        key = (
            page.url_path,
            sites,
            get_language(),
            get_urlconf() or settings.ROOT_URLCONF,
            get_script_prefix(),
        )
        try:
            return addresses[key]
        except KeyError:
            pass
        if len(addresses) >= MAX_ADDRESSES:
            addresses.clear()
        parts = addresses[key] = get_url_parts(page, request)
        return parts

    get_url_parts_once.remembers_addresses = True
    return get_url_parts_once


def install():
    if not getattr(Page.get_url_parts, "remembers_addresses", False):
        Page.get_url_parts = remembered(Page.get_url_parts)
    setting_changed.connect(forget, dispatch_uid="home.page_urls.forget")


def forget(**kwargs):
    """Settings changed (in tests): the languages, the URL configuration or the sites'
    settings may not be what the addresses were worked out with."""
    addresses.clear()
