"""What every request reads about its site, remembered in each process.

Every page needs the Site its host names, that site's settings, its main menu and its
private sections, and is routed through the site's home page in the reader's language
and the section below it (the comparisons' index, say): queries with joins that took
about 8 ms of a page's 10 to 60 on the benchmark data (docs/benchmark.md). They change
only when the site itself changes, and every such change gives the site's version
(``home.page_cache.versions.GLOBAL``) a new value once it has committed, whether or
not pages are cached (home.page_cache.signals): saving the settings, a Site or a view
restriction, adding or removing a language, and publishing, unpublishing, moving or
deleting a home page (in any language) or a page directly below it. So each process
keeps them under the version it last read, and a request reads the version once: in
the page cache's own round trip when pages are cached, else in one cache read where it
read the menu before.

Each request is given its own copies: code serving a page caches things on a model
instance (its ``specific`` page, its URL) that must not outlive the request."""

import copy
from functools import partial

from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail.models import Site, TranslatableMixin

from home.page_cache import versions

# Keys are bounded by the sites, languages and settings models, except the Site found
# for a host name: a visitor can send any. Past this many, values are loaded as if
# nothing were remembered.
MOST_REMEMBERED = 256


class Memory:
    def __init__(self, version):
        self.version = version
        self.values = {}


_memory = Memory(None)


def remembered(request, key, load, keep_none=True):
    """``load()``, called once per process for each version of the site; with
    ``keep_none`` False, loaded again each time it finds nothing (a value a visitor's
    request names, which may name anything)."""
    global _memory
    version = versions.site_version(request)
    memory = _memory
    if memory.version != version:
        # The whole memory is replaced, never changed in place: a thread still serving
        # a request under the old version keeps the old memory whole.
        memory = _memory = Memory(version)
    try:
        return memory.values[key]
    except KeyError:
        value = load()
        if len(memory.values) < MOST_REMEMBERED and (keep_none or value is not None):
            memory.values[key] = value
        return value


def forget():
    """Drop everything remembered (tests, and a process that must start afresh)."""
    global _memory
    _memory = Memory(None)


def detached(instance, copies=None):
    """A copy of a remembered model instance for one request, with copies of the
    related instances loaded with it (a site's root page, a setting's pages)."""
    if instance is None:
        return None
    copies = {} if copies is None else copies
    twin = copies.get(id(instance))
    if twin is None:
        # Django copies the instance's state and its cache of related objects, which
        # may lead back to it (a setting's site, and the site's setting).
        twin = copies[id(instance)] = copy.copy(instance)
        related = twin._state.fields_cache
        for name, value in related.items():
            related[name] = detached(value, copies)
        specific = twin.__dict__.get("specific")
        if specific is not None and specific is not instance:
            # A page's specific form, cached on it (the site's root page's).
            twin.specific = detached(specific, copies)
    return twin


def site_for(request):
    """The Site the request's host names, as Wagtail finds it."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = ("site", hostname, request.get_port())
    site = detached(remembered(request, key, lambda: with_specific_root(request)))
    if site is not None:
        # Asked for by Wagtail's routing once the reader's language is known (HomePage).
        site.root_page.localized_from_memory = partial(localized_home, request, site.root_page)
    return site


def with_specific_root(request):
    site = Site._find_for_request(request)
    if site is not None:
        # Every page is routed through it: its specific form is remembered with it, as
        # the site's root page, so that its own ``localized`` answers (HomePage).
        site.root_page = site.root_page.specific
    return site


def localized_home(request, home_page):
    """``home_page`` in the active language, in its specific form: Wagtail routes every
    request through it (``site.root_page.localized.specific``), which costs a query for
    the active Locale, and two more for a translation, on every page."""

    def load():
        # Wagtail's own lookup, not HomePage's, which asks this function.
        page = detached(TranslatableMixin.localized.fget(home_page).specific)
        # Kept apart from this request: its copy of the site may be the page itself.
        page.__dict__.pop("localized_from_memory", None)
        return page

    key = ("localized-home", home_page.pk, get_language())
    return detached(remembered(request, key, load))


def child_of_home(request, home_page, slug):
    """The child of a site's home page that ``slug`` names, in its specific form, or
    None: every page below a home page is routed through one, and publishing, moving
    or deleting one gives the site a new version (it is in the menu's region)."""

    def load():
        return home_page.get_children().filter(slug=slug).specific().first()

    return detached(remembered(request, ("child", home_page.pk, slug), load, keep_none=False))


class RememberedSiteMiddleware:
    """Finds the request's Site from this process's memory and hands it to Wagtail,
    which keeps the site of a request on ``request._wagtail_site``
    (``Site.find_for_request``). After CommonMiddleware, which refuses a host that
    ALLOWED_HOSTS does not name."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for(request)
        return self.get_response(request)
