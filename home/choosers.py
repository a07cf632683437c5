"""Snippet choosers that ask for a permission on the model they list.

Wagtail's snippet choosers ask only for admin access. Snippets about people (testimonials,
customers, advocates, NPS answers, inaccuracy reports) list names and words, so only
someone who may see the model may choose from it: Sales, who may request references, may
not browse advocates through a chooser."""

from django.core.exceptions import PermissionDenied

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet


class SeenByPermission:
    """Refuses anyone without a permission on the chosen model."""

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model)
        if not policy.user_has_any_permission(request.user, ["add", "change", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(SeenByPermission, chooser.ChooseView):
    pass


class ChooseResultsView(SeenByPermission, chooser.ChooseResultsView):
    pass


class PermissionCheckedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
