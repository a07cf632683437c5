from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from comparisons.localized import ours_in_source_locale
from testimonials.segments import contacts_in, validate_segment

KEPT_REFUSAL = _(
    "This campaign has been launched: it is kept, with its invitations, because the "
    "public report counts them and the interval between invitations is measured from them."
)
LAUNCHED_REFUSAL = _(
    "This campaign has been launched: its product and segment are what its invitations "
    "were sent for, and cannot change."
)


class InvitationCampaign(index.Indexed, models.Model):
    """An invitation to every customer of a product who matches a neutral segment, the
    same message to all in each one's language. Launching it invites them all; nobody
    is left out by hand or by how happy they seem (testimonials.segments)."""

    name = models.CharField(max_length=120, help_text="For editors: never shown to customers.")
    product = models.ForeignKey(
        "comparisons.Product",
        on_delete=models.PROTECT,
        related_name="invitation_campaigns",
        limit_choices_to=ours_in_source_locale,
    )
    segment = models.JSONField(
        default=dict,
        blank=True,
        validators=[validate_segment],
        help_text="Neutral facts only: customer since, plan, language, region.",
    )
    reminder_after_days = models.PositiveSmallIntegerField(
        default=7,
        help_text="One reminder, this many days after the invitation, to those who have "
        "not answered. 0 sends none.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    launched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    launched_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [FieldPanel("name"), FieldPanel("product"), FieldPanel("reminder_after_days")]
    search_fields = [index.SearchField("name"), index.FilterField("product")]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation campaign")
        verbose_name_plural = _("invitation campaigns")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Every path (admin, code, import) keeps the segment neutral.
        validate_segment(self.segment)
        self.check_unchanged_once_launched()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # Whoever asks: deleting it would forget whom it invited, so they could be
        # asked again at once, and take its figures out of the public report.
        if type(self).objects.filter(pk=self.pk, launched_at__isnull=False).exists():
            raise ValidationError(KEPT_REFUSAL)
        return super().delete(*args, **kwargs)

    def clean(self):
        super().clean()
        self.check_unchanged_once_launched()

    @property
    def is_launched(self):
        return self.launched_at is not None

    def check_unchanged_once_launched(self):
        if self.pk is None:
            return
        stored = (
            type(self)
            .objects.filter(pk=self.pk, launched_at__isnull=False)
            .values("product_id", "segment")
            .first()
        )
        if stored and (stored["product_id"], stored["segment"]) != (
            self.product_id,
            self.segment,
        ):
            raise ValidationError(LAUNCHED_REFUSAL)

    def contacts(self):
        """Every customer of the product the segment's facts match, unsubscribed or not
        (the invitations say who could not be asked and why)."""
        from .contacts import CustomerContact

        customers = CustomerContact.objects.filter(products=self.product_id)
        return contacts_in(self.segment, customers).distinct()


class InvitationQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(sent_at__isnull=False)

    def answered(self):
        return self.filter(answered_at__isnull=False)


class Invitation(models.Model):
    """One customer invited by one campaign. Its link (testimonials.links) is signed,
    so the form knows the product and the customer without them retyping it. No
    tracking pixel: what is recorded is sent, bounced and answered."""

    # Protected: a launched campaign and whom it invited are kept (see delete()).
    campaign = models.ForeignKey(
        InvitationCampaign, on_delete=models.PROTECT, related_name="invitations"
    )
    # Kept when a customer is erased from the list, so the campaign's figures stay true.
    contact = models.ForeignKey(
        "testimonials.CustomerContact",
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    product = models.ForeignKey("comparisons.Product", on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "contact"], name="one_invitation_per_campaign_and_customer"
            )
        ]
        indexes = [models.Index(fields=["contact", "product", "created_at"])]

    def __str__(self):
        return f"{self.contact or _('Erased customer')}: {self.campaign}"
