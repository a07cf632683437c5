from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from wagtail.models import Site

from home.languages import localized

register = template.Library()

MENU_CACHE_KEY = "candor:main-menu:{site_id}:{language}"


def menu_items(site, request):
    """The site's top-level pages shown in menus. Cached, because every page shows
    the menu; home.signals clears it whenever pages or their privacy change."""
    key = MENU_CACHE_KEY.format(site_id=site.pk, language=get_language())
    items = cache.get(key)
    if items is None:
        home = localized(site.root_page, request)
        items = [
            {"title": page.title, "url": page.get_url(request), "path": page.path, "pk": page.pk}
            for page in home.get_children().live().public().in_menu()
        ]
        cache.set(key, items, timeout=None)
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
