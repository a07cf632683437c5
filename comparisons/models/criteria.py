from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField, TranslatableField

from comparisons.admin_forms import CriterionForm
from comparisons.localized import SourceText, Wording
from comparisons.pricing import price_basis
from comparisons.querysets import CriterionQuerySet
from comparisons.table import comparable
from home.lookups import among
from home.model_rows import LoadedFromRows
from home.prepared import PreparedQuery


class Criterion(LoadedFromRows, Wording, TranslatableMixin, index.Indexed, ClusterableModel):
    """A dimension along which products are compared, e.g. "Single sign-on".

    The criterion in the site's default language is the one facts and comparisons
    refer to; its translations carry only the words readers see (name, group,
    description, unit), and how values are ranked is the source's in every language."""

    class Kind(models.TextChoices):
        SUPPORT = "support", "Yes / partial / no"
        NUMBER = "number", "Number with a unit"
        RATING = "rating", "Rating out of 5"
        TEXT = "text", "Short text"

    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"
        UNRANKED = "unranked", "Neither is better"

    class PricingRole(models.TextChoices):
        """What the cost calculator reads a criterion's facts as. The facts keep their
        sources and dates, so every price the calculator uses can be checked."""

        NONE = "", "Not used by the cost calculator"
        SEAT_PRICE_MONTHLY = "seat_monthly", "Price per seat, billed monthly"
        SEAT_PRICE_YEARLY = "seat_yearly", "Price per seat, billed yearly"
        BASE_FEE = "base_fee", "Fee for the account, whatever the seats"
        MINIMUM_SEATS = "minimum_seats", "Minimum number of seats"
        MONTHLY_BILLING = "monthly_billing", "Monthly billing offered (yes / no)"
        PRICING_INFO = "pricing_info", "Pricing detail, not a feature to choose"

    RANKABLE_KINDS = {Kind.SUPPORT, Kind.NUMBER, Kind.RATING}
    PRICE_ROLES = {
        PricingRole.SEAT_PRICE_MONTHLY,
        PricingRole.SEAT_PRICE_YEARLY,
        PricingRole.BASE_FEE,
    }

    name = models.CharField(max_length=120)
    group = models.CharField(
        max_length=60,
        help_text='Rows are grouped under this heading, e.g. "Pricing" or "Security".',
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Position within its group on product pages."
    )
    help_text = models.CharField(
        max_length=255,
        blank=True,
        help_text="What exactly is measured, shown to readers next to the criterion.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SUPPORT)
    unit = models.CharField(
        max_length=30,
        blank=True,
        help_text='For numbers: the unit shown after the value, e.g. "USD / agent / month".',
    )
    direction = models.CharField(
        max_length=10,
        choices=Direction.choices,
        default=Direction.HIGHER,
        help_text=(
            "Which values win the row. For yes/partial/no, 'higher' means yes is best. "
            "Short text is ranked only by its ranked values (best first), with 'higher'."
        ),
    )

    pricing_role = models.CharField(
        "used by the cost calculator as",
        max_length=20,
        choices=PricingRole.choices,
        blank=True,
        default=PricingRole.NONE,
        help_text=(
            "Prices take a number and a price unit such as “USD / seat / month” or "
            "“USD / year”; the minimum takes a number; monthly billing a yes or no."
        ),
    )

    wording = models.CharField(max_length=64, blank=True, editable=False)

    objects = CriterionQuerySet.as_manager()

    base_form_class = CriterionForm
    translated_words = ("name", "group", "help_text", "unit")

    # What a translator translates; the rest is the source's, not to be overridden.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("group"),
        TranslatableField("help_text"),
        TranslatableField("unit"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("direction", overridable=False),
        SynchronizedField("sort_order", overridable=False),
        SynchronizedField("pricing_role", overridable=False),
        TranslatableField("ranked_values"),
        SynchronizedField("wording", overridable=False),
    ]

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("group")]),
        FieldPanel("help_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("direction"), FieldPanel("sort_order")]),
                FieldPanel("pricing_role"),
            ],
            heading="How values are recorded and ranked",
        ),
        InlinePanel(
            "ranked_values",
            label="Ranked value",
            heading="Ranked values (short text only)",
            help_text=(
                "To rank a short-text criterion, list every value a product may have, "
                "best first, and choose 'Higher is better'. Facts then take only these "
                "values, and readers see the ranking next to the criterion. Leave empty "
                "for text that is not ranked."
            ),
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("help_text"),
        index.AutocompleteField("name"),
        index.FilterField("group"),
        index.FilterField("locale"),
    ]
    api_fields = [
        "name",
        "group",
        "help_text",
        "kind",
        "unit",
        "direction",
        "pricing_role",
        "ranked_values",
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["group", "sort_order", "name"]
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="one_criterion_name_per_locale")
        ]

    def __str__(self):
        return f"{self.name} ({self.group})"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.TEXT and self.direction == self.Direction.LOWER:
            raise ValidationError(
                {
                    "direction": "Short text is ranked by its ranked values, listed best "
                    "first: choose “Higher is better” to rank by them, or “Neither is "
                    "better”."
                }
            )
        self.clean_pricing_role()

    def clean_pricing_role(self):
        role = self.pricing_role
        # A translation's unit is words for readers ("米ドル/席/月"): the source's unit
        # is the price's, checked when the source is saved.
        if not role or not self.is_source_row():
            return
        if role in self.PRICE_ROLES:
            basis = price_basis(self.unit) if self.kind == self.Kind.NUMBER else None
            if basis is None or (role != self.PricingRole.BASE_FEE and not basis[1]):
                example = (
                    "USD / month" if role == self.PricingRole.BASE_FEE else "USD / seat / month"
                )
                raise ValidationError(
                    {
                        "pricing_role": "A price for the calculator is a number with a "
                        f"price unit, e.g. “{example}”: a currency code, "
                        + ("" if role == self.PricingRole.BASE_FEE else "who it is per, ")
                        + "and month or year."
                    }
                )
            if not basis[2]:
                raise ValidationError(
                    {"unit": "Say what length of time the price pays for: month or year."}
                )
        elif role == self.PricingRole.MINIMUM_SEATS and self.kind != self.Kind.NUMBER:
            raise ValidationError({"pricing_role": "A minimum number of seats is a number."})
        elif role == self.PricingRole.MONTHLY_BILLING and self.kind != self.Kind.SUPPORT:
            raise ValidationError({"pricing_role": "Monthly billing is a yes or no."})
        if role != self.PricingRole.PRICING_INFO:
            self.clean_role_held_once(role)

    def clean_role_held_once(self, role):
        """One criterion per role (per currency, for prices): with two, the calculator
        could not know which one a product's price is."""
        currency = price_basis(self.unit)[0] if role in self.PRICE_ROLES else None
        holders = type(self).objects.in_source_language().filter(pricing_role=role)
        for other in holders.exclude(pk=self.pk):
            if currency is None or price_basis(other.unit)[0] == currency:
                raise ValidationError(
                    {
                        "pricing_role": f"“{other.name}” is already the calculator's "
                        f"“{self.PricingRole(role).label}”"
                        + (f" in {currency}" if currency else "")
                        + ": one criterion per role, or the calculator would not know "
                        "which one to read."
                    }
                )

    @property
    def price_basis(self):
        """(currency, per, period) of a price criterion's unit, or None: the source's
        unit, also once ``localize`` has lent the criterion its translation's words."""
        if self.pricing_role not in self.PRICE_ROLES:
            return None
        return price_basis(self.source_word("unit"))

    @property
    def ranked_texts(self):
        """The values a short-text criterion is ranked by, best first, as written."""
        return [item.value for item in self.ranked_value_list()]

    def ranked_value_list(self):
        """The ranked values, best first: as ``load_ranked_values`` read them for a
        table, else through the relation (which sees an editor's unsaved changes)."""
        loaded = self.__dict__.get("_loaded_ranked_values")
        return self.ranked_values.all() if loaded is None else loaded

    @property
    def ranked_words(self):
        """The ranked values as readers see them: in the page's language once
        ``localize`` has given the criterion its translation's words."""
        return self.__dict__.get("_ranked_words") or self.ranked_texts

    @classmethod
    def localize_children(cls, criteria, locale_id, source_lang):
        """The ranked values' words too, in one query for all the criteria."""
        values = [value for criterion in criteria for value in criterion.ranked_value_list()]
        if not values:
            return
        translated = dict(
            RankedValue.objects.filter(
                locale_id=locale_id, translation_key__in={value.translation_key for value in values}
            ).values_list("translation_key", "value")
        )

        def word(value):
            # Left as the source wrote it until a translator reaches it.
            words = translated.get(value.translation_key)
            return words if words and words != value.value else SourceText(value.value, source_lang)

        for criterion in criteria:
            criterion._ranked_words = [word(value) for value in criterion.ranked_value_list()]

    def ranked_text(self, text):
        """(position, spelling) of ``text`` among the ranked values, or None."""
        wanted = comparable(text)
        for position, value in enumerate(self.ranked_texts):
            if comparable(value) == wanted:
                return position, value
        return None

    @property
    def is_ranked(self):
        if self.kind == self.Kind.TEXT:
            return self.direction == self.Direction.HIGHER and bool(self.ranked_texts)
        return self.kind in self.RANKABLE_KINDS and self.direction != self.Direction.UNRANKED


class RankedValue(TranslatableMixin, Orderable):
    """One value of a short-text criterion, in the order that ranks them (best first).
    Translated with its criterion; facts and the ranking use the original's."""

    criterion = ParentalKey(Criterion, on_delete=models.CASCADE, related_name="ranked_values")
    value = models.CharField(max_length=80, help_text='As facts give it, e.g. "24/7".')

    panels = [FieldPanel("value")]
    api_fields = ["value"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.value


def load_ranked_values(criteria):
    """Read the ranked values of all ``criteria`` in one query and keep each
    criterion's as a list (``ranked_value_list``). Django's prefetch would give each
    criterion a queryset of its own, which on a table of 60 criteria, most of them
    with none, cost more than the query; and each ranking read would copy it. Only a
    short text is ranked by its values: a table without one asks nothing."""
    found = {criterion.pk: [] for criterion in criteria if criterion.kind == Criterion.Kind.TEXT}
    if found:
        for value in RANKED_VALUES(list(found)):
            found[value.criterion_id].append(value)
    for criterion in criteria:
        criterion._loaded_ranked_values = found.get(criterion.pk, [])


# The ranked values of criteria by their ids, compiled once for each number of them.
RANKED_VALUES = PreparedQuery(
    lambda ids: RankedValue.objects.filter(among("criterion", ids)), [int]
)


def with_ranked_values(through=""):
    """A prefetch of the ranked values of criteria (reached ``through`` a relation,
    e.g. ``"criterion__"``). Given its queryset, Django filters that one for each
    criterion; without it modelcluster builds a queryset per criterion, which cost a
    60-criterion table more than the query itself."""
    return Prefetch(f"{through}ranked_values", queryset=RankedValue.objects.all())
