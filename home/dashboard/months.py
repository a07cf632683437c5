from django.utils import timezone
from django.utils.formats import date_format

from testimonials.advocacy.months import last_months

CHART_MONTHS = 12


def chart_months(today=None):
    """The first days of the months the charts show, oldest first, with their labels."""
    months = last_months(today or timezone.localdate(), CHART_MONTHS)
    return (
        months,
        [date_format(month, "M") for month in months],
        [date_format(month, "YEAR_MONTH_FORMAT") for month in months],
    )
