"""Demo requests: the form editors build on the demo request page, with the checks
every public form makes, and who sees the requests in the admin.

A request is a sales lead (a prospect's name, e-mail and company), so a model
permission decides who sees it, not the form page's: whoever holds
testimonials.view_demorequestsubmission (Sales) sees, exports and deletes them, and
editing the demo request page (Editors, Moderators) shows none.

Wagtail gives a form's submissions to whoever may edit its page; every path to them (the
Forms menu and listing, the submissions list, its CSV and XLSX export, deleting) asks
``get_forms_for_user``, which ``filter_form_submissions_for_user`` decides."""

from django import forms
from django.urls import path

from wagtail import hooks
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import FormPagesListView
from wagtail.models import Page

from home.anti_abuse import PublicForm

# The longest answer a visitor may give in a text field, checked on the server; the
# error says how long theirs is. The page sets no maxlength: a browser would cut a
# longer paste short without a word.
SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 5000


class DemoRequestForm(BaseForm, PublicForm):
    """The fields editors build, plus the checks every public form makes."""

    min_seconds_setting = "DEMO_REQUEST_MIN_SECONDS"
    rate_limit_setting = "DEMO_REQUEST_RATE_LIMIT"
    rate_limit_group = "demo-request"

    def clean(self):
        cleaned_data = super().clean()
        # The checks' own fields are not answers: neither stored nor e-mailed.
        for name in PublicForm.base_fields:
            cleaned_data.pop(name, None)
        return cleaned_data


class LimitedTextField(forms.CharField):
    """A limit the server enforces and the browser is not told about (see above)."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class DemoRequestFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("DemoRequestForm", (DemoRequestForm,), self.formfields)

    def create_singleline_field(self, field, options):
        return LimitedTextField(max_length=SINGLE_LINE_MAX, **options)

    def create_multiline_field(self, field, options):
        options.setdefault("widget", forms.Textarea)
        return LimitedTextField(max_length=MULTI_LINE_MAX, **options)

    def create_hidden_field(self, field, options):
        options.setdefault("widget", forms.HiddenInput)
        return LimitedTextField(max_length=SINGLE_LINE_MAX, **options)


SEE_DEMO_REQUESTS = "testimonials.view_demorequestsubmission"


@hooks.register("filter_form_submissions_for_user")
def demo_requests_by_permission(user, form_pages):
    """The demo request pages for those who may see demo requests, whether or not they may
    edit a page; other form pages as Wagtail decides."""
    # Imported here: the demo request page uses this module's form builder.
    from testimonials.models import DemoRequestPage

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
