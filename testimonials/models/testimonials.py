from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.dispatch import Signal
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.actions.publish_revision import PublishPermissionError
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

from comparisons.localized import ours_in_source_locale
from home.languages import default_language, language_name
from home.model_rows import LoadedFromRows
from testimonials.admin_forms import TestimonialAdminForm
from testimonials.choices import (
    CUSTOMER_OWNED_FIELDS,
    QUOTE_MAX_LENGTH,
    ImportBasis,
    Incentive,
    Platform,
    RejectionReason,
    Relationship,
    Source,
    Status,
    Verification,
)
from testimonials.panels import CustomerStatusPanel, SentPhotoPanel
from testimonials.provenance import Provenance
from testimonials.public_reply import PublicReply
from testimonials.querysets import TestimonialManager
from testimonials.structured_data import review_of
from testimonials.validators import validate_excerpt

CUSTOMER_ANSWER_REFUSED = _(
    "“%(field)s” is the customer's own answer and cannot be changed. Only the customer "
    "can change it, through their private link."
)

EXPIRY_REFUSAL = _(
    "A testimonial does not expire on a date: to take it off the site, reject it with a "
    "reason. Its author can withdraw it."
)
LINK_NAMES = {
    Source.INVITED: _("an invitation's link"),
    Source.AFTER_NPS: _("the link after our survey"),
    Source.FORM: _("our public form"),
}
WITHDRAWN_REFUSAL = _("Its author has withdrawn this testimonial, so it cannot be published.")

# Sent (sender: Testimonial, instance) by the methods below that write the stored row
# with an UPDATE rather than save(), so what counts testimonials hears of them too.
updated_without_save = Signal()


class TestimonialTag(TaggedItemBase):
    content_object = ParentalKey(
        "testimonials.Testimonial", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Testimonial(
    LoadedFromRows,
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

    # Its vocabulary (testimonials.choices), reached through the model as usual.
    Status = Status
    RejectionReason = RejectionReason
    Relationship = Relationship
    Incentive = Incentive
    Source = Source
    Verification = Verification
    Platform = Platform
    ImportBasis = ImportBasis

    product = models.ForeignKey(
        "comparisons.Product",
        on_delete=models.PROTECT,
        related_name="testimonials",
        limit_choices_to=ours_in_source_locale,
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
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default=default_language,
        help_text="The language the customer wrote in. Readers see testimonials in their "
        "own language first; the others are marked with theirs.",
    )
    rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    author_name = models.CharField("name", max_length=100)
    author_role = models.CharField("role", max_length=100, blank=True)
    author_company = models.CharField("company", max_length=120, blank=True)
    email = models.EmailField(
        blank=True,
        help_text="Private: never shown or published. Required unless the testimonial "
        "was imported from another site.",
    )
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

    source = models.CharField(
        "provenance", max_length=10, choices=Source.choices, default=Source.FORM
    )
    # The invitation it answers (Invited) or the survey answer it followed (After NPS):
    # set by the link the customer used, never by hand.
    invitation = models.ForeignKey(
        "testimonials.Invitation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
        editable=False,
    )
    nps_invitation = models.ForeignKey(
        "testimonials.NpsInvitation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
        editable=False,
    )
    # Imported: where and when it was first posted, and why it may be shown here.
    platform = models.CharField(max_length=20, choices=Platform.choices, blank=True)
    original_url = models.URLField("original address", max_length=500, blank=True)
    original_posted_on = models.DateField("originally posted on", null=True, blank=True)
    import_basis = models.CharField(
        "basis for showing it", max_length=20, choices=ImportBasis.choices, blank=True
    )
    verification = models.CharField(
        max_length=20, choices=Verification.choices, blank=True, default=Verification.NONE
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

    objects = TestimonialManager()

    CUSTOMER_OWNED_FIELDS = CUSTOMER_OWNED_FIELDS
    # What the site recorded about it (decisions, the author's withdrawal or change):
    # not an editor's work, so not something a revision can carry back or forth.
    RECORD_FIELDS = (
        "status",
        "rejection_reason",
        "rejection_proposed_by_id",
        "rejection_proposed_at",
        "moderated_at",
        "withdrawn_at",
        "edited_by_author_at",
        "submitted_at",
        "invitation_id",
        "nps_invitation_id",
    )

    base_form_class = TestimonialAdminForm

    panels = [
        FieldPanel("product"),
        FieldPanel("quote"),
        FieldPanel("language"),
        FieldPanel("excerpt"),
        FieldPanel("rating"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("author_name"), FieldPanel("author_role")]),
                FieldRowPanel([FieldPanel("author_company"), FieldPanel("customer")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("advocate")]),
                CustomerStatusPanel(),
                FieldPanel("photo"),
                SentPhotoPanel(),
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
                FieldRowPanel([FieldPanel("platform"), FieldPanel("original_posted_on")]),
                FieldRowPanel([FieldPanel("original_url"), FieldPanel("import_basis")]),
                FieldRowPanel([FieldPanel("verification"), FieldPanel("verification_note")]),
            ],
            heading="Provenance and verification",
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
        index.FilterField("language"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        # The wall reads each language (and, lowest rating first, each rating) in its
        # own index order (testimonials.wall_pages); the product filter and product
        # pages theirs; the admin listing and its moderation queue (status=pending)
        # newest first. ``live`` comes last: SQLite cannot seek on a boolean tested
        # as ``WHERE live``, so in the middle it would hide the columns after it.
        indexes = [
            models.Index(
                fields=["status", "language", "-submitted_at", "-id", "live"],
                name="testimonial_wall_newest",
            ),
            models.Index(
                fields=["status", "language", "rating", "-submitted_at", "-id", "live"],
                name="testimonial_wall_critical",
            ),
            models.Index(
                fields=["status", "product", "language", "-submitted_at", "-id", "live"],
                name="testimonial_product_newest",
            ),
            models.Index(fields=["-submitted_at", "-id"], name="testimonial_submitted"),
            models.Index(
                fields=["status", "-submitted_at", "-id"], name="testimonial_status_submitted"
            ),
        ]
        constraints = [
            # One answer per link, even when two arrive at once.
            models.UniqueConstraint(
                fields=["invitation"],
                condition=models.Q(invitation__isnull=False),
                name="one_testimonial_per_invitation",
            ),
            models.UniqueConstraint(
                fields=["nps_invitation"],
                condition=models.Q(nps_invitation__isnull=False),
                name="one_testimonial_per_survey_answer",
            ),
        ]

    def __str__(self):
        # Seen by editors only (listings, choosers, history); readers see display_name.
        return f"{self.author_name} on {self.product}: “{Truncator(self.quote).chars(60)}”"

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        changed = self.changed_customer_answers()
        if changed:
            raise ValidationError({name: self.customer_answer_refusal(name) for name in changed})
        try:
            validate_excerpt(self.excerpt, self.quote)
        except ValidationError as error:
            raise ValidationError({"excerpt": error.messages}) from error
        if self.incentive not in ("", self.Incentive.NONE) and not self.incentive_detail:
            raise ValidationError({"incentive_detail": "Say what was given."})
        if self.expire_at:
            # A date would take it off the site with no decision and no reason.
            raise ValidationError({"expire_at": EXPIRY_REFUSAL})
        provenance_errors = self.provenance_errors()
        if provenance_errors:
            raise ValidationError(provenance_errors)

    def provenance_errors(self):
        """What its provenance lacks: "Invited" and "After NPS" are only what a
        customer's own link recorded, and an imported review says where, when and on
        what basis it was first posted; none of that is claimed of another."""
        Source, errors = self.Source, self.link_errors()
        if self.source == Source.INVITED and self.invitation_id is None:
            errors["source"] = _(
                "Only a testimonial sent through an invitation's link is “Invited”."
            )
        if self.source == Source.AFTER_NPS and self.nps_invitation_id is None:
            errors["source"] = _(
                "Only a testimonial sent after answering the survey is “After NPS”."
            )
        imported = self.source == Source.IMPORT
        if imported:
            for name in ("platform", "original_url", "original_posted_on", "import_basis"):
                if not getattr(self, name):
                    errors[name] = _("An imported testimonial needs this.")
        else:
            for name in ("platform", "original_url", "original_posted_on", "import_basis"):
                if getattr(self, name):
                    errors[name] = _("Only an imported testimonial has this.")
            if not self.email:
                errors["email"] = _(
                    "Give the author's e-mail address: only an imported testimonial may have none."
                )
        return errors

    def link_errors(self, form_too=True):
        """What the customer's own link recorded stays its provenance: an answer to an
        invitation stays "Invited", one after the survey "After NPS" (checked on every
        save, whoever saves), and what came through the public form is never relabelled
        an interview or an import (checked by model validation, so a row relabelled
        before this rule can still be moderated and is corrected when next edited)."""
        Source, claimed = self.Source, None
        if self.invitation_id is not None:
            claimed = Source.INVITED
        elif self.nps_invitation_id is not None:
            claimed = Source.AFTER_NPS
        elif self.submitted_via_id is not None and form_too:
            claimed = Source.FORM
        if claimed is None or self.source == claimed:
            return {}
        return {
            "source": _("It came through %(link)s, so it stays “%(label)s”.")
            % {"link": LINK_NAMES[claimed], "label": Source(claimed).label}
        }

    # What the customer said ------------------------------------------------------------

    def stored_customer_answers(self):
        """The customer's answers as stored now, or None for a testimonial not saved yet."""
        if self.pk is None:
            return None
        return (
            type(self)._base_manager.filter(pk=self.pk).values(*self.CUSTOMER_OWNED_FIELDS).first()
        )

    def changed_customer_answers(self, names=CUSTOMER_OWNED_FIELDS):
        """Which of ``names`` this object holds differently from the stored row."""
        stored = self.stored_customer_answers()
        if stored is None:
            return []
        return [name for name in names if getattr(self, name) != stored[name]]

    @classmethod
    def customer_answer_refusal(cls, name):
        label = cls._meta.get_field(name).verbose_name
        return CUSTOMER_ANSWER_REFUSED % {"field": capfirst(label)}

    def change_customer_answers(self, **answers):
        """The one way to change what the customer said, for the two paths that may:
        the author's own link (testimonials.author_edits) and erasure at their request
        (testimonials.personal_data). Writes the answers straight to the stored row, so
        the save() guard below compares against them."""
        others = set(answers) - set(self.CUSTOMER_OWNED_FIELDS)
        if others:
            raise ValueError(f"Not the customer's answers: {', '.join(sorted(others))}")
        type(self)._base_manager.filter(pk=self.pk).update(**answers)
        for name, value in answers.items():
            setattr(self, name, value)
        updated_without_save.send(sender=type(self), instance=self)

    def save(self, *args, **kwargs):
        # For code that skips forms and model validation: the customer's answers are
        # never overwritten by a save, whoever calls it.
        update_fields = kwargs.get("update_fields")
        names = self.CUSTOMER_OWNED_FIELDS
        if update_fields is not None:
            names = [name for name in names if name in update_fields]
        changed = self.changed_customer_answers(names) if names else []
        if changed:
            raise ValidationError({name: self.customer_answer_refusal(name) for name in changed})
        if link_errors := self.link_errors(form_too=False):
            raise ValidationError(link_errors)
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        """Any revision, however old, is published, reverted to, previewed or edited with
        the customer's answers and the moderation record as stored now, the way Wagtail
        keeps ``live`` and ``locked``: a revision records an editor's work, never a
        version of what the customer said or of a decision taken since."""
        obj = super().with_content_json(content)
        kept = (*self.CUSTOMER_OWNED_FIELDS, *self.RECORD_FIELDS)
        stored = type(self)._base_manager.filter(pk=self.pk).values(*kept).first()
        for name in kept:
            setattr(obj, name, stored[name] if stored else getattr(self, name))
        obj.drop_excerpt_unless_it_fits()
        return obj

    def publish(self, revision, *args, **kwargs):
        """Publishing approves; what its author withdrew is never shown again, whichever
        path (button, workflow, schedule, code) tries."""
        if self.status == self.Status.WITHDRAWN:
            raise PublishPermissionError(WITHDRAWN_REFUSAL)
        return super().publish(revision, *args, **kwargs)

    def drop_excerpt_unless_it_fits(self):
        """An editor's excerpt of earlier words stays only while it still only leaves
        words out of the customer's words as they are now."""
        try:
            validate_excerpt(self.excerpt, self.quote)
        except ValidationError:
            self.excerpt = ""

    # Display -------------------------------------------------------------------------

    @property
    def submitted_on(self):
        """The day it was submitted, in the site's time zone: what its card dates it by
        (a date, which the template formats for less than the time it was sent)."""
        return timezone.localdate(self.submitted_at)

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
    def language_name(self):
        """The language it was written in, named in the reader's language."""
        return language_name(self.language)

    @property
    def is_excerpt(self):
        return bool(self.excerpt)

    @property
    def is_verified(self):
        return bool(self.verification)

    @cached_property
    def provenance(self):
        """Where it came from and how its author was verified, as readers are told."""
        return Provenance.of(self)

    @cached_property
    def public_reply(self):
        """Our reply as readers see it, or None."""
        return PublicReply.of(self)

    def structured_review(self, publisher=None):
        """The Review (schema.org) a page lists it as."""
        return review_of(self, publisher)

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
        """Publishing approves; an open proposal to reject goes with it (the history
        keeps who proposed it)."""
        type(self).objects.filter(pk=self.pk).update(
            status=self.Status.APPROVED,
            rejection_reason="",
            rejection_proposed_by=None,
            rejection_proposed_at=None,
            moderated_at=timezone.now(),
        )
        self.status, self.rejection_reason = self.Status.APPROVED, ""
        self.rejection_proposed_by, self.rejection_proposed_at = None, None
        updated_without_save.send(sender=type(self), instance=self)

    def reject(self, reason, user=None):
        """Record the final decision to reject: out of public view, out of any workflow,
        counted under its reason. Who may decide it, and whether a second moderator
        must confirm first, is testimonials.moderation's to say."""
        if reason not in self.RejectionReason.values:
            raise ValidationError(gettext("Choose a rejection reason from the list."))
        if self.live:
            # testimonials.moderation has checked the publish permission; Wagtail's
            # check here only knows about pages.
            UnpublishAction(self, user=user, log_action=True).execute(skip_permission_checks=True)
        if self.current_workflow_state:
            # Left running, the workflow's approval would publish a rejected testimonial.
            self.current_workflow_state.cancel(user=user)
        self.status = self.Status.REJECTED
        self.rejection_reason = reason
        self.rejection_proposed_by, self.rejection_proposed_at = None, None
        self.moderated_at = timezone.now()
        self.save(
            update_fields=[
                "status",
                "rejection_reason",
                "rejection_proposed_by",
                "rejection_proposed_at",
                "moderated_at",
            ]
        )

    def check_author_may_change(self):
        """The author's link cannot move a testimonial between the public counts: a
        rejected one stays counted as rejected, and a withdrawn one stays withdrawn."""
        if self.status == self.Status.REJECTED:
            raise ValidationError(
                _(
                    "An editor did not publish this testimonial (%(reason)s), and it stays "
                    "counted as rejected in our public moderation record, so it can no "
                    "longer be changed or withdrawn. It is not shown anywhere on this site."
                ),
                code="rejected",
                params={"reason": self.get_rejection_reason_display()},
            )
        if self.status == self.Status.WITHDRAWN:
            raise ValidationError(
                _("This testimonial has already been withdrawn, so it can no longer be changed."),
                code="withdrawn",
            )

    def get_preview_template(self, request, mode_name):
        return "components/testimonial_preview.html"
