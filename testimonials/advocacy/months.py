"""Calendar months, for periods set in months and for monthly charts."""

import calendar
import datetime


def months_before(day, months):
    """The same day ``months`` months earlier, or the month's last day if it is
    shorter (31 March less one month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_months(today, count):
    """The first days of the ``count`` months up to and including today's, oldest first."""
    first = today.replace(day=1)
    return [months_before(first, back) for back in range(count - 1, -1, -1)]


def month_key(value):
    """(year, month) of a date or datetime, to match database months to chart months."""
    return (value.year, value.month)
