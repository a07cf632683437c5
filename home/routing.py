from functools import cache

from django.http import Http404

from home.prepared import PreparedQuery
from home.tree import child_bounds, children_between


class SingleChildTypeRoutingMixin:
    """For an index page whose children are all of one page type.

    Wagtail routes to a child in two queries (the base page, then its specific
    type); knowing the type up front makes it one, with the relations the child
    always shows in the same query.

    Kept after measuring Wagtail's own ``Page.route`` instead (factories, SQLite, the
    page cache off): a product page costs 16 queries instead of 14, over the budget of
    15 in tests/comparisons/test_query_counts.py; a comparison 14 instead of 12 and a
    case study 13 instead of 11, each query about 1 ms on this machine. ``route()`` is
    the method Wagtail documents for custom routing."""

    # Relations the child page always shows, fetched in the same query.
    route_select_related = []

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        found = child_by_slug(type(self))(*child_bounds(self), path_components[0])
        if not found:
            raise Http404
        (child,) = found
        # What Wagtail's own Page.route does for the same reason: the breadcrumbs walk
        # up through get_parent() without a query (two more per page without it).
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


@cache
def child_by_slug(index_model):
    """The query for a child of an ``index_model`` page by its slug, compiled once
    (home.prepared): every page below an index is routed to by it."""
    (child_model,) = index_model.allowed_subpage_models()
    related = index_model.route_select_related

    def build(after, up_to, depth, slug):
        children = child_model.objects.filter(children_between(after, up_to, depth))
        # Slugs are unique among siblings (Wagtail validates them).
        return children.filter(slug=slug).select_related(*related)[:1]

    return PreparedQuery(build, str, str, int, str)
