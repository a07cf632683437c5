from wagtail.admin.ui.components import Component

from home.dashboard.charts import CHART_CSS, BarChart, Series
from home.dashboard.months import chart_months
from testimonials.advocacy import stats

RATING_COLOURS = {
    5: "#1b7a3d",
    4: "#5c9e31",
    3: "#c99a00",
    2: "#d26b12",
    1: "#b3261e",
    None: "#767676",
}


def rating_label(rating):
    return f"{rating} out of 5" if rating else "No rating"


def testimonials_chart(months, labels, names):
    by_rating = stats.testimonials_by_rating(months)
    per_month = [sum(counts) for counts in zip(*by_rating.values(), strict=True)]
    description = f"{sum(per_month)} testimonials received in the last 12 months, by rating."
    if sum(per_month):
        busiest = per_month.index(max(per_month))
        description += f" The most in {names[busiest]}: {per_month[busiest]}."
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
    visits = stats.referral_visits(months)
    conversions = stats.referral_conversions(months)
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
