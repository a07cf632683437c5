"""Which pages a visitor may see listed.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is
called; a page that lists several kinds of page would repeat that query. This
reads them once per request and applies the same rule."""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction


def private_sections(request):
    if not hasattr(request, "_private_sections"):
        sections = Q()
        for restriction in PageViewRestriction.objects.select_related("page"):
            sections |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
        request._private_sections = sections
    return request._private_sections


def listable(queryset, request):
    """Live pages outside any private section."""
    sections = private_sections(request)
    queryset = queryset.live()
    return queryset.exclude(sections) if sections else queryset
