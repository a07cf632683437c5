"""The advocate program on the editors' dashboard: what waits for them (their queues in
home's work queue), the advocates at their limit, the testimonials up for
re-confirmation, the NPS and the monthly trends. Each panel is shown to the users who
can act on it, and costs a fixed number of queries however much data there is; each
monthly figure is one aggregate query."""

import datetime

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from home.charts import CHART_CSS, BarChart, Series, chart_months, month_key
from home.dashboard import WorkQueueItem
from home.models import SiteSettings
from testimonials.advocacy.nps import MIN_RELIABLE_ANSWERS, net_promoter_score, nps_by_month
from testimonials.advocacy.reconfirmation import needing_reconfirmation
from testimonials.advocacy.reports import advocate_candidates
from testimonials.models import (
    Advocate,
    DemoRequestSubmission,
    NpsResponse,
    ReferenceRequest,
    ReferralVisitDay,
    Testimonial,
)
from testimonials.program import quarter_of

LIST_LENGTH = 5
RATINGS = [5, 4, 3, 2, 1, None]
RATING_COLOURS = {
    5: "#1b7a3d",
    4: "#5c9e31",
    3: "#c99a00",
    2: "#d26b12",
    1: "#b3261e",
    None: "#767676",
}
NPS_COLOUR = "#2e6b8a"


def work_queue_items():
    """The program's queues in the work queue, between comparisons' (orders 30, 40)."""
    return [
        WorkQueueItem(
            label="Testimonials to moderate",
            permission="testimonials.change_testimonial",
            count=lambda request: Testimonial.objects.filter(
                status=Testimonial.Status.PENDING
            ).count(),
            url=reverse("wagtailsnippets_testimonials_testimonial:list") + "?status=pending",
            order=10,
        ),
        WorkQueueItem(
            label="Testimonials up for re-confirmation",
            permission="testimonials.change_testimonial",
            count=lambda request: needing_reconfirmation(SiteSettings.for_request(request)).count(),
            url=reverse("testimonials_reconfirmation_due"),
            order=20,
        ),
        WorkQueueItem(
            label="Reference requests to decide",
            permission="testimonials.change_referencerequest",
            count=lambda request: ReferenceRequest.objects.filter(
                status=ReferenceRequest.Status.REQUESTED
            ).count(),
            url=reverse("wagtailsnippets_testimonials_referencerequest:list") + "?status=requested",
            order=50,
        ),
    ]


class AdvocatesAtLimitPanel(Component):
    """Advocates who may not be asked again this quarter."""

    name = "candor_advocates_at_limit"
    template_name = "components/dashboard/advocates_at_limit.html"
    order = 92

    def get_context_data(self, parent_context):
        limit = SiteSettings.for_request(parent_context["request"]).fatigue_limit
        advocates = list(
            Advocate.objects.at_fatigue_limit(limit)
            .select_related("customer")
            .order_by("-load", "name", "pk")[: LIST_LENGTH + 1]
        )
        return {
            "advocates": advocates[:LIST_LENGTH],
            "more": len(advocates) > LIST_LENGTH,
            "limit": limit,
            "next_quarter": quarter_of(timezone.localdate())[1] + datetime.timedelta(days=1),
            "list_url": reverse("wagtailsnippets_testimonials_advocate:list"),
        }


class ReconfirmationPanel(Component):
    """The testimonials longest without a re-confirmed customer behind them."""

    name = "candor_reconfirmation"
    template_name = "components/dashboard/reconfirmation.html"
    order = 94

    def get_context_data(self, parent_context):
        settings = SiteSettings.for_request(parent_context["request"])
        testimonials = list(
            needing_reconfirmation(settings)
            .select_related("product")
            .order_by("customer_confirmed_on", "pk")[: LIST_LENGTH + 1]
        )
        return {
            "testimonials": testimonials[:LIST_LENGTH],
            "more": len(testimonials) > LIST_LENGTH,
            "months": settings.reconfirmation_months,
            "report_url": reverse("testimonials_reconfirmation_due"),
        }


def nps_chart(monthly, labels, names):
    scores = [score.score for _, score in monthly]
    answered = [
        (name, score) for name, score in zip(names, scores, strict=True) if score is not None
    ]
    if answered:
        description = (
            "Net Promoter Score by month, from -100 to 100. "
            + "; ".join(f"{name}: {score}" for name, score in answered)
            + ". Months without answers have no score."
        )
    else:
        description = "No answers in the last 12 months, so no score to show."
    return BarChart(
        name="candor-nps-chart",
        title="NPS by month",
        description=description,
        categories=labels,
        category_names=names,
        series=[Series("NPS", scores, NPS_COLOUR)],
        value_range=(-100, 100),
    )


class NpsPanel(Component):
    """The score now, how many answers it rests on, and how it moved month by month."""

    name = "candor_nps"
    template_name = "components/dashboard/nps.html"
    order = 96

    class Media:
        css = CHART_CSS

    def get_context_data(self, parent_context):
        months, labels, names = chart_months()
        recent = NpsResponse.objects.filter(answered_at__date__gte=months[0])
        monthly = nps_by_month(recent, months)
        return {
            "nps": net_promoter_score(recent),
            "min_answers": MIN_RELIABLE_ANSWERS,
            "chart": nps_chart(monthly, labels, names),
            "candidates": advocate_candidates().count(),
            "answers_url": reverse("wagtailsnippets_testimonials_npsresponse:list"),
            "candidates_url": reverse("testimonials_advocate_candidates"),
        }


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


def monthly_totals(records, date_field, total, months):
    """``total`` of ``records`` per month in ``months``, by ``date_field``. One query."""
    rows = (
        records.annotate(month=TruncMonth(date_field))
        .order_by()
        .values("month")
        .annotate(total=total)
    )
    return per_month(rows, months)


def referral_visits(months):
    visits = ReferralVisitDay.objects.filter(day__gte=months[0])
    return monthly_totals(visits, "day", Sum("visits"), months)


def referral_conversions(months):
    conversions = DemoRequestSubmission.objects.filter(
        referred_by__isnull=False, submit_time__date__gte=months[0]
    )
    return monthly_totals(conversions, "submit_time", Count("pk"), months)


def rating_label(rating):
    return f"{rating} out of 5" if rating else "No rating"


def testimonials_chart(months, labels, names):
    by_rating = testimonials_by_rating(months)
    per_month_total = [sum(counts) for counts in zip(*by_rating.values(), strict=True)]
    description = f"{sum(per_month_total)} testimonials received in the last 12 months, by rating."
    if sum(per_month_total):
        busiest = per_month_total.index(max(per_month_total))
        description += f" The most in {names[busiest]}: {per_month_total[busiest]}."
    return BarChart(
        name="candor-testimonials-chart",
        title="Testimonials received per month, by rating",
        description=description,
        categories=labels,
        category_names=names,
        series=[
            Series(rating_label(rating), counts, RATING_COLOURS[rating])
            for rating, counts in by_rating.items()
        ],
        stacked=True,
    )


def referrals_chart(months, labels, names):
    visits = referral_visits(months)
    conversions = referral_conversions(months)
    return BarChart(
        name="candor-referrals-chart",
        title="Referral visits and demo requests per month",
        description=(
            f"{sum(visits)} visits through advocates' referral links and "
            f"{sum(conversions)} demo requests that followed one, in the last 12 months."
        ),
        categories=labels,
        category_names=names,
        series=[
            Series("Referral visits", visits, "#2e6b8a"),
            Series("Demo requests", conversions, "#b3261e"),
        ],
    )


class TestimonialTrendPanel(Component):
    name = "candor_testimonial_trend"
    template_name = "components/dashboard/chart_panel.html"
    order = 97

    class Media:
        css = CHART_CSS

    def get_context_data(self, parent_context):
        return {
            "panel_id": "candor-testimonial-trend",
            "chart": testimonials_chart(*chart_months()),
        }


class ReferralTrendPanel(Component):
    name = "candor_referral_trend"
    template_name = "components/dashboard/chart_panel.html"
    order = 98

    class Media:
        css = CHART_CSS

    def get_context_data(self, parent_context):
        return {"panel_id": "candor-referral-trend", "chart": referrals_chart(*chart_months())}


# Each panel, and the permissions of which a user needs one to see it.
PANELS = [
    (ReconfirmationPanel, ["testimonials.change_testimonial"]),
    (AdvocatesAtLimitPanel, ["testimonials.change_advocate"]),
    (NpsPanel, ["testimonials.view_npsresponse", "testimonials.change_npsresponse"]),
    (TestimonialTrendPanel, ["testimonials.change_testimonial"]),
    (ReferralTrendPanel, ["testimonials.change_advocate"]),
]
