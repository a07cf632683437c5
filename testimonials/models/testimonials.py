from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.actions.unpublish import UnpublishAction
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from testimonials.admin_forms import TestimonialAdminForm
from testimonials.advocacy.panels import CustomerStatusPanel
from testimonials.querysets import TestimonialQuerySet
from testimonials.validators import validate_excerpt

QUOTE_MAX_LENGTH = 2000


class TestimonialTag(TaggedItemBase):
    content_object = ParentalKey(
        "testimonials.Testimonial", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Testimonial(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A customer's own words about a product. Nothing is public until an editor
    publishes (approves) it; low ratings are published like high ones."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Reasons never depend on what the testimonial says about us.
    class RejectionReason(models.TextChoices):
        SPAM = "spam", _("Spam")
        NOT_A_CUSTOMER = "not_customer", _("Not a customer")
        PERSONAL_DATA = "personal_data", _("Contains personal data")
        OFF_TOPIC = "off_topic", _("Off-topic")
        DUPLICATE = "duplicate", _("Duplicate")
        CONSENT_MISSING = "consent_missing", _("Consent missing")

    class Relationship(models.TextChoices):
        CUSTOMER = "customer", _("Customer")
        EMPLOYEE = "employee", _("Employee")
        PARTNER = "partner", _("Partner")
        OTHER = "other", _("Other")

    class Incentive(models.TextChoices):
        NONE = "none", _("Nothing")
        DISCOUNT = "discount", _("A discount")
        GIFT = "gift", _("A gift")
        PAYMENT = "payment", _("A payment")
        OTHER = "other", _("Something else")

    class Source(models.TextChoices):
        FORM = "form", _("Submission form")
        INTERVIEW = "interview", _("Interview")
        IMPORT = "import", _("Import")

    class Verification(models.TextChoices):
        NONE = "", _("Not verified")
        ACCOUNT = "account", _("Matched to a customer account")
        INVOICE = "invoice", _("Matched to an invoice")
        CALL = "call", _("Confirmed on a call")
        OTHER = "other", _("Other")

    product = models.ForeignKey(
        "comparisons.Product",
        on_delete=models.PROTECT,
        related_name="testimonials",
        limit_choices_to={"is_ours": True},
    )
    quote = models.TextField(
        max_length=QUOTE_MAX_LENGTH,
        help_text="The customer's words exactly as given. They cannot be edited afterwards.",
    )
    excerpt = models.TextField(
        blank=True,
        max_length=600,
        help_text="Optional shorter version for display: only leave words out, marking "
        "each cut with “…”. Readers can always open the original.",
    )
    rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    author_name = models.CharField("name", max_length=100)
    author_role = models.CharField("role", max_length=100, blank=True)
    author_company = models.CharField("company", max_length=120, blank=True)
    email = models.EmailField(help_text="Private: never shown or published.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    customer = models.ForeignKey(
        "testimonials.Customer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
    )
    advocate = models.ForeignKey(
        "testimonials.Advocate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
        help_text="The author, if they are in the advocate program.",
    )

    consent_name = models.BooleanField("may show name", default=False)
    consent_company = models.BooleanField("may show company", default=False)
    consent_photo = models.BooleanField("may show photo", default=False)
    consent_given_at = models.DateTimeField(null=True, blank=True)

    relationship = models.CharField(
        max_length=10, choices=Relationship.choices, default=Relationship.CUSTOMER
    )
    incentive = models.CharField(max_length=10, choices=Incentive.choices, default=Incentive.NONE)
    incentive_detail = models.CharField(
        "what was given", max_length=200, blank=True, help_text="e.g. “20% off one year”"
    )

    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    verification = models.CharField(
        max_length=10, choices=Verification.choices, blank=True, default=Verification.NONE
    )
    verification_note = models.CharField(max_length=200, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    verified_at = models.DateTimeField(null=True, blank=True, editable=False)

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, editable=False
    )
    rejection_reason = models.CharField(
        max_length=20,
        choices=RejectionReason.choices,
        blank=True,
        help_text="To reject: choose a reason, then use “Reject” in the save menu.",
    )
    submitted_via = models.ForeignKey(
        "testimonials.TestimonialSubmissionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set when the author changed what they wrote through their own link; shown on the card.
    edited_by_author_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Four eyes: rejecting a low rating is proposed by one moderator, confirmed by another.
    rejection_proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    rejection_proposed_at = models.DateTimeField(null=True, blank=True, editable=False)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    tags = ClusterTaggableManager(through=TestimonialTag, blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="testimonial")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="testimonial",
        for_concrete_model=False,
    )

    objects = TestimonialQuerySet.as_manager()

    base_form_class = TestimonialAdminForm

    panels = [
        FieldPanel("product"),
        FieldPanel("quote"),
        FieldPanel("excerpt"),
        FieldPanel("rating"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("author_name"), FieldPanel("author_role")]),
                FieldRowPanel([FieldPanel("author_company"), FieldPanel("customer")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("advocate")]),
                CustomerStatusPanel(),
                FieldPanel("photo"),
            ],
            heading="Author",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("consent_name"),
                        FieldPanel("consent_company"),
                        FieldPanel("consent_photo"),
                    ]
                ),
                FieldPanel("consent_given_at"),
            ],
            heading="Consent: what may be shown",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("relationship"), FieldPanel("incentive")]),
                FieldPanel("incentive_detail"),
            ],
            heading="Disclosure",
        ),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldRowPanel([FieldPanel("verification"), FieldPanel("verification_note")]),
            ],
            heading="Source and verification",
        ),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Publishing approves the testimonial. Rejection reasons never depend "
                    "on what the customer says about us: low ratings are published too."
                ),
                FieldPanel("rejection_reason"),
            ],
            heading="Moderation",
        ),
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("quote"),
        index.SearchField("author_name"),
        index.SearchField("author_company"),
        index.FilterField("status"),
        index.FilterField("product"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["status", "live", "product", "-submitted_at"])]

    def __str__(self):
        # Seen by editors only (listings, choosers, history); readers see display_name.
        return f"{self.author_name} on {self.product}: “{Truncator(self.quote).chars(60)}”"

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.pk:
            original = type(self).objects.filter(pk=self.pk).values_list("quote", flat=True)
            if original and original[0] != self.quote:
                raise ValidationError({"quote": "The customer's words cannot be changed."})
        try:
            validate_excerpt(self.excerpt, self.quote)
        except ValidationError as error:
            raise ValidationError({"excerpt": error.messages}) from error
        if self.incentive not in ("", self.Incentive.NONE) and not self.incentive_detail:
            raise ValidationError({"incentive_detail": "Say what was given."})

    # Display -------------------------------------------------------------------------

    @property
    def display_name(self):
        if self.consent_name:
            return self.author_name
        return self.author_role or gettext("Name withheld")

    @property
    def display_company(self):
        return self.author_company if self.consent_company else ""

    @property
    def display_text(self):
        return self.excerpt or self.quote

    @property
    def is_excerpt(self):
        return bool(self.excerpt)

    @property
    def is_verified(self):
        return bool(self.verification)

    @property
    def incentive_label(self):
        """Why the testimonial carries a "PR" mark: what was given for it."""
        labels = {
            self.Incentive.DISCOUNT: _("Received a discount for this review"),
            self.Incentive.GIFT: _("Received a gift for this review"),
            self.Incentive.PAYMENT: _("Was paid for this review"),
            self.Incentive.OTHER: _("Received something for this review"),
        }
        label = labels.get(self.incentive, "")
        if label and self.incentive_detail:
            label = _("%(label)s (%(detail)s)") % {"label": label, "detail": self.incentive_detail}
        return label

    @property
    def relationship_label(self):
        """Why the testimonial carries a "PR" mark: its author is not (only) a customer.
        A label of its own, so a language may say it as a sentence."""
        if self.relationship == self.Relationship.EMPLOYEE:
            return pgettext("label next to a testimonial", "Employee")
        if self.relationship == self.Relationship.PARTNER:
            return pgettext("label next to a testimonial", "Partner")
        if self.relationship == self.Relationship.OTHER:
            return pgettext("label next to a testimonial", "Not a customer")
        return ""

    # Moderation ------------------------------------------------------------------------

    def mark_approved(self):
        type(self).objects.filter(pk=self.pk).update(
            status=self.Status.APPROVED, rejection_reason="", moderated_at=timezone.now()
        )
        self.status, self.rejection_reason = self.Status.APPROVED, ""

    def reject(self, reason, user=None):
        if reason not in self.RejectionReason.values:
            raise ValidationError("Choose a rejection reason from the list.")
        if self.live:
            # The admin's edit view has already checked that this user may edit it;
            # Wagtail's own permission check here only knows about pages.
            UnpublishAction(self, user=user, log_action=True).execute(skip_permission_checks=True)
        self.status = self.Status.REJECTED
        self.rejection_reason = reason
        self.moderated_at = timezone.now()
        self.save(update_fields=["status", "rejection_reason", "moderated_at"])

    def withdraw(self):
        """The author takes it back: hidden at once, the record kept."""
        if self.live:
            self.unpublish(log_action=False)
        self.status = self.Status.WITHDRAWN
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["status", "withdrawn_at"])

    def get_preview_template(self, request, mode_name):
        return "components/testimonial_preview.html"
