from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from comparisons.localized import ours_in_source_locale
from testimonials.admin_forms import ReferenceRequestAdminForm

from .advocates import AdvocateActivity
from .customers import Customer

DECIDE = "testimonials.change_referencerequest"


class ReferenceRequest(models.Model):
    """Sales asks for a customer a prospect can talk to; an editor decides and chooses
    the advocate, within what that advocate has agreed to give."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for an editor"
        APPROVED = "approved", "Approved: advocate assigned"
        DECLINED = "declined", "Declined"

    product = models.ForeignKey(
        "comparisons.Product",
        on_delete=models.PROTECT,
        related_name="reference_requests",
        limit_choices_to=ours_in_source_locale,
    )
    industry = models.CharField(
        max_length=20,
        choices=Customer.Industry.choices,
        help_text="The prospect's industry: a reference from the same one helps most.",
    )
    prospect_need = models.TextField(
        "what the prospect needs",
        max_length=1000,
        help_text="What they want to hear about, e.g. “moving 40 agents from Zendesk”.",
    )
    needed_by = models.DateField("needed by")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    requested_at = models.DateTimeField(default=timezone.now, editable=False)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    advocate = models.ForeignKey(
        "testimonials.Advocate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reference_requests",
    )
    editor_note = models.TextField(
        "note to sales",
        max_length=1000,
        blank=True,
        help_text="How to reach the advocate, or why the request was declined.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    base_form_class = ReferenceRequestAdminForm

    panels = [
        FieldRowPanel([FieldPanel("product"), FieldPanel("industry")]),
        FieldPanel("prospect_need"),
        FieldPanel("needed_by"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Advocates are listed least asked first, with what they have given "
                    "this quarter. Each may be asked up to the fatigue limit in site "
                    "settings, everything they do counted together."
                ),
                FieldPanel("status", permission=DECIDE),
                FieldPanel("advocate", permission=DECIDE),
                FieldPanel("editor_note", permission=DECIDE),
            ],
            heading="Decision",
            permission=DECIDE,
        ),
    ]

    class Meta:
        ordering = ["needed_by", "-requested_at"]

    def __str__(self):
        return f"{self.product} reference, {self.get_industry_display()}, by {self.needed_by}"

    def clean(self):
        super().clean()
        if self.status == self.Status.APPROVED and not self.advocate_id:
            raise ValidationError({"advocate": "Choose the advocate to approve the request."})
        if self.status == self.Status.DECLINED and not self.editor_note:
            raise ValidationError({"editor_note": "Tell sales why the request was declined."})
        if not self.pk and self.needed_by and self.needed_by < timezone.localdate():
            raise ValidationError({"needed_by": "That date has passed."})

    def record_reference_call(self):
        """Keep the advocate's reference-call activity in step with the request: one while
        it is approved, moved if another advocate is chosen, removed if it is not."""
        activity = AdvocateActivity.objects.filter(reference_request=self).first()
        approved = self.status == self.Status.APPROVED
        if not (approved and self.advocate_id):
            if activity:
                activity.delete()
            return None
        description = (
            f"Reference for a prospect in {self.get_industry_display().lower()} ({self.product})"
        )
        if activity is None:
            return AdvocateActivity.objects.create(
                advocate_id=self.advocate_id,
                kind=AdvocateActivity.Kind.REFERENCE_CALL,
                date=timezone.localdate(),
                description=description,
                reference_request=self,
            )
        if activity.advocate_id != self.advocate_id:
            activity.advocate_id = self.advocate_id
            activity.date = timezone.localdate()
            activity.description = description
            activity.save(update_fields=["advocate", "date", "description"])
        return activity
