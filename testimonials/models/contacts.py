from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from comparisons.localized import ours_in_source_locale
from home.languages import default_language
from testimonials.choices import LawfulBasis


def address_digest(email):
    """A keyed hash of an address: enough to recognise it again, not to read it."""
    return salted_hmac("testimonials.stopped-address", email.strip().lower()).hexdigest()


class StoppedAddress(models.Model):
    """An address that asked for no more invitations, kept as a keyed hash only, so the
    request outlives the customer's row: erased and imported again, they stay
    unsubscribed. Removed when they ask for invitations again."""

    digest = models.CharField(max_length=64, unique=True)
    stopped_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("address that stopped invitations")
        verbose_name_plural = _("addresses that stopped invitations")

    def __str__(self):
        return f"Stopped on {self.stopped_at:%Y-%m-%d}"

    @classmethod
    def stopped_since(cls, emails):
        """{address: when it stopped} for those of ``emails`` that did. One query."""
        digests = {address_digest(email): email for email in emails}
        rows = cls.objects.filter(digest__in=digests).values_list("digest", "stopped_at")
        return {digests[digest]: stopped_at for digest, stopped_at in rows}


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
        if self.pk is None and self.unsubscribed_at is None:
            # Someone who stopped invitations and was erased stays stopped when added again.
            self.unsubscribed_at = StoppedAddress.stopped_since([self.email]).get(self.email)
        super().save(*args, **kwargs)

    def stop_invitations(self, now=None):
        """No more invitations to this customer, whoever adds them again later."""
        now = now or timezone.now()
        type(self).objects.filter(pk=self.pk, unsubscribed_at=None).update(unsubscribed_at=now)
        StoppedAddress.objects.get_or_create(
            digest=address_digest(self.email), defaults={"stopped_at": now}
        )

    def restart_invitations(self):
        type(self).objects.filter(pk=self.pk).update(unsubscribed_at=None)
        StoppedAddress.objects.filter(digest=address_digest(self.email)).delete()

    @property
    def is_unsubscribed(self):
        return self.unsubscribed_at is not None
