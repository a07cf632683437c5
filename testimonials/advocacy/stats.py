"""Monthly numbers for the editors' charts, each in one aggregate query."""

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from testimonials.advocacy.months import month_key
from testimonials.models import DemoRequestSubmission, ReferralVisitDay, Testimonial

RATINGS = [5, 4, 3, 2, 1, None]


def per_month(rows, months, value="total"):
    """``rows`` of {"month": ..., value: n} as one number per month in ``months``."""
    by_month = {month_key(row["month"]): row[value] or 0 for row in rows}
    return [by_month.get(month_key(month), 0) for month in months]


def testimonials_by_rating(months):
    """{rating (None for unrated): [count per month]} of testimonials received,
    whatever became of them."""
    rows = (
        Testimonial.objects.filter(submitted_at__date__gte=months[0])
        .annotate(month=TruncMonth("submitted_at"))
        .order_by()
        .values("month", "rating")
        .annotate(total=Count("pk"))
    )
    series = {rating: [0] * len(months) for rating in RATINGS}
    index = {month_key(month): position for position, month in enumerate(months)}
    for row in rows:
        position = index.get(month_key(row["month"]))
        if position is not None:
            series[row["rating"]][position] = row["total"]
    return series


def referral_visits(months):
    rows = (
        ReferralVisitDay.objects.filter(day__gte=months[0])
        .annotate(month=TruncMonth("day"))
        .order_by()
        .values("month")
        .annotate(total=Sum("visits"))
    )
    return per_month(rows, months)


def referral_conversions(months):
    rows = (
        DemoRequestSubmission.objects.filter(
            referred_by__isnull=False, submit_time__date__gte=months[0]
        )
        .annotate(month=TruncMonth("submit_time"))
        .order_by()
        .values("month")
        .annotate(total=Count("pk"))
    )
    return per_month(rows, months)
