from django.urls import reverse

from wagtail.admin.ui.components import Component

from comparisons.models import Fact, InaccuracyReport
from home.models import SiteSettings
from testimonials.advocacy.reconfirmation import needing_reconfirmation
from testimonials.models import ReferenceRequest, Testimonial


class WorkQueuePanel(Component):
    """What is waiting for an editor, each count linking to the list to work through."""

    name = "candor_work_queue"
    template_name = "components/dashboard/work_queue.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        settings = SiteSettings.for_request(request)
        queues = []
        if user.has_perm("testimonials.change_testimonial"):
            queues += [
                (
                    "Testimonials to moderate",
                    Testimonial.objects.filter(status=Testimonial.Status.PENDING).count(),
                    reverse("wagtailsnippets_testimonials_testimonial:list") + "?status=pending",
                ),
                (
                    "Testimonials up for re-confirmation",
                    needing_reconfirmation(settings).count(),
                    reverse("testimonials_reconfirmation_due"),
                ),
            ]
        if user.has_perm("comparisons.change_inaccuracyreport"):
            queues.append(
                (
                    "Inaccuracy reports to decide",
                    InaccuracyReport.objects.filter(status=InaccuracyReport.Status.NEW).count(),
                    reverse("wagtailsnippets_comparisons_inaccuracyreport:list") + "?status=new",
                )
            )
        if user.has_perm("comparisons.change_product"):
            queues.append(
                (
                    "Stale facts to re-check",
                    Fact.objects.stale(settings.freshness_limit_days).count(),
                    reverse("comparisons_stale_facts"),
                )
            )
        if user.has_perm("testimonials.change_referencerequest"):
            queues.append(
                (
                    "Reference requests to decide",
                    ReferenceRequest.objects.filter(
                        status=ReferenceRequest.Status.REQUESTED
                    ).count(),
                    reverse("wagtailsnippets_testimonials_referencerequest:list")
                    + "?status=requested",
                )
            )
        return {
            "queues": [{"label": label, "count": count, "url": url} for label, count, url in queues]
        }
