"""Who an invitation campaign reaches: every customer on the list who matches a few
neutral facts (product, customer since, plan, language, region). Never a choice by how
happy they are: a segment built on NPS, sentiment, past ratings, support tickets or a
hand-picked list is refused, with the reason, wherever it comes from (the admin form,
code, an import), because inviting only happy customers is review gating."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The facts a segment may use, and what each holds.
NEUTRAL = {
    "customer_since_from": "date",
    "customer_since_to": "date",
    "plans": "list",
    "languages": "list",
    "regions": "list",
}

GATING_REASON = _(
    "A campaign invites every customer who matches neutral facts. “%(key)s” would choose "
    "them by how happy they seem: inviting only happy customers is review gating."
)
HAND_PICKING_REASON = _(
    "A campaign invites every customer who matches neutral facts, never a hand-picked "
    "list (“%(key)s”): choosing whom to ask is review gating."
)
VALUE_REASON = _(
    "“%(value)s” (in %(key)s) names customers by how happy they seem or picks a few by "
    "hand: a campaign invites every customer who matches neutral facts, and choosing whom "
    "to ask is review gating."
)
UNKNOWN_REASON = _(
    "“%(key)s” is not one of the neutral facts a campaign may choose by: product, "
    "customer since, plan, language and region."
)

# Words that give a forbidden segment away, whatever the key is called exactly.
GATING_WORDS = (
    "nps",
    "score",
    "promoter",
    "detractor",
    "sentiment",
    "rating",
    "stars",
    "happy",
    "satisf",
    "ticket",
    "support",
    "complaint",
    "churn",
)
HAND_PICKING_WORDS = ("email", "contact", "customer_id", "customers", "pick", "ids", "list")


# How a plan or region named for happiness or a hand-picked few starts its words
# (whole words: "Premium Support" is a plan, "Promoters" is not).
GIVEAWAY_WORD_STARTS = (
    "nps",
    "promoter",
    "detractor",
    "happy",
    "satisf",
    "sentiment",
    "rating",
    "rated",
    "fan",
    "loyal",
    "churn",
    "complain",
    "ticket",
    "vip",
    "picked",
    "handpicked",
    "shortlist",
)


def gives_away(value):
    """Whether a plan or region's name gives a gating segment away."""
    words = re.findall(r"\w+", value.lower())
    return any(word.startswith(GIVEAWAY_WORD_STARTS) for word in words)


def refusal(key):
    lowered = key.lower()
    if any(word in lowered for word in GATING_WORDS):
        return GATING_REASON % {"key": key}
    if any(word in lowered for word in HAND_PICKING_WORDS):
        return HAND_PICKING_REASON % {"key": key}
    return UNKNOWN_REASON % {"key": key}


def validate_segment(segment):
    """Raise ValidationError naming every key a segment may not use, or whose value is
    not what the key holds."""
    if not isinstance(segment, dict):
        raise ValidationError(_("A segment is a set of neutral facts."))
    errors = [refusal(key) for key in segment if key not in NEUTRAL]
    for key, kind in NEUTRAL.items():
        value = segment.get(key)
        if value in (None, "", []):
            continue
        if kind == "date" and not _is_date(value):
            errors.append(_("“%(key)s” must be a date (YYYY-MM-DD).") % {"key": key})
        if kind == "list" and not (
            isinstance(value, list) and all(isinstance(item, str) for item in value)
        ):
            errors.append(_("“%(key)s” must be a list of names.") % {"key": key})
        elif kind == "list":
            # A plan or region is free text on the list: one called "Promoters" would
            # be a happy-customer segment under a neutral name.
            errors.extend(
                VALUE_REASON % {"value": item, "key": key} for item in value if gives_away(item)
            )
    if errors:
        raise ValidationError(errors, code="gating")


def _is_date(value):
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def contacts_in(segment, contacts):
    """Of ``contacts``, every one the (validated) segment's facts match."""
    if since := segment.get("customer_since_from"):
        contacts = contacts.filter(customer_since__gte=since)
    if until := segment.get("customer_since_to"):
        contacts = contacts.filter(customer_since__lte=until)
    if plans := segment.get("plans"):
        contacts = contacts.filter(plan__in=plans)
    if languages := segment.get("languages"):
        contacts = contacts.filter(language__in=languages)
    if regions := segment.get("regions"):
        contacts = contacts.filter(region__in=regions)
    return contacts
