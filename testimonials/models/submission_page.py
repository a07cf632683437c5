from django.conf import settings
from django.core.validators import validate_email
from django.db import models
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from django_ratelimit.core import is_ratelimited

from home.visibility import ViewRestrictionsByPathMixin
from testimonials.forms import TestimonialSubmissionForm
from testimonials.submissions import save_submission

RATE_LIMIT_GROUP = "testimonial-submission"


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

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    @path("")
    def submit(self, request):
        form = TestimonialSubmissionForm()
        status = 200
        if request.method == "POST":
            form = TestimonialSubmissionForm(request.POST, request.FILES)
            if self.is_rate_limited(request):
                form.is_valid()
                form.add_error(
                    None,
                    "You have sent several testimonials in the last minute. Please wait a "
                    "minute and send this one again; nothing was saved.",
                )
                status = 429
            elif form.is_bot:
                return redirect(self.thanks_url)  # discarded, without telling the bot
            elif form.is_valid():
                save_submission(form, self)
                return redirect(self.thanks_url)
            else:
                status = 400
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        # The form carries a CSRF token: it must never be served from a shared cache.
        patch_cache_control(response, private=True, no_store=True)
        return response

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="pages/testimonial_thanks.html")

    @property
    def thanks_url(self):
        return self.url + self.reverse_subpage("thanks")

    def is_rate_limited(self, request):
        return is_ratelimited(
            request,
            group=RATE_LIMIT_GROUP,
            key="ip",
            rate=settings.TESTIMONIAL_RATE_LIMIT,
            method="POST",
            increment=True,
        )
