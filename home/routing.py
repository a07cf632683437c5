from django.http import Http404


class SingleChildTypeRoutingMixin:
    """For an index page whose children are all of one page type.

    Wagtail routes to a child in two queries (the base page, then its specific
    type); knowing the type up front makes it one."""

    # Relations the child page always shows, fetched in the same query.
    route_select_related = []

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        (child_model,) = self.allowed_subpage_models()
        try:
            child = (
                child_model.objects.child_of(self)
                .select_related(*self.route_select_related)
                .get(slug=path_components[0])
            )
        except child_model.DoesNotExist as error:
            raise Http404 from error
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
