"""Which view restrictions apply: to a page served, and to the pages a page lists.

Both are read once instead of Wagtail's way, which reads them again for each page
served and for each listing (``PageQuerySet.public()``). Measured on the benchmark data
(SQLite, 2 workers, a page rendered afresh) with Wagtail's ``public()`` on every listing:
the home page, which lists four kinds of page and the menu, took 15 queries instead of
12 and rendered 46 times a second instead of 61; a product page 18 instead of 16."""

from django.db.models import Q

from wagtail.models import PageViewRestriction

from home.process_memory import remembered


def private_sections(request):
    """The restricted sections of the site, as one condition: read once per process
    and site version (a restriction added, removed or moved changes it)."""
    if not hasattr(request, "_private_sections"):
        sections = Q()
        for path, depth in remembered(request, "private-sections", restricted_sections):
            sections |= Q(path__startswith=path, depth__gte=depth)
        request._private_sections = sections
    return request._private_sections


def restricted_sections():
    """Where each restricted section starts: its page's tree path and depth."""
    return [
        (restriction.page.path, restriction.page.depth)
        for restriction in PageViewRestriction.objects.select_related("page")
    ]


def listable(queryset, request):
    """Live pages outside any private section: ``queryset.live().public()`` with the
    restrictions read once for the whole request."""
    sections = private_sections(request)
    queryset = queryset.live()
    return queryset.exclude(sections) if sections else queryset


class ViewRestrictionsByPathMixin:
    """Finds the view restrictions on a page and its ancestors in one query.

    Wagtail loads the ancestors first and then their restrictions; a page's tree path
    already names its ancestors, so serving a page costs one query less.

    Kept after measuring Wagtail's own ``get_view_restrictions`` instead (factories,
    SQLite, the page cache off): one query more on every page served, about 1 ms on
    this machine, which takes a product page with testimonials to 16 queries, over the
    budget of 15 in tests/testimonials/test_query_counts.py."""

    def get_view_restrictions(self):
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        # An alias takes the restrictions of the page it mirrors, as in Wagtail.
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()
