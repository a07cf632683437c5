"""Who may choose what in the admin.

Wagtail's snippet choosers ask only for admin access, and so does its page chooser. A
chooser lists names and words (a testimonial's quote, an advocate's name), and its
"chosen" endpoint answers for any id it is given, so every URL of a snippet chooser (the
modal, its results and search, the chosen item or items, creating one) asks for a
permission on the chosen model. Sales, who may request references, choose our product on
a request and may not browse advocates, NPS answers or customers' quotes through a
chooser. Every snippet viewset in Candor uses this chooser;
tests/home/test_role_boundaries.py checks that none is left out.

The page chooser and the admin API's images and documents list only what the user may
explore or choose, as Wagtail's explorer and image and document choosers do."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

SEEING_ACTIONS = ["add", "change", "view"]


class PermissionCheckedChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser for those who may add, change or view the model, and for
    those holding one of ``chosen_by_permissions``: a permission to add a record whose
    form has this chooser, as "app_label.codename"."""

    chosen_by_permissions = ()

    def user_may_choose(self, user):
        policy = ModelPermissionPolicy(self.model)
        return policy.user_has_any_permission(user, SEEING_ACTIONS) or any(
            user.has_perm(permission) for permission in self.chosen_by_permissions
        )

    def refuse_unless_allowed(self, view):
        @wraps(view)
        def checked_view(request, *args, **kwargs):
            if not self.user_may_choose(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked_view

    def get_urlpatterns(self):
        # Every URL, so one added by a later Wagtail is covered too.
        return decorate_urlpatterns(super().get_urlpatterns(), self.refuse_unless_allowed)


@hooks.register("construct_page_chooser_queryset")
def show_explorable_pages_only(pages, request):
    """The page chooser lists, and searches, only the pages the user may explore, as
    the explorer and Wagtail's admin API do: nothing for someone without page
    permissions, such as Sales."""
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    return pages.filter(pk__in=explorable.values("pk"))


class ChoosableImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: those the user may choose, as in the image chooser.
    Advocates' photos are images; Sales may choose none."""

    def get_queryset(self):
        choosable = image_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["choose"]
        )
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ChoosableDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        choosable = document_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["choose"]
        )
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


# After Wagtail's own registrations of these endpoints, which it replaces.
@hooks.register("construct_admin_api", order=100)
def register_choosable_media_endpoints(router):
    router.register_endpoint("images", ChoosableImagesAdminAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAdminAPIViewSet)
