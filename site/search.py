"""Site search: the pages a reader may see in their language, then the words of
approved testimonials."""

import html
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page

from home.search_backend import MAX_QUERY_LENGTH, plain_words
from home.visibility import listable
from testimonials.models import Testimonial

RESULTS_PER_PAGE = 20
# Fields whose text describes a page in a result, the first one filled in wins.
DESCRIPTION_FIELDS = ["search_description", "summary", "intro", "honesty_promise"]


@dataclass
class PageResult:
    page: Page
    request: object
    kind = "page"

    @property
    def label(self):
        # What a page type is called in a result, if it says; otherwise a "Page".
        return getattr(self.page, "search_result_label", _("Page"))

    @property
    def url(self):
        return self.page.get_url(self.request)

    @property
    def description(self):
        for name in DESCRIPTION_FIELDS:
            value = getattr(self.page, name, "")
            if value:
                # Rich text is stored as HTML; a result shows it as plain text.
                return html.unescape(strip_tags(str(value)))
        return ""


@dataclass
class TestimonialResult:
    testimonial: object
    kind = "testimonial"
    label = _("Testimonial")


class SearchResults:
    """Matching pages, then matching testimonials, as one list that a Paginator can
    slice: two counts and at most two slices, however many things match."""

    def __init__(self, request, pages, testimonials):
        self.request = request
        self.pages = pages
        self.testimonials = testimonials

    def page_count(self):
        if not hasattr(self, "_page_count"):
            self._page_count = self.pages.count()
        return self._page_count

    def count(self):
        return self.page_count() + self.testimonials.count()

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.start is None or key.stop is None:
            raise TypeError("Search results are read a slice at a time.")
        start, stop = key.start, key.stop
        page_count = self.page_count()
        results = []
        if start < page_count:
            results += [
                PageResult(page, self.request) for page in self.pages[start : min(stop, page_count)]
            ]
        if stop > page_count:
            results += [
                TestimonialResult(testimonial)
                for testimonial in self.testimonials[max(start - page_count, 0) : stop - page_count]
            ]
        return results


def search_results(request, query):
    pages = listable(
        Page.objects.filter(locale=Locale.get_active()).exclude(depth=1), request
    ).specific()
    testimonials = (
        Testimonial.objects.public()
        .containing_shown_words(query)
        .for_display()
        .prefetch_related("photo__renditions")
        .newest_first()
    )
    return SearchResults(request, pages.search(query, operator="and"), testimonials)


@require_safe
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = plain_words(query)
    results = None
    if query:
        # A query of punctuation alone matches nothing, and says so.
        found = search_results(request, words) if words else []
        results = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "pages/search_results.html", {"query": query, "results": results})
