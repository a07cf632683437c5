from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from comparisons.pricing import (
    CURRENCIES,
    Period,
    PerUnit,
    Tax,
    decimals_of,
    format_price,
    machine_price,
    unit_label,
)


class PointBlock(blocks.StructBlock):
    """One strength, limitation or audience, stated plainly with its reason."""

    title = blocks.CharBlock(max_length=120)
    detail = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "list-ul"
        template = "components/point_block.html"


class ExportFormatBlock(blocks.StructBlock):
    """One format a customer's data can be exported in, and what it holds."""

    name = blocks.CharBlock(max_length=60, help_text='e.g. "CSV" or "JSON (API)"')
    contents = blocks.TextBlock(
        max_length=300, help_text="What comes out in it, and anything that does not."
    )

    class Meta:
        icon = "download"
        template = "components/export_format_block.html"


class PlanValue(blocks.StructValue):
    """A plan as readers see it: its price in their language's format, with its unit."""

    @property
    def is_priced(self):
        # A draft may be saved before its currency is chosen: no price to state yet.
        return self.get("price") is not None and bool(self.get("currency"))

    @property
    def is_free(self):
        return self.is_priced and self["price"] == 0

    @cached_property
    def display_price(self):
        if not self.is_priced:
            return ""
        return format_price(self["price"], self["currency"])

    @property
    def guaranteed_until(self):
        """The last day the price is guaranteed, while that day is still to come."""
        until = self.get("valid_until")
        return until if until and until >= timezone.localdate() else None

    @property
    def display_tax(self):
        tax = self.get("tax")
        return Tax(tax).label if tax and self.is_priced and not self.is_free else ""

    @property
    def display_unit(self):
        # "Free per agent / month" says nothing: a free plan has no unit.
        if not self.is_priced or self.is_free:
            return ""
        return unit_label(self.get("per"), self.get("period"))


class PlanBlock(blocks.StructBlock):
    """One plan of the product's price list. The price is a number in a currency, so
    that each language writes it its own way and search engines can read it."""

    name = blocks.CharBlock(max_length=60, help_text='e.g. "Pro"')
    price = blocks.DecimalBlock(
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        help_text="What readers pay: 0 for a free plan. Leave empty for a plan priced on "
        "request; readers then see “Price on request”.",
    )
    currency = blocks.ChoiceBlock(choices=CURRENCIES, default="USD")
    tax = blocks.ChoiceBlock(
        choices=Tax.choices,
        required=False,
        help_text="Whether the price includes tax, as the price list says; readers see "
        "it next to the price (in Japanese 税込 or 税抜). Empty if the list does not say.",
    )
    per = blocks.ChoiceBlock(
        choices=PerUnit.choices,
        required=False,
        label="Per",
        help_text="Who the price is counted for; empty for one price for the whole account.",
    )
    period = blocks.ChoiceBlock(
        choices=Period.choices,
        required=False,
        help_text="What length of time the price pays for; empty for a one-off price.",
    )
    billing = blocks.CharBlock(
        max_length=160,
        required=False,
        help_text='Anything else about the price, e.g. "billed yearly" or "up to 2 agents".',
    )
    valid_until = blocks.DateBlock(
        required=False,
        help_text="The last day this price is guaranteed, if the price list names one.",
    )
    includes = blocks.TextBlock(required=False, max_length=300)

    class Meta:
        icon = "tag"
        template = "components/plan_block.html"
        value_class = PlanValue

    def get_api_representation(self, value, context=None):
        # A price as digits in text ("19.00"), never a float that may read 18.999.
        data = super().get_api_representation(value, context)
        if value.is_priced:
            data["price"] = machine_price(value["price"], value["currency"])
        return data

    def clean(self, value):
        value = super().clean(value)
        price, currency = value.get("price"), value.get("currency")
        if price == 0:
            value["price"] = Decimal(0)  # "-0" is free too, and reads "$0", not "-$0"
        if price is not None and currency:
            decimals = decimals_of(currency)
            if price != round(price, decimals):
                raise StructBlockValidationError(
                    block_errors={
                        "price": ValidationError(
                            _("%(currency)s prices have %(decimals)d decimals at most.")
                            % {"currency": currency, "decimals": decimals}
                        )
                    }
                )
        return value
