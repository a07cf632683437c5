from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Page

from home import (
    choosers,  # noqa: F401  (who may choose pages and media)
    honesty_admin,  # noqa: F401  (the admin's refusals of failing pages)
)
from home.dashboard import WorkQueuePanel, add_panels
from home.languages import remember_locale
from home.page_cache.middleware import mark_cacheable


# The work queue shows each user only the queues the apps register that they can work
# on; the apps add their own panels after it.
@hooks.register("construct_homepage_panels")
def add_work_queue(request, panels):
    add_panels(request, panels, [(WorkQueuePanel, ["wagtailadmin.access_admin"])])


@hooks.register("before_serve_page")
def allow_full_page_caching(page, request, serve_args, serve_kwargs):
    mark_cacheable(page, request)


@hooks.register("before_serve_page")
def reuse_served_locale(page, request, serve_args, serve_kwargs):
    remember_locale(page, request)


@hooks.register("before_copy_page")
def copy_within_its_language(request, page):
    """A page is in the language of its locale: copied under a page in another
    language it would keep its own, at the other language's address. A page in
    another language is made with "Translate this page"."""
    if request.method != "POST":
        return None
    parent = Page.objects.filter(pk=request.POST.get("new_parent_page")).first()
    if parent is None or parent.is_root() or parent.locale_id == page.locale_id:
        return None
    messages.error(
        request,
        _(
            "A page can only be copied under a page in its own language. To make it in "
            "another language, use “Translate this page”."
        ),
    )
    return redirect("wagtailadmin_pages:copy", page.pk)
