"""Demo requests: who sees them in the admin. (The form editors build on the demo
request page, with the checks every public form makes, is in testimonials.forms.)

A request is a sales lead (a prospect's name, e-mail and company), so a model
permission decides who sees it, not the form page's: whoever holds
testimonials.view_demorequestsubmission (Sales) sees, exports and deletes them, and
editing the demo request page (Editors, Moderators) shows none.

Wagtail gives a form's submissions to whoever may edit its page; every path to them (the
Forms menu and listing, the submissions list, its CSV and XLSX export, deleting) asks
``get_forms_for_user``, which ``filter_form_submissions_for_user`` decides."""

from django.urls import path

from wagtail import hooks
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import FormPagesListView
from wagtail.models import Page

from testimonials.models import DemoRequestPage

SEE_DEMO_REQUESTS = "testimonials.view_demorequestsubmission"


@hooks.register("filter_form_submissions_for_user")
def demo_requests_by_permission(user, form_pages):
    """The demo request pages for those who may see demo requests, whether or not they may
    edit a page; other form pages as Wagtail decides."""
    others = form_pages.not_type(DemoRequestPage)
    if not user.has_perm(SEE_DEMO_REQUESTS):
        return others
    return Page.objects.filter(pk__in=others.values("pk")) | Page.objects.type(DemoRequestPage)


class FormsListing(FormPagesListView):
    """Wagtail's Forms listing, open to whoever has a form's submissions to see (the test
    its Forms menu item makes) rather than to page editors only: Sales hold no page
    permission."""

    def user_has_any_permission(self, permissions):
        return get_forms_for_user(self.request.user).exists()


# Before Wagtail's own "forms/" URLs, which it shadows.
@hooks.register("register_admin_urls", order=-1)
def register_forms_listing():
    return [
        path("forms/", FormsListing.as_view()),
        path("forms/results/", FormsListing.as_view(results_only=True)),
    ]
