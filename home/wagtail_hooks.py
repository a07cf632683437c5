from wagtail import hooks

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
