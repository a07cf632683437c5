"""What a plan costs, in one shape for readers and search engines: an amount in a
currency, per person or for the whole account, per month or per year.

Prices are formatted with the reader's language's conventions (Unicode CLDR, through
Babel): "$19" and "€35" in English, "￥2,800" in Japanese. Whole amounts are written
without decimals, as price lists write them."""

from copy import copy
from decimal import Decimal

from django.db import models
from django.utils.translation import get_language, gettext, pgettext_lazy, to_locale
from django.utils.translation import gettext_lazy as _

from babel import Locale
from babel.numbers import format_currency, get_currency_precision

# The currencies our price lists use; ISO 4217 codes, as schema.org's priceCurrency.
CURRENCIES = [
    ("USD", _("US dollar")),
    ("EUR", _("Euro")),
    ("GBP", _("Pound sterling")),
    ("JPY", _("Japanese yen")),
    ("CHF", _("Swiss franc")),
    ("SEK", _("Swedish krona")),
    ("AUD", _("Australian dollar")),
    ("CAD", _("Canadian dollar")),
]
CURRENCY_CODES = {code for code, _name in CURRENCIES}


class PerUnit(models.TextChoices):
    """Who the price is counted for. Blank: the whole account, or as the note says."""

    AGENT = "agent", pgettext_lazy("price per", "per agent")
    USER = "user", pgettext_lazy("price per", "per user")
    SEAT = "seat", pgettext_lazy("price per", "per seat")
    EDITOR = "editor", pgettext_lazy("price per", "per editor")


class Period(models.TextChoices):
    """What length of time the amount pays for. Blank: once, or as the note says."""

    MONTH = "month", pgettext_lazy("price per", "per month")
    YEAR = "year", pgettext_lazy("price per", "per year")


class Tax(models.TextChoices):
    """Whether the amount includes sales tax (VAT, consumption tax), as the price list
    says. Japanese readers expect it stated: 税込 or 税抜."""

    EXCLUDED = "excluded", pgettext_lazy("price", "excl. tax")
    INCLUDED = "included", pgettext_lazy("price", "incl. tax")


# What a price is counted in, for search engines: the unit as a word in English (a
# quantity of one of them), the period as a UN/CEFACT common code.
PERIOD_CODES = {Period.MONTH: "MON", Period.YEAR: "ANN"}
# The period after a per-person unit: "per agent / month".
PERIOD_UNITS = {
    Period.MONTH: pgettext_lazy("price per agent per", "month"),
    Period.YEAR: pgettext_lazy("price per agent per", "year"),
}


def decimals_of(currency):
    """How many decimals the currency has: 2 for dollars, 0 for yen."""
    return get_currency_precision(currency)


def format_price(amount, currency, language=None):
    """``amount`` in ``currency`` as a reader of ``language`` writes it."""
    locale = Locale.parse(to_locale(language or get_language() or "en"))
    amount = Decimal(amount) + 0  # adding 0 turns "-0" into "0"
    if amount == amount.to_integral_value():
        pattern = copy(locale.currency_formats["standard"])
        pattern.frac_prec = (0, 0)
        return pattern.apply(amount, locale, currency=currency, currency_digits=False)
    return format_currency(amount, currency, locale=locale)


def machine_price(amount, currency):
    """The amount as schema.org wants it: digits and a full stop, the currency's
    decimals, no symbol ("19.00", "2800")."""
    return f"{Decimal(amount) + 0:.{decimals_of(currency)}f}"


def unit_label(per, period):
    """ "per agent / month", "per month", "per agent", or "" for a one-off price."""
    per_label = PerUnit(per).label if per else ""
    if per and period:
        # Translators: a price's unit, e.g. "per agent / month".
        return gettext("%(per)s / %(period)s") % {
            "per": per_label,
            "period": PERIOD_UNITS[Period(period)],
        }
    return str(per_label or (Period(period).label if period else ""))


def price_basis(unit):
    """(currency, per, period) of a number criterion's unit when it is a price such as
    "USD / agent / month" or "EUR / month"; None for any other unit."""
    parts = [part.strip() for part in unit.split("/")]
    if parts[0] not in CURRENCY_CODES or len(parts) > 3:
        return None
    per = period = ""
    for part in parts[1:]:
        if part in PerUnit.values and not per and not period:
            per = part
        elif part in Period.values and not period:
            period = part
        else:
            return None
    return parts[0], per, period
