from django import template
from django.utils.translation import get_language

from wagtail.models import Site

from home.languages import localized
from home.page_cache import versions
from home.visibility import listable

register = template.Library()

MENU_CACHE_KEY = "candor:main-menu:{site_id}:{language}"


def menu_items(site, request):
    """The site's top-level pages shown in menus. Cached, because every page shows the
    menu, with the site's version (home.page_cache): whatever makes every cached page
    stale, a page in the menu published or its privacy changed among them, makes the
    menu stale too. The version and the menu are read in one round trip."""
    cache = versions.page_cache()
    key = MENU_CACHE_KEY.format(site_id=site.pk, language=get_language())
    found = cache.get_many([key, versions.GLOBAL])
    (version,) = versions.current(cache, [versions.GLOBAL], found)
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return stored[1]
    home = localized(site.root_page, request)
    items = [
        {"title": page.title, "url": page.get_url(request), "path": page.path, "pk": page.pk}
        for page in listable(home.get_children(), request).in_menu()
    ]
    cache.set(key, (version, items), timeout=None)
    return items


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
