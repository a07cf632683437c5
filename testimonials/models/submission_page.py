from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.anti_abuse import serve_public_form
from home.uploads import private_storage
from home.visibility import ViewRestrictionsByPathMixin
from testimonials import kept_photos
from testimonials.forms import TestimonialSubmissionForm
from testimonials.notifications import send_submission_emails
from testimonials.photos import store_upload

from .testimonials import Testimonial


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
            form = TestimonialSubmissionForm(request.POST, request.FILES, page=self)
        else:
            form = TestimonialSubmissionForm(page=self)

        def render(form):
            form.keep_photo(request)  # shown again with errors, the visitor's photo is kept
            return self.render(request, context_overrides={"form": form})

        return serve_public_form(
            request,
            form,
            render=render,
            save=self.save_submission,
            thanks_url=lambda: self.thanks_url,
        )

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="pages/testimonial_thanks.html")

    @property
    def thanks_url(self):
        return self.url + self.reverse_subpage("thanks")

    def save_submission(self, form):
        """Store the testimonial as pending, its photo kept private until it is approved,
        then, once it is committed, send e-mails."""
        data = form.cleaned_data
        photo = None
        try:
            with transaction.atomic():
                if data.get("photo"):
                    # Chosen now, or kept while the visitor corrected the form: one path.
                    with kept_photos.opened(data["photo"]) as file:
                        photo = store_upload(
                            file, title=f"Testimonial photo: {data['author_name']}"
                        )
                testimonial = self.store_testimonial(data, photo)
                send_submission_emails(testimonial)  # queued once it is committed
                transaction.on_commit(form.kept_photo_used)
        except Exception:
            # The image's row is rolled back, not its file: nobody could find it to erase.
            if photo is not None:
                private_storage().delete(photo.file.name)
            raise
        return testimonial

    def store_testimonial(self, data, photo):
        return Testimonial.objects.create(
            product=data["product"],
            quote=data["quote"],
            language=data["language"],
            rating=data["rating"],
            author_name=data["author_name"],
            author_role=data["author_role"],
            author_company=data["author_company"],
            email=data["email"],
            photo=photo,
            relationship=data["relationship"],
            incentive=data["incentive"],
            incentive_detail=data["incentive_detail"],
            consent_name=data["consent_name"],
            consent_company=data["consent_company"],
            consent_photo=data["consent_photo"],
            consent_given_at=timezone.now(),
            source=Testimonial.Source.FORM,
            submitted_via=self,
            live=False,
        )
