from django import template
from django.conf import settings
from django.urls import reverse, translate_url

from home.languages import localized as localized_page

register = template.Library()


@register.simple_tag(takes_context=True)
def localized(context, page):
    """``{% localized page as page %}``: the page in the language being served."""
    request = context.get("request")
    return localized_page(page, request) if request is not None else page


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language. Wagtail pages go through a redirect that
    finds the translation, so rendering a page costs no query."""
    request = context["request"]
    page = context.get("page")
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    languages = []
    for code, name in settings.LANGUAGES:
        if page is not None and getattr(page, "pk", None):
            url = reverse("switch_language", args=[page.pk, code])
        else:
            url = translate_url(request.get_full_path(), code)
        languages.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"languages": languages}
