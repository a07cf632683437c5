"""The public site in more than one language: English at the root, others under
/<code>/, with pages translated through Wagtail's localisation."""

import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import (
    get_language,
    get_language_info,
    get_supported_language_variant,
    override,
    pgettext_lazy,
)
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page, Site

from home.models import SiteSettings
from home.process_memory import detached, remembered
from home.search_text import JAPANESE_RUN, normalised


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
    # Several parts of one response ask for the same page (the methodology page: the
    # footer, the disclosure, the structured data): it is looked up once.
    found = request.__dict__.setdefault("_localized_pages", {})
    key = (page.pk, locale_id)
    if key not in found:

        def live_translation():
            translation = page.get_translation_or_none(locale_id)
            return translation if translation is not None and translation.live else None

        if linked_by_site_settings(page, request):
            # Remembered in the process (home.process_memory): publishing or
            # unpublishing a page the settings link, in any language, gives the site a
            # new version (home.page_cache.signals.linked_from_every_page).
            memory_key = ("localized", page.pk, locale_id)
            translation = detached(remembered(request, memory_key, live_translation))
        else:
            translation = live_translation()
        found[key] = translation or page
    return found[key]


def linked_by_site_settings(page, request):
    """Whether the site settings of the request's site link ``page`` itself (the
    methodology, the testimonial policy or wall page), which every page reads: answered
    from the settings in memory. When a page is published, the page cache asks the
    wider question of the database: whether anything shown on every page links any of
    its translations (``home.page_cache.signals.linked_from_every_page``)."""
    site_settings = SiteSettings.for_request(request)
    return page.pk in {
        getattr(site_settings, field.attname)
        for field in SiteSettings._meta.concrete_fields
        if field.many_to_one and issubclass(field.related_model, Page)
    }


def switch_route(request):
    """The part of the path a routable page serves below its own address ("report/",
    "thanks/"), when the same part has the same meaning in every language: a route
    without parameters. A route about one record (a testimonial, a personal
    invitation) stays behind: that record may have no place in the other language."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or match.args or match.kwargs:
        return ""
    return match.route


@require_GET
def switch_language(request, page_id, language_code, route=""):
    """Where the language switcher leads: the page in that language (at the same
    route, for a routable page that answers it there), or, when the page has no
    version in that language, a page in that language that says so and offers the
    nearest translated page above it and the home page. Never a silent detour."""
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
        return no_translation(request, page, locale)
    translation = translation.specific
    with override(language_code):
        url = translation.get_url(request)
    if route and answers(translation, route):
        url += route
    return redirect(url)


def answers(page, route):
    """Whether ``page`` (a routable page) serves ``route`` below its own address."""
    resolve = getattr(page, "resolve_subpage", None)
    if resolve is None:
        return False
    try:
        resolve("/" + route)
    except Http404:
        return False
    return True


def no_translation(request, page, locale):
    """A page in the language asked for, saying this page has no version in it yet,
    with the nearest page above it that has one and that language's home page. Its
    status is 404: there is no such version, and link checkers and search engines
    must not take this page for it; a reader sees the page all the same."""
    if not page.live or not Page.objects.filter(pk=page.pk).public().exists():
        raise Http404(_("No such page."))
    site = Site.find_for_request(request)
    home = site.root_page.get_translation_or_none(locale) if site else None
    if home is None or not home.live:
        raise Http404(_("This site has no pages in that language yet."))
    ancestors = page.get_ancestors().filter(depth__gt=home.depth)
    nearest = (
        Page.objects.filter(translation_key__in=ancestors.values("translation_key"), locale=locale)
        .live()
        .public()
        .order_by("-depth")
        .first()
    )
    with override(locale.language_code):
        request.LANGUAGE_CODE = locale.language_code
        response = render(
            request,
            "pages/no_translation.html",
            {
                "untranslated_page": page,
                "language": get_language_info(locale.language_code)["name_translated"],
                "nearest": nearest,
                "home": home,
            },
            status=404,
        )
    response.headers["Content-Language"] = locale.language_code
    return response


def default_language():
    """The site's default language, as one of settings.LANGUAGES: what text of unknown
    language is taken to be in, and the language of every original record."""
    return get_supported_language_variant(settings.LANGUAGE_CODE)


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


# Hiragana and katakana, after NFKC (which makes half-width katakana full-width).
KANA = re.compile(r"[\u3040-\u30ff]")
LATIN = re.compile(r"[A-Za-z]")


def looks_japanese(text):
    """Obviously Japanese: some kana (kanji alone could be Chinese), and more Japanese
    characters than Latin letters, so an English text quoting a Japanese name is not.
    Full-width and half-width forms count as their ordinary ones."""
    text = normalised(text or "")
    japanese = sum(len(run) for run in JAPANESE_RUN.findall(text))
    return bool(KANA.search(text)) and japanese >= len(LATIN.findall(text))


def language_of(text, otherwise):
    """ "ja" for obviously Japanese ``text``, else ``otherwise``."""
    return "ja" if "ja" in dict(settings.LANGUAGES) and looks_japanese(text) else otherwise
