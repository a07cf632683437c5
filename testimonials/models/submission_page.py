from django.core.validators import validate_email
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.anti_abuse import serve_public_form
from home.visibility import ViewRestrictionsByPathMixin
from testimonials.forms import TestimonialSubmissionForm
from testimonials.submissions import save_submission


def validate_email_list(value):
    for address in value.split(","):
        if address.strip():
            validate_email(address.strip())


class TestimonialSubmissionPage(RoutablePageMixin, ViewRestrictionsByPathMixin, Page):
    """The public form where advocates submit a testimonial. A page, so editors
    decide where it lives and how it is worded."""

    template = "pages/testimonial_submission_page.html"

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        help_text="Shown after sending: say what happens next.",
    )
    notify_emails = models.CharField(
        "notify editors at",
        max_length=500,
        validators=[validate_email_list],
        help_text="Comma-separated addresses told about every new submission.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
        FieldPanel("notify_emails"),
    ]
    # The editors' notification addresses stay private.
    api_fields = ["intro", "thank_you_text"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    @path("")
    def submit(self, request):
        if request.method == "POST":
            form = TestimonialSubmissionForm(request.POST, request.FILES)
        else:
            form = TestimonialSubmissionForm()
        return serve_public_form(
            request,
            form,
            render=lambda form: self.render(request, context_overrides={"form": form}),
            save=lambda form: save_submission(form, self),
            thanks_url=lambda: self.thanks_url,
        )

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="pages/testimonial_thanks.html")

    @property
    def thanks_url(self):
        return self.url + self.reverse_subpage("thanks")
