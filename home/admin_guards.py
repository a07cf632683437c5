"""Wagtail admin views that show a record named by id in the URL to any admin user: the
image chooser's format step (an image's title and preview), the page chooser's "chosen"
answer for several pages, and the confirmation of a page move (both pages' titles).
Here each first asks what Wagtail asks on the way there (choosing the image, finding the
pages in the page chooser, moving the page), then hands over to Wagtail's own view.

The translations report (wagtail-localize's) lists every translation and its progress
to anyone in the admin; here it is for those who translate. Translating a snippet
takes, besides wagtail-localize's permission to translate, the permission to change
that kind of record: a translation is a record of it. Syncing translations and
publishing them at once takes the permission to publish what they translate.

Wagtail's core admin URLs cannot be unregistered, so site/urls.py puts these, at the
same paths, before Wagtail's. A ``before_move_page`` hook would come too late: Wagtail
names the page in a message about its slug before it calls the hook."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages.move import move_confirm
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.images.views.chooser import viewset as image_chooser_viewset
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

from wagtail_localize.models import TranslationSource
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

TRANSLATES = "wagtail_localize.submit_translation"


def refused_unless(may_see):
    """Wagtail's ``view``, for those of whom ``may_see(request, **url_values)`` is true."""

    def decorator(view):
        @wraps(view)
        def checked_view(request, *args, **kwargs):
            if not may_see(request, **kwargs):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked_view

    return decorator


def may_choose_image(request, image_id):
    image = get_object_or_404(get_image_model(), pk=image_id)
    return image_permission_policy.user_has_permission_for_instance(request.user, "choose", image)


def may_choose_pages(request):
    """Every page asked for is one the page chooser would list to this user."""
    ids = set(request.GET.getlist("id"))
    pages = Page.objects.filter(pk__in=ids)
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    return pages.count() == len(ids)


def may_move_page(request, page_to_move_id, destination_id):
    page = get_object_or_404(Page, pk=page_to_move_id)
    destination = get_object_or_404(Page, pk=destination_id)
    return page.permissions_for_user(request.user).can_move_to(destination)


def may_translate(request):
    return request.user.has_perm(TRANSLATES)


def may_translate_snippet(request, app_label, model_name, pk):
    return may_translate(request) and request.user.has_perm(f"{app_label}.change_{model_name}")


def may_publish_synced(request, translation_source_id):
    """Syncing without publishing is any translator's; publishing the translations
    at once is for those who may publish what they translate."""
    if not may_translate(request):
        return False
    if not request.POST.get("publish_translations"):
        return True
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    instance = source.get_source_instance()
    if isinstance(instance, Page):
        return instance.permissions_for_user(request.user).can_publish()
    meta = instance._meta
    return request.user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


@hooks.register("construct_reports_menu")
def translations_report_for_translators(request, menu_items):
    if not may_translate(request):
        menu_items[:] = [item for item in menu_items if item.name != "translations"]


urlpatterns = decorate_urlpatterns(
    [
        path(
            "images/chooser/<int:image_id>/select_format/",
            refused_unless(may_choose_image)(image_chooser_viewset.select_format_view),
        ),
        path(
            "choose-page/chosen-multiple/",
            refused_unless(may_choose_pages)(ChosenMultipleView.as_view()),
        ),
        path(
            "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
            refused_unless(may_move_page)(move_confirm),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            refused_unless(may_translate_snippet)(SubmitSnippetTranslationView.as_view()),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            refused_unless(may_publish_synced)(UpdateTranslationsView.as_view()),
        ),
        path(
            "localize/reports/translations/",
            refused_unless(may_translate)(TranslationsReportView.as_view()),
        ),
        path(
            "localize/reports/translations/results/",
            refused_unless(may_translate)(TranslationsReportView.as_view(results_only=True)),
        ),
    ],
    # As Wagtail's admin URLs are.
    lambda view: never_cache(require_admin_access(view)),
)
