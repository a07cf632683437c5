"""How much we have asked of an advocate: one limit per calendar quarter, whatever
they did (testimonials, case studies, reference calls, events, reviews)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format


def quarter_of(day):
    """The first and last day of the calendar quarter ``day`` falls in."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = datetime.date(day.year, first_month, 1)
    if first_month == 10:
        following = datetime.date(day.year + 1, 1, 1)
    else:
        following = datetime.date(day.year, first_month + 3, 1)
    return start, following - datetime.timedelta(days=1)


def load_label(load, limit):
    label = f"{load} of {limit} this quarter"
    return f"{label}, at the limit" if load >= limit else label


def check_fatigue_limit(advocate, limit, day=None):
    """Refuse, with the reason, one more request of an advocate at their limit."""
    day = day or timezone.localdate()
    load = type(advocate).objects.with_load(day).get(pk=advocate.pk).load
    if load >= limit:
        start, end = quarter_of(day)
        raise ValidationError(
            f"{advocate.name} has already been asked {load} "
            f"time{'s' if load != 1 else ''} between {date_format(start, 'j F')} and "
            f"{date_format(end, 'j F Y')} "
            f"(testimonials, case studies, reference calls, events and reviews together). "
            f"The fatigue limit is {limit} a quarter: choose someone else, or raise the "
            f"limit in site settings."
        )
    return load
