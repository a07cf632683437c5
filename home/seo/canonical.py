"""Absolute URLs that name a page once, whatever the query string says."""

from django.core.paginator import Page as PaginatorPage

from wagtail.contrib.routable_page.models import RoutablePageMixin


def subpage_path(page, request):
    """The part of the URL a routable page resolved itself, e.g. ``"12/"``."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not isinstance(page, RoutablePageMixin):
        return ""
    return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)


def listing_page_number(context):
    """The page of a paginated listing the context shows, as its paginator numbers it.
    A filtered view is a variant of the listing's first page, not a page of its own,
    and a page that lists nothing has no pages however it is asked."""
    if set(context["request"].GET) != {"page"}:
        return 1
    # type(), not isinstance(): isinstance() would evaluate the context's lazy values
    # (the CSRF token, the user), setting a cookie that makes the page uncacheable.
    shown = [value for value in context.flatten().values() if type(value) is PaginatorPage]
    return shown[0].number if shown else 1


def canonical_url(page, context):
    request = context["request"]
    url = page.get_full_url(request)
    if not url:
        return ""
    url += subpage_path(page, request)
    query = listing_query(page, context)
    return f"{url}?{query}" if query else url


def listing_query(page, context):
    """The query string naming the page of a listing the context shows: the page's own
    (``canonical_query``, for a listing paged by something other than a number), or
    the paginator's number."""
    own = getattr(page, "canonical_query", None)
    if own is not None:
        return own(context)
    number = listing_page_number(context)
    return f"page={number}" if number > 1 else ""


def site_root_url(site, request):
    """The site's address without a trailing slash, as Wagtail builds page URLs."""
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


def absolute(url, root_url):
    """Media may already be served from another host; local files get the site's."""
    return url if "://" in url else f"{root_url}{url}"
