import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from home.models import SiteSettings
from testimonials.advocacy.fatigue import quarter_of
from testimonials.advocacy.reconfirmation import needing_reconfirmation
from testimonials.models import Advocate

LIST_LENGTH = 5


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
