"""The public site in more than one language: English at the root, others under
/<code>/, with pages translated through Wagtail's localisation."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import override
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page, Site


def active_locale(request):
    """The Locale of the language being served, looked up once per request."""
    if not hasattr(request, "_active_locale"):
        request._active_locale = Locale.get_active()
    return request._active_locale


def localized(page, request):
    """The live translation of ``page`` in the language being served, or ``page`` itself."""
    if page is None:
        return None
    locale = active_locale(request)
    if page.locale_id == locale.pk:
        return page
    translation = page.get_translation_or_none(locale)
    return translation if translation is not None and translation.live else page


@require_GET
def switch_language(request, page_id, language_code):
    """Where the language switcher leads: the page's translation, or that language's
    home page when the page has not been translated yet."""
    if language_code not in dict(settings.LANGUAGES):
        raise Http404("Unknown language.")
    page = Page.objects.filter(pk=page_id).first()
    locale = Locale.objects.filter(language_code=language_code).first()
    if page is None or locale is None:
        raise Http404("No such page.")
    translation = (
        page.get_translations(inclusive=True).filter(locale=locale).live().public().first()
    )
    if translation is None:
        site = Site.find_for_request(request)
        translation = site.root_page.get_translation_or_none(locale) if site else None
    if translation is None:
        raise Http404("This site has no pages in that language yet.")
    with override(language_code):
        return redirect(translation.get_url(request))
