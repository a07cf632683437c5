"""The query parameters a cached page varies by.

A page type declares the parameters it reads in ``cache_parameters`` (none unless it
says so). For a visitor served from the cache, every other parameter (utm_source,
fbclid, anything made up) is dropped before the page sees the request, so all those
URLs are one cached page and none of them shows up in its links.

A page also confirms each value it showed as asked (``shown_as_asked``). A response is
stored only if every declared parameter in the URL was confirmed: a page beyond the
last, a product that is not offered or a made-up tag is answered, never stored, so
made-up values cannot fill the cache.

A parameter that may be asked more than once (features=3&features=7) is declared in
``cache_list_parameters`` too: the page sees every value, once each and sorted. No page
confirms one today: the cost calculator's answers are never stored."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict


def declared(page_type):
    return tuple(getattr(page_type, "cache_parameters", ()))


def declared_lists(page_type):
    return tuple(getattr(page_type, "cache_list_parameters", ()))


def normalised(query, names, lists=()):
    """The query string of ``names`` alone, sorted, each once with the value that
    ``QueryDict.get`` reads (its last), empty ones left out: however a URL asks for a
    page, it gets one key. A name in ``lists`` keeps each of its values, once, sorted."""
    pairs = []
    for name in set(names):
        if name in lists:
            pairs += [(name, value) for value in set(query.getlist(name)) if value]
        elif query.get(name):
            pairs.append((name, query[name]))
    return urlencode(sorted(pairs))


@dataclass
class PageVisit:
    """A page served to a visitor who may be given the cached copy: which page type
    served it and which of its parameters it showed as asked."""

    page_type: str = ""
    names: tuple = ()
    lists: tuple = ()
    shown: set = field(default_factory=set)

    def serve(self, page, request):
        self.page_type = page._meta.label
        self.names = declared(page)
        self.lists = declared_lists(page)
        query = normalised(request.GET, self.names, self.lists)
        request.GET = QueryDict(query)
        request.META["QUERY_STRING"] = query

    def all_shown_as_asked(self, query):
        return {name for name in self.names if query.get(name)} <= self.shown


def shown_as_asked(request, name, shown):
    """Called by a page with the value of ``name`` it showed; a value it could not
    show as asked leaves its response out of the cache."""
    visit = getattr(request, "page_visit", None)
    if visit is not None and request.GET.get(name) == str(shown):
        visit.shown.add(name)


def filters_shown_as_asked(request, filters, found):
    """The same for each field of a django-filter FilterSet. A choice is shown as asked
    if it is one of the choices, spelled as the form spells it; free text (a tag) only
    if the listing ``found`` something with it."""
    if not filters.is_valid():
        return
    form = filters.form
    for name, form_field in form.fields.items():
        if isinstance(form_field, forms.ChoiceField) or found:
            shown_as_asked(request, name, form_field.prepare_value(form.cleaned_data.get(name)))
