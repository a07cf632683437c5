"""What a testimonial and its customer are described with, shared by the models, the
public forms and the filters: the statuses, reasons, relationships, incentives,
sources and verifications of a testimonial, a customer's industry and size, the
longest words a customer may send, and which answers are the customer's own.

The models are built with these; nothing here imports them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

QUOTE_MAX_LENGTH = 2000

# What the customer said or answered: stored as given, then changed only by the
# customer (their own link) or erased at their request, through
# change_customer_answers(). Editors may excerpt and label, never change these.
CUSTOMER_OWNED_FIELDS = (
    "quote",
    "rating",
    "consent_name",
    "consent_company",
    "consent_photo",
    "consent_given_at",
    "relationship",
    "incentive",
    "incentive_detail",
)


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RejectionReason(models.TextChoices):
    # Never about what the testimonial says about us.
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
    """Where a testimonial came from: its provenance, shown next to it. The stored
    values of the first three predate the names readers see."""

    FORM = "form", _("Organic")  # the public form, unprompted
    INTERVIEW = "interview", _("Interview")
    IMPORT = "import", _("Imported")
    INVITED = "invited", _("Invited")  # an invitation campaign sent to every customer alike
    AFTER_NPS = "after_nps", _("After NPS")  # after the survey, whatever the score


class Platform(models.TextChoices):
    """Where an imported review was first posted."""

    G2 = "g2", "G2"
    CAPTERRA = "capterra", "Capterra"
    TRUSTRADIUS = "trustradius", "TrustRadius"
    TRUSTPILOT = "trustpilot", "Trustpilot"
    GOOGLE = "google", "Google"
    OTHER = "other", _("Another site")


class ImportBasis(models.TextChoices):
    """Why an imported review may be shown here."""

    AUTHOR_CONSENT = "author_consent", _("The author agreed to its republication")
    PLATFORM_LICENCE = "platform_licence", _("The platform's licence allows republication")


class LawfulBasis(models.TextChoices):
    """Why a customer on our list may be sent an invitation (GDPR Art. 6, APPI)."""

    CONSENT = "consent", pgettext_lazy("lawful basis", "Consent")
    CONTRACT = "contract", pgettext_lazy("lawful basis", "Contract")
    LEGITIMATE_INTERESTS = (
        "legitimate_interests",
        pgettext_lazy("lawful basis", "Legitimate interests"),
    )


class Verification(models.TextChoices):
    NONE = "", _("Not verified")
    CUSTOMER_LIST = "customer_list", _("Invited from our customer list")
    ACCOUNT = "account", _("Matched to a customer account")
    INVOICE = "invoice", _("Matched to an invoice")
    CALL = "call", _("Confirmed on a call")
    OTHER = "other", _("Other")


class Industry(models.TextChoices):
    SOFTWARE = "software", _("Software")
    RETAIL = "retail", _("Retail and e-commerce")
    HEALTHCARE = "healthcare", _("Healthcare")
    EDUCATION = "education", _("Education")
    FINANCE = "finance", _("Financial services")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    PUBLIC = "public", _("Public sector")
    NONPROFIT = "nonprofit", _("Non-profit")
    OTHER = "other", _("Other")


class Size(models.TextChoices):
    MICRO = "1-10", _("1 to 10 people")
    SMALL = "11-50", _("11 to 50 people")
    MEDIUM = "51-250", _("51 to 250 people")
    LARGE = "251-1000", _("251 to 1,000 people")
    ENTERPRISE = "1000+", _("More than 1,000 people")
