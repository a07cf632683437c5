import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils.formats import date_format
from django.utils.translation import override

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from wagtail_localize.fields import SynchronizedField

from home.anti_abuse import serve_public_form
from home.notifications import deliver, deliver_unsent
from home.visibility import ViewRestrictionsByPathMixin
from testimonials.forms import DemoRequestFormBuilder
from testimonials.referrals import referring_advocate

from .advocates import Advocate

WHAT = "the e-mail for demo request"
RETRY = "send_demo_request_emails"


class DemoRequestFormField(TranslatableMixin, AbstractFormField):
    """A field of the demo request form. Its label, help text and choices are translated
    with the page; its name stays the original's, so requests in every language are
    stored under the same columns."""

    page = ParentalKey(
        "testimonials.DemoRequestPage", on_delete=models.CASCADE, related_name="form_fields"
    )

    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class DemoRequestSubmission(AbstractFormSubmission):
    """A request for a demo, with the advocate whose referral link brought the visitor
    (if any): a conversion."""

    referred_by = models.ForeignKey(
        "testimonials.Advocate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referred_demo_requests",
    )
    # When the sales team's e-mail went out; empty until then, so it can be retried.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    def __str__(self):
        # Wagtail's would show the whole form, the visitor's e-mail address included.
        return f"Demo request #{self.pk}"

    def get_data(self):
        return {**super().get_data(), "referred_by": str(self.referred_by or "")}


class DemoRequestPage(RoutablePageMixin, ViewRestrictionsByPathMixin, AbstractEmailForm):
    """A form built by editors with Wagtail's form builder. Each request is stored,
    then e-mailed to the sales team by a background task (retried by
    send_demo_request_emails); one that follows a referral link is counted for its
    advocate. The visitor gets no e-mail: their address could be anyone's."""

    template = "pages/demo_request_page.html"
    landing_page_template = "pages/thanks.html"
    form_builder = DemoRequestFormBuilder

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"], help_text="Shown after sending: say what happens next."
    )

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form field"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="E-mail to the sales team",
        ),
    ]
    # Where requests are e-mailed stays private.
    api_fields = ["intro", "thank_you_text"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    @path("")
    def request_demo(self, request):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        else:
            form = self.get_form(page=self, user=request.user)
        return serve_public_form(
            request,
            form,
            render=lambda form: self.render(request, context_overrides={"form": form}),
            save=lambda form: self.save_request(
                form, referred_by=referring_advocate(request, Advocate.objects)
            ),
            thanks_url=lambda: self.url + self.reverse_subpage("thanks"),
        )

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return self.render_landing_page(request)

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.render_landing_page(request)
        return super().serve_preview(request, mode_name)

    def get_submission_class(self):
        return DemoRequestSubmission

    def get_data_fields(self):
        return [*super().get_data_fields(), ("referred_by", "Referred by")]

    def process_form_submission(self, form):
        return self.save_request(form)

    def save_request(self, form, referred_by=None):
        """Store the request; the sales team's e-mail is queued once it is committed."""
        with transaction.atomic():
            submission = DemoRequestSubmission.objects.create(
                form_data=form.cleaned_data, page=self, referred_by=referred_by
            )
            if self.to_address:
                deliver(submission, request_emails, what=WHAT, retry=RETRY)
        return submission


def request_emails(submission):
    """The sales team's e-mail, written from the stored answers as Wagtail writes a form
    page's e-mail (label: answer), in the site's own language."""
    page = submission.page.specific
    recipients = [address.strip() for address in page.to_address.split(",") if address.strip()]
    if not recipients:
        return []
    with override(settings.LANGUAGE_CODE):
        data = submission.get_data()
        body = "\n".join(
            f"{label}: {answer_text(data[name])}"
            for name, label in page.get_data_fields()
            if name in data
        )
    return [
        EmailMessage(
            subject=page.subject,
            body=body,
            from_email=page.from_address or None,
            to=recipients,
        )
    ]


def answer_text(value):
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    return value


def send_unsent_request_emails():
    """Returns (sent, waiting). Requests to a page without an address wait for one."""
    return deliver_unsent(
        DemoRequestSubmission.objects.exclude(page__demorequestpage__to_address=""),
        request_emails,
        what=WHAT,
        retry=RETRY,
    )
