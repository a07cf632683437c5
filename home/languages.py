"""The public site in more than one language: English at the root, others under
/<code>/, with pages translated through Wagtail's localisation."""

import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language, override, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page, Site


def remember_locale(page, request):
    """While a page is served, its locale is the one being served: no need to look it up."""
    request._active_locale_id = page.locale_id


def active_locale_id(request):
    """The id of the Locale being served, looked up at most once per request."""
    if not hasattr(request, "_active_locale_id"):
        request._active_locale_id = Locale.get_active().pk
    return request._active_locale_id


def localized(page, request):
    """The live translation of ``page`` in the language being served, or ``page`` itself."""
    if page is None:
        return None
    locale_id = active_locale_id(request)
    if page.locale_id == locale_id:
        return page
    translation = page.get_translation_or_none(Locale.objects.get(pk=locale_id))
    return translation if translation is not None and translation.live else page


@require_GET
def switch_language(request, page_id, language_code):
    """Where the language switcher leads: the page's translation, or that language's
    home page when the page has not been translated yet."""
    if language_code not in dict(settings.LANGUAGES):
        raise Http404(_("Unknown language."))
    page = Page.objects.filter(pk=page_id).first()
    locale = Locale.objects.filter(language_code=language_code).first()
    if page is None or locale is None:
        raise Http404(_("No such page."))
    translation = (
        page.get_translations(inclusive=True).filter(locale=locale).live().public().first()
    )
    if translation is None:
        site = Site.find_for_request(request)
        translation = site.root_page.get_translation_or_none(locale) if site else None
    if translation is None:
        raise Http404(_("This site has no pages in that language yet."))
    with override(language_code):
        return redirect(translation.get_url(request))


def default_language():
    """The site's default language: what text of unknown language is taken to be in."""
    return settings.LANGUAGE_CODE


# Each language's name in the reader's language, as a label next to words written in it.
# Django's own names are for choosing a locale ("英語(米国)"); a reader needs "英語".
LANGUAGE_NAMES = {
    "en": pgettext_lazy("the language something is written in", "English"),
    "ja": pgettext_lazy("the language something is written in", "Japanese"),
}


def language_name(code):
    """The name of language ``code`` in the language being served."""
    return LANGUAGE_NAMES.get(code) or dict(settings.LANGUAGES).get(code, code)


def reader_language():
    """The language the reader is being served in, as one of settings.LANGUAGES."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


# Hiragana, katakana (with its half-width forms) and the CJK ideographs Japanese writes with.
KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
JAPANESE = re.compile(r"[\u3040-\u30ff\uff66-\uff9f\u3400-\u4dbf\u4e00-\u9fff\u3005]")
LATIN = re.compile(r"[A-Za-z\uff21-\uff3a\uff41-\uff5a]")


def looks_japanese(text):
    """Obviously Japanese: some kana (kanji alone could be Chinese), and more Japanese
    characters than Latin letters, so an English text quoting a Japanese name is not."""
    text = text or ""
    return bool(KANA.search(text)) and len(JAPANESE.findall(text)) >= len(LATIN.findall(text))


def language_of(text, otherwise):
    """ "ja" for obviously Japanese ``text``, else ``otherwise``."""
    return "ja" if "ja" in dict(settings.LANGUAGES) and looks_japanese(text) else otherwise
