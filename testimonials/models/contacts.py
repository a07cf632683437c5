from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from comparisons.localized import ours_in_source_locale
from home.languages import default_language
from testimonials.choices import LawfulBasis


class CustomerContactQuerySet(models.QuerySet):
    def reachable(self):
        """Those who may be sent an invitation: not unsubscribed."""
        return self.filter(unsubscribed_at__isnull=True)


class CustomerContact(index.Indexed, models.Model):
    """A person on our customer list, imported from CSV: whom invitation campaigns
    reach, every one of a segment alike. Private: nothing here is ever shown."""

    LawfulBasis = LawfulBasis

    name = models.CharField(max_length=100)
    # Stored lower-case: one person, one row, however the list spells the address.
    email = models.EmailField(unique=True)
    company = models.CharField(max_length=120, blank=True)
    customer = models.ForeignKey(
        "testimonials.Customer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        help_text="The company, when it is one of our customers listed here.",
    )
    products = models.ManyToManyField(
        "comparisons.Product",
        related_name="customer_contacts",
        limit_choices_to=ours_in_source_locale,
    )
    customer_since = models.DateField(null=True, blank=True)
    plan = models.CharField(max_length=60, blank=True)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default=default_language)
    region = models.CharField(max_length=60, blank=True)
    lawful_basis = models.CharField(
        "lawful basis for contacting them", max_length=30, choices=LawfulBasis.choices
    )
    unsubscribed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = CustomerContactQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("company"), FieldPanel("customer")]),
        FieldPanel("products"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("customer_since"), FieldPanel("plan")]),
                FieldRowPanel([FieldPanel("language"), FieldPanel("region")]),
            ],
            heading="What campaigns may choose by",
        ),
        FieldPanel("lawful_basis"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("email"),
        index.SearchField("company"),
        index.AutocompleteField("name"),
        index.FilterField("language"),
    ]

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("customer on our list")
        verbose_name_plural = _("customers on our list")

    def __str__(self):
        # Listings and history: the address stays out of them.
        return f"{self.name} ({self.company})" if self.company else self.name

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_unsubscribed(self):
        return self.unsubscribed_at is not None
