"""The trail from the home page down to the page being read."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from .canonical import subpage_path


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str
    full_url: str
    is_current: bool = False


def ancestors_below_root(page, root_depth):
    """The page's ancestors under the site root, root first. Wagtail's routing has
    already loaded each parent on its child, so walking up costs no queries."""
    chain = []
    current = page
    while current.depth > root_depth:
        current = current.get_parent()
        if current is None:
            break
        chain.append(current)
    chain.reverse()
    return chain


def breadcrumb_trail(page, request):
    """Crumbs for every live ancestor and the page itself; none on the home page."""
    site = Site.find_for_request(request)
    if not isinstance(page, Page) or site is None:
        return []
    root_depth = site.root_page.depth
    if page.depth <= root_depth:
        return []
    crumbs = []
    for ancestor in ancestors_below_root(page, root_depth):
        # A draft section page would only lead to "not found".
        if ancestor.live:
            name = _("Home") if ancestor.depth == root_depth else ancestor.title
            crumbs.append(Crumb(name, ancestor.get_url(request), ancestor.get_full_url(request)))
    # On a sub-view such as one testimonial, the page is the section it belongs to.
    is_current = not subpage_path(page, request)
    crumbs.append(Crumb(page.title, page.get_url(request), page.get_full_url(request), is_current))
    return crumbs
