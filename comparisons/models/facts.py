from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override, pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin

from rest_framework.fields import CharField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from comparisons.localized import SourceText, Wording, in_source_locale
from comparisons.querysets import FactManager
from comparisons.table import ALL_PLANS, EVERY_PLAN, plan_key
from comparisons.validators import (
    validate_no_future_promise,
    validate_not_in_future,
    validate_web_url,
)
from home.model_rows import LoadedFromRows

from .criteria import Criterion
from .evidence import FactVerification, SourceFlag

RATING_SCALE = Decimal(5)


class Fact(LoadedFromRows, Wording, TranslatableMixin, models.Model):
    """The value of one criterion for one product on one plan, with its evidence.

    A translation (on the product's translation) carries only the note and the short
    text; the value, the source and the date are the source fact's in every language."""

    class Support(models.TextChoices):
        # In a context of their own: a bare "Yes" would change every yes in the admin.
        YES = "yes", pgettext_lazy("support for a feature", "Yes")
        PARTIAL = "partial", pgettext_lazy("support for a feature", "Partial")
        NO = "no", pgettext_lazy("support for a feature", "No")

    class Availability(models.TextChoices):
        INCLUDED = "", _("Included in the plan")
        PAID_ADDON = "paid_addon", _("Paid add-on")
        HIGHER_PLAN = "higher_plan", _("Higher plan only")
        BETA = "beta", _("Beta")

    SUPPORT_RANK = {Support.YES: 2, Support.PARTIAL: 1, Support.NO: 0}
    # Lazy: each is translated when read, in the reader's language.
    SUPPORT_LABELS = dict(Support.choices)
    # What a reader takes from the cell. Changing any of these corrects the claim and
    # goes in the public corrections log; a new source or date only re-verifies it.
    CLAIM_FIELDS = ("support", "number", "text", "availability", "note")

    product = ParentalKey("comparisons.Product", on_delete=models.CASCADE, related_name="facts")
    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.CASCADE,
        related_name="facts",
        limit_choices_to=in_source_locale,
    )
    plan = models.CharField(
        max_length=60,
        default=ALL_PLANS,
        help_text=(
            f'The plan or edition this value describes, e.g. "Pro". "{ALL_PLANS}" '
            "when it is the same on every plan."
        ),
    )
    support = models.CharField(
        "yes / partial / no", max_length=10, choices=Support.choices, blank=True
    )
    number = models.DecimalField(
        "number or rating", max_digits=12, decimal_places=2, null=True, blank=True
    )
    text = models.CharField(
        "short text",
        max_length=80,
        blank=True,
        validators=[validate_no_future_promise],
    )
    availability = models.CharField(
        max_length=12, choices=Availability.choices, blank=True, default=""
    )
    note = models.CharField(
        max_length=160,
        blank=True,
        help_text="A short qualification readers should know, e.g. 'limited to 3 seats'.",
        validators=[validate_no_future_promise],
    )
    source_url = models.URLField(
        "source",
        max_length=500,
        validators=[validate_web_url],
        help_text="A public page where a reader can check this value.",
    )
    verified_on = models.DateField(
        validators=[validate_not_in_future],
        help_text="The day someone last checked the value against its source.",
    )
    evidence_excerpt = models.TextField(
        "evidence excerpt",
        max_length=500,
        blank=True,
        help_text=(
            "Optional: paste the sentence from the source that supports the value, as the "
            "source writes it. Readers see it on the value's evidence page, and the source "
            "watcher checks every day that the source still says it."
        ),
    )
    addon_price = models.DecimalField(
        "add-on price",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=(
            "For a paid add-on: what it costs per month, in the currency of the "
            "product's prices. The cost calculator adds it when a reader needs the feature."
        ),
    )
    addon_per_seat = models.BooleanField(
        "add-on priced per seat",
        default=True,
        help_text="Untick when the add-on costs one amount for the whole account.",
    )

    # What the source watcher last found (comparisons/sources/); never the value itself.
    source_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    source_flag = models.CharField(
        "source changed since verified",
        max_length=12,
        choices=SourceFlag.choices,
        blank=True,
        default=SourceFlag.NONE,
        editable=False,
    )
    source_flagged_at = models.DateTimeField(null=True, blank=True, editable=False)

    wording = models.CharField(max_length=64, blank=True, editable=False)

    objects = FactManager()

    translated_words = ("text", "note")
    # A note or text translated from words since corrected would contradict the claim.
    outdated_words_shown = False
    translatable_fields = [
        TranslatableField("text"),
        TranslatableField("note"),
        *(
            SynchronizedField(name, overridable=False)
            for name in (
                "criterion",
                "plan",
                "support",
                "number",
                "availability",
                "source_url",
                "verified_on",
                "evidence_excerpt",
                "addon_price",
                "addon_per_seat",
                "wording",
            )
        ),
    ]

    panels = [
        # What the source watcher last found, where the editor re-verifies the fact.
        HelpPanel(template="components/admin/fact_source_state.html"),
        FieldRowPanel([FieldPanel("criterion"), FieldPanel("plan")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("support"), FieldPanel("number"), FieldPanel("text")]),
                FieldRowPanel([FieldPanel("availability"), FieldPanel("note")]),
            ],
            heading="Value (fill the field that matches the criterion's kind)",
        ),
        FieldRowPanel([FieldPanel("addon_price"), FieldPanel("addon_per_seat")]),
        FieldRowPanel([FieldPanel("source_url"), FieldPanel("verified_on")]),
        FieldPanel("evidence_excerpt"),
    ]

    api_fields = [
        "criterion",
        "plan",
        APIField("value", serializer=CharField(source="display_value", read_only=True)),
        "support",
        "number",
        "text",
        "availability",
        "note",
        "source_url",
        "verified_on",
        "evidence_excerpt",
        "addon_price",
        "addon_per_seat",
        "source_checked_at",
        "source_flag",
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["criterion__group", "criterion__sort_order", "criterion__name", "plan"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "criterion", "plan"], name="one_fact_per_plan"
            )
        ]

    def __str__(self):
        return f"{self.product}: {self.criterion.name} = {self.display_value}"

    def save(self, *args, **kwargs):
        """A new source, date or excerpt is a new verification, on every path (the
        product form, a translation's sync, code): it clears the watcher's flag and is
        kept in the evidence archive."""
        loaded = self.__dict__.get("_loaded")
        if loaded is not None:
            before = self.verification_state(dict(zip(*loaded, strict=True)))
        else:
            before = self.stored_state()
        reverified = self.verification_state() != before
        if reverified and self.source_flag:
            self.source_flag = SourceFlag.NONE
            self.source_flagged_at = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "source_flag",
                    "source_flagged_at",
                }
        super().save(*args, **kwargs)
        self._loaded = (self.VERIFICATION_FIELDS, self.verification_state())
        if reverified and self.is_source_row():
            FactVerification.record(self, editor=getattr(self, "verified_by", None))

    def clean(self):
        super().clean()
        if self.criterion_id is None:
            return
        kind = self.criterion.kind
        required_field = {
            Criterion.Kind.SUPPORT: "support",
            Criterion.Kind.NUMBER: "number",
            Criterion.Kind.RATING: "number",
            Criterion.Kind.TEXT: "text",
        }[kind]
        errors = {}
        if getattr(self, required_field) in ("", None):
            errors[required_field] = (
                f"“{self.criterion.name}” is a {self.criterion.get_kind_display().lower()} "
                "criterion: fill in this field."
            )
        for other in {"support", "number", "text"} - {required_field}:
            if getattr(self, other) not in ("", None):
                errors[other] = (
                    f"Leave this empty: “{self.criterion.name}” takes a "
                    f"{self.criterion.get_kind_display().lower()} value."
                )
        if kind == Criterion.Kind.TEXT and self.text and "text" not in errors:
            self.clean_ranked_text(errors)
        rating = self.number if kind == Criterion.Kind.RATING else None
        if rating is not None and not 0 <= rating <= RATING_SCALE:
            errors["number"] = "A rating must be between 0 and 5."
        self.clean_price(errors)
        if self.addon_price is not None:
            if self.availability != self.Availability.PAID_ADDON:
                errors["addon_price"] = "Only a paid add-on has an add-on price."
            elif self.addon_price < 0:
                errors["addon_price"] = "A price can't be negative."
        if errors:
            raise ValidationError(errors)

    # What the evidence for the claim is: changing any of these is a new verification.
    VERIFICATION_FIELDS = ("source_url", "verified_on", "evidence_excerpt")
    # What the source watcher found: the database's, never an old revision's.
    WATCHER_FIELDS = ("source_checked_at", "source_flag", "source_flagged_at")

    @classmethod
    def from_db(cls, db, field_names, values):
        fact = super().from_db(db, field_names, values)
        # What was loaded, kept as it came (no work per row: tables load hundreds of
        # facts) and read only if the fact is saved.
        fact._loaded = (field_names, values)
        return fact

    @classmethod
    def from_rows(cls, db, names, rows):
        facts = super().from_rows(db, names, rows)
        for fact, values in zip(facts, rows, strict=True):
            fact._loaded = (names, values)
        return facts

    def verification_state(self, values=None):
        values = self.__dict__ if values is None else values
        source_url, verified_on, excerpt = (values.get(name) for name in self.VERIFICATION_FIELDS)
        # A fact rebuilt from a revision holds its date as text.
        return (source_url, str(verified_on) if verified_on else None, excerpt)

    def stored_state(self):
        """For a fact not loaded from the database (rebuilt from a revision when a
        product is reverted, say): its verification as stored, and the watcher's
        findings put back as stored. None for a new fact."""
        if self.pk is None:
            return None
        row = (
            type(self)
            .objects.filter(pk=self.pk)
            .values(*self.VERIFICATION_FIELDS, *self.WATCHER_FIELDS)
            .first()
        )
        if row is None:
            return None
        for name in self.WATCHER_FIELDS:
            setattr(self, name, row[name])
        return self.verification_state(row)

    def clean_price(self, errors):
        """What the cost calculator reads must make sense as a price list does."""
        role, number = self.criterion.pricing_role, self.number
        if number is None or "number" in errors:
            return
        Role = Criterion.PricingRole
        if role in Criterion.PRICE_ROLES and number < 0:
            errors["number"] = "A price can't be negative."
        elif role == Role.MINIMUM_SEATS and (number < 1 or number != number.to_integral_value()):
            errors["number"] = "A minimum number of seats is a whole number, 1 or more."

    def clean_ranked_text(self, errors):
        """A ranked criterion takes one of its values, in the spelling listed there,
        so that every fact of it has a place in the ranking."""
        allowed = self.criterion.ranked_texts
        if not allowed:
            return
        found = self.criterion.ranked_text(self.text)
        if found is None:
            listed = ", ".join(f"“{value}”" for value in allowed)
            errors["text"] = (
                f"“{self.criterion.name}” ranks its values: use one of {listed} (or add "
                "the value to the criterion's ranked values)."
            )
        else:
            self.text = found[1]

    def kept_in_source_words(self):
        # A ranked short text is one of the criterion's ranked values: the cell says it
        # as the criterion's ranking, translated with the criterion, lists it.
        criterion = self.criterion
        return ("text",) if criterion.kind == Criterion.Kind.TEXT and criterion.is_ranked else ()

    def word_as_listed(self, name, source, source_lang):
        found = self.criterion.ranked_text(source)
        if found is None:
            return super().word_as_listed(name, source, source_lang)
        return self.criterion.ranked_words[found[0]]

    @property
    def display_value(self):
        criterion = self.criterion  # read once: a foreign key's descriptor does more
        kind = criterion.kind
        if kind == Criterion.Kind.SUPPORT:
            # As get_support_display() says it, without hashing every choice's label
            # (which translates each) to look one up: tables show hundreds.
            return str(self.SUPPORT_LABELS.get(self.support, self.support))
        if kind == Criterion.Kind.TEXT:
            return self.text
        if self.number is None:
            return ""
        number = f"{self.number.normalize():f}"
        if kind == Criterion.Kind.RATING:
            return f"{number} / {RATING_SCALE}"
        if criterion.pricing_role == Criterion.PricingRole.MINIMUM_SEATS:
            # A count, in the reader's grammar: "1 seat", "5 seats".
            count = int(self.number)
            return ngettext("%(count)s seat", "%(count)s seats", count) % {"count": count}
        unit = criterion.unit
        value = f"{number} {unit}".strip()
        # A unit not yet translated keeps its language mark on the whole value.
        return SourceText(value, unit.lang) if hasattr(unit, "lang") else value

    @property
    def claim_display(self):
        """The value with the qualifications a reader sees next to it, in one line:
        what the corrections log records before and after a change, in the site's
        language whatever the editor's."""
        with override(settings.LANGUAGE_CODE):
            return self._claim_display()

    def _claim_display(self):
        qualifications = [self.get_availability_display() if self.availability else "", self.note]
        qualifications = [str(item) for item in qualifications if item]
        if not qualifications:
            return self.display_value
        return f"{self.display_value} ({'; '.join(qualifications)})"

    @property
    def rank_value(self):
        """A number where more is better on the criterion's own terms, or None."""
        criterion = self.criterion
        return self.rank_on(criterion) if criterion.is_ranked else None

    def rank_on(self, criterion):
        """``rank_value`` on ``criterion``, the fact's, known to be ranked: a table ranks
        a row's facts by the row's criterion rather than have each fact ask for it."""
        kind = criterion.kind
        if kind == Criterion.Kind.SUPPORT:
            value = self.SUPPORT_RANK.get(self.support)
        elif kind == Criterion.Kind.TEXT:
            # Listed best first: the first value ranks highest.
            found = criterion.ranked_text(self.text)
            value = None if found is None else -found[0]
        else:
            value = self.number
        if value is None:
            return None
        return -value if criterion.direction == Criterion.Direction.LOWER else value

    @property
    def is_for_every_plan(self):
        return plan_key(self.plan) == EVERY_PLAN

    @property
    def identity(self):
        """What two cells must share to read the same to a prospect."""
        return (self.support, self.number, self.text.strip().lower(), self.availability)

    def age_in_days(self, today=None):
        return ((today or timezone.localdate()) - self.verified_on).days

    def is_stale(self, freshness_limit_days, today=None):
        return self.age_in_days(today) > freshness_limit_days
