"""What a cached page is stored under: the host the site answers to, its path, the
parameters its page type reads and the encoding of the stored body, with the versions
that make it stale. Everything a visitor may vary at will (the port, the host's case,
the spelling of Accept-Encoding, parameters no page reads) falls out of the key."""

import hashlib

from django.conf import settings
from django.http.request import split_domain_port
from django.middleware.gzip import re_accepts_gzip

from wagtail.models import Site


def hostname(request):
    """The host without its port, lower-cased (``get_host`` has checked it against
    ALLOWED_HOSTS)."""
    return split_domain_port(request.get_host())[0]


def names_the_site(request, host):
    """Only the site's own names are stored: one listed in ALLOWED_HOSTS as it is, or the
    hostname of the Wagtail site that served the page. A wildcard in ALLOWED_HOSTS lets
    any host be answered, but would let each made-up one become entries."""
    listed = {name.lower() for name in settings.ALLOWED_HOSTS}
    if host in listed:
        return True
    site = Site.find_for_request(request)  # found while serving the page: no query
    return site is not None and site.hostname.lower() == host


def accepted_encoding(request):
    """The encoding the page is sent in to this client: GZipMiddleware compresses for
    exactly the clients this expression matches."""
    accepts = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return "gzip" if re_accepts_gzip.search(accepts) else "identity"


def stored_encoding(response):
    """The encoding the body is in, whatever the client asked for: a page too short to
    compress is sent plain even to a client that accepts gzip."""
    return response.get("Content-Encoding", "identity")


def page_key(host, path, query, encoding, versions):
    # The versions are hashed in too: a deep path has many, and a key must stay short
    # enough for any cache (the database cache's keys hold 255 characters).
    url = f"{encoding} {host}{path}?{query}"
    return f"page-cache:page:{digest(url + ' ' + '.'.join(map(str, versions)))}"


def render_key(host, full_path, encoding, versions):
    """The one render of a URL under the current versions that other requests for it
    wait for (see ``coalescing``): keyed by the URL as asked, as the page type that
    normalises it may not be known yet."""
    request = f"{encoding} {host}{full_path} {'.'.join(map(str, versions))}"
    return f"page-cache:render:{digest(request)}"


def page_type_key(host, path):
    """Which page type serves a path, so a request can be keyed by its parameters
    before the page is looked up."""
    return f"page-cache:type:{digest(host + path)}"


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()
