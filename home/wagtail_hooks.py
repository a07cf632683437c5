from wagtail import hooks

from home import (
    choosers,  # noqa: F401  (who may choose pages and media)
    honesty_admin,  # noqa: F401  (the admin's refusals of failing pages)
)
from home.dashboard.advocates import AdvocatesAtLimitPanel, ReconfirmationPanel
from home.dashboard.nps import NpsPanel
from home.dashboard.trends import ReferralTrendPanel, TestimonialTrendPanel
from home.dashboard.work_queue import WorkQueuePanel
from home.languages import remember_locale
from home.page_cache.middleware import mark_cacheable

# Each panel, and the permissions of which a user needs one to see it. The work queue
# shows each user only the queues they can work on.
DASHBOARD_PANELS = [
    (WorkQueuePanel, ["wagtailadmin.access_admin"]),
    (ReconfirmationPanel, ["testimonials.change_testimonial"]),
    (AdvocatesAtLimitPanel, ["testimonials.change_advocate"]),
    (NpsPanel, ["testimonials.view_npsresponse", "testimonials.change_npsresponse"]),
    (TestimonialTrendPanel, ["testimonials.change_testimonial"]),
    (ReferralTrendPanel, ["testimonials.change_advocate"]),
]


@hooks.register("construct_homepage_panels")
def add_editor_dashboard(request, panels):
    for panel, permissions in DASHBOARD_PANELS:
        if any(request.user.has_perm(permission) for permission in permissions):
            panels.append(panel())


@hooks.register("before_serve_page")
def allow_full_page_caching(page, request, serve_args, serve_kwargs):
    mark_cacheable(page, request)


@hooks.register("before_serve_page")
def reuse_served_locale(page, request, serve_args, serve_kwargs):
    remember_locale(page, request)
