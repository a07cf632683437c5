from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.search import index

from testimonials.panels import AdvocateActivityPanel
from testimonials.program import AdvocateQuerySet

validate_referral_code = RegexValidator(
    r"^[A-Za-z0-9-]+$", "Use letters, digits and hyphens only: the code is part of a link."
)


class Advocate(index.Indexed, ClusterableModel):
    """A person at a customer who speaks for us, and what we know about asking them."""

    class Type(models.TextChoices):
        EDUCATOR = "educator", "Educator: enjoys teaching others"
        VALIDATOR = "validator", "Validator: wants their choice confirmed"
        STATUS_SEEKER = "status_seeker", "Status seeker: values being seen as an expert"
        COLLABORATOR = "collaborator", "Collaborator: wants to shape the product"

    class Recognition(models.TextChoices):
        PRIVATE_THANKS = "private_thanks", "A personal thank-you"
        PUBLIC_CREDIT = "public_credit", "Public credit for their work"
        EARLY_ACCESS = "early_access", "Early access to new features"
        ROADMAP = "roadmap", "A say in the roadmap"
        PEERS = "peers", "Meeting other customers"
        SPEAKING = "speaking", "Speaking and writing opportunities"

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video call"

    name = models.CharField(max_length=100)
    email = models.EmailField(help_text="Private: never shown or published.")
    role = models.CharField(max_length=100, blank=True)
    customer = models.ForeignKey(
        "testimonials.Customer", on_delete=models.PROTECT, related_name="advocates"
    )
    advocate_type = models.CharField(
        "advocate type",
        max_length=20,
        choices=Type.choices,
        help_text="What motivates them: ask for what they enjoy giving.",
    )
    recognition = models.CharField(
        "recognition they value", max_length=20, choices=Recognition.choices
    )
    recognition_note = models.CharField("about recognition", max_length=200, blank=True)

    contact_channel = models.CharField(
        "preferred channel", max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    phone = models.CharField(max_length=40, blank=True)
    contact_notes = models.CharField(
        "contact preferences",
        max_length=300,
        blank=True,
        help_text="e.g. “Tuesdays only; no calls in December”.",
    )
    accepts_requests = models.BooleanField(
        "open to requests",
        default=True,
        help_text="Untick when they ask for a break: they are left out of the advocate chooser.",
    )

    customer_as_of = models.DateField(
        "customer as of",
        default=timezone.localdate,
        help_text="The day we knew them to be a customer when they joined the program.",
    )
    reconfirmed_on = models.DateField(
        "re-confirmed on",
        null=True,
        blank=True,
        help_text="When they last confirmed they are still a customer (set by their "
        "answer to the re-confirmation e-mail, or by you after a call).",
    )

    referral_code = models.CharField(
        max_length=32,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_referral_code],
        help_text="Their referral link is /r/<code>/. Leave empty for none.",
    )
    referral_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where their referral link leads; the home page if empty.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = AdvocateQuerySet.as_manager()

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("customer")]),
                    FieldRowPanel([FieldPanel("advocate_type"), FieldPanel("recognition")]),
                    FieldPanel("recognition_note"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("contact_channel"), FieldPanel("phone")]),
                            FieldPanel("contact_notes"),
                            FieldPanel("accepts_requests"),
                        ],
                        heading="Contact preferences",
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("customer_as_of"), FieldPanel("reconfirmed_on")]
                            )
                        ],
                        heading="Customer status",
                    ),
                    MultiFieldPanel(
                        [FieldPanel("referral_code"), FieldPanel("referral_page")],
                        heading="Referral link",
                    ),
                ],
                heading="Advocate",
            ),
            ObjectList(
                [
                    AdvocateActivityPanel(heading="Everything they have done for us"),
                    InlinePanel(
                        "activities",
                        heading="Case studies, reference calls, events and reviews",
                        label="Activity",
                    ),
                ],
                heading="Activity",
            ),
        ]
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("email"),
        index.RelatedFields("customer", [index.SearchField("name")]),
        index.FilterField("advocate_type"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.customer})"

    def clean(self):
        super().clean()
        # Codes are matched without regard to case: store them one way.
        self.referral_code = (self.referral_code or "").strip().lower() or None

    def save(self, *args, **kwargs):
        self.referral_code = (self.referral_code or "").strip().lower() or None
        super().save(*args, **kwargs)

    @property
    def last_confirmed_on(self):
        """The last day we knew them to be a customer."""
        return max(filter(None, [self.customer_as_of, self.reconfirmed_on]))

    @property
    def referral_path(self):
        return f"/r/{self.referral_code}/" if self.referral_code else ""


class AdvocateActivity(models.Model):
    """Something an advocate did for us other than a testimonial, which has its own
    record. Every kind counts towards their fatigue limit."""

    class Kind(models.TextChoices):
        CASE_STUDY = "case_study", "Case study"
        REFERENCE_CALL = "reference_call", "Reference call"
        EVENT = "event", "Event or webinar"
        EXTERNAL_REVIEW = "external_review", "Review on another site"

    advocate = ParentalKey(Advocate, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    date = models.DateField(default=timezone.localdate)
    description = models.CharField(max_length=200, blank=True)
    link = models.URLField(blank=True, help_text="e.g. the published review or the event page.")
    case_study = models.ForeignKey(
        "testimonials.CaseStudyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advocate_activities",
    )
    reference_request = models.OneToOneField(
        "testimonials.ReferenceRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activity",
        editable=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("link"), FieldPanel("case_study")]),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name_plural = "advocate activities"

    def __str__(self):
        return f"{self.get_kind_display()} on {self.date:%Y-%m-%d}"
