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


class ViewRestrictionsByPathMixin:
    """Finds the view restrictions on a page and its ancestors in one query.

    Wagtail loads the ancestors first and then their restrictions; a page's tree path
    already names its ancestors, so serving a page costs one query less."""

    def get_view_restrictions(self):
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        # An alias takes the restrictions of the page it mirrors, as in Wagtail.
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()
