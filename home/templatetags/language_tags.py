from django import template
from django.conf import settings
from django.urls import reverse, translate_url

from home.languages import localized as localized_page
from home.languages import switch_route

register = template.Library()


@register.simple_tag(takes_context=True)
def localized(context, page):
    """``{% localized page as page %}``: the page in the language being served."""
    request = context.get("request")
    return localized_page(page, request) if request is not None else page


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language. Wagtail pages go through a view that
    finds the translation (or says there is none), so rendering a page costs no
    query; a routable page's route ("report/") goes along."""
    request = context["request"]
    page = context.get("page") or context.get("untranslated_page")
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    route = switch_route(request)
    languages = []
    for code, name in settings.LANGUAGES:
        if page is not None and getattr(page, "pk", None):
            url = reverse("switch_language", args=[page.pk, code, *([route] if route else [])])
        else:
            url = translate_url(request.get_full_path(), code)
        languages.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"languages": languages}
