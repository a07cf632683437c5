from django.urls import reverse

from wagtail.admin.ui.components import Component

from home.dashboard.charts import CHART_CSS, BarChart, Series
from home.dashboard.months import chart_months
from testimonials.advocacy.nps import MIN_RELIABLE_ANSWERS, net_promoter_score, nps_by_month
from testimonials.advocacy.reports import advocate_candidates
from testimonials.models import NpsResponse

NPS_COLOUR = "#2e6b8a"


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
