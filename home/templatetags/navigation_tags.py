from django import template
from django.utils.translation import get_language

from wagtail.models import Site

from home.languages import localized
from home.process_memory import remembered
from home.visibility import listable

register = template.Library()


def menu_items(site, request):
    """The site's top-level pages shown in menus: every page shows them, so each process
    remembers them under the site's version (home.process_memory). Whatever changes the
    menu (a page in it published, moved or made private) gives the site a new version."""

    def load():
        home = localized(site.root_page, request)
        return [
            {"title": page.title, "url": page.get_url(request), "path": page.path, "pk": page.pk}
            for page in listable(home.get_children(), request).in_menu()
        ]

    return remembered(request, ("main-menu", site.pk, get_language()), load)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", with the current section flagged."""
    request = context["request"]
    current = context.get("page")
    site = Site.find_for_request(request)
    if site is None:
        return {"entries": []}
    entries = []
    for item in menu_items(site, request):
        if current and item["pk"] == current.pk:
            state = "page"
        elif current and current.path.startswith(item["path"]):
            state = "true"
        else:
            state = ""
        entries.append({**item, "current": state})
    return {"entries": entries}


@register.simple_tag
def report_form_url(page):
    """The address of ``page``'s own form for reporting a wrong value, where it has one
    (a comparison does), else "". A tag rather than ``page.inaccuracy_report_url``: a
    template's lookup that fails lists every attribute of the object (``dir``), which
    for a page cost every other page 0.7 ms a render."""
    address = getattr(page, "inaccuracy_report_url", None)
    return address() if address else ""
