"""Read-only panels in the editors' forms: what an advocate has done, and whether a
testimonial's author is still known to be a customer."""

from wagtail.admin.panels import Panel

from testimonials.advocacy.program import program_settings
from testimonials.advocacy.timeline import timeline


class AdvocateActivityPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "components/admin/advocate_activity_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["entries"] = timeline(self.instance)
            if self.instance.pk:
                advocates = type(self.instance).objects.with_load()
                context["load"] = advocates.get(pk=self.instance.pk).load
                context["limit"] = program_settings(self.request).fatigue_limit
            return context


class CustomerStatusPanel(Panel):
    """Flags a published testimonial whose author has not re-confirmed in time."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "components/admin/customer_status_panel.html"

        def is_shown(self):
            instance = self.instance
            return bool(
                instance.pk
                and instance.relationship == instance.Relationship.CUSTOMER
                and super().is_shown()
            )

        def get_context_data(self, parent_context=None):
            # Imported here: the testimonial model these work on imports this module.
            from testimonials.advocacy.reconfirmation import (
                deadline_after,
                reconfirmation_cutoff,
                with_customer_confirmed_on,
            )
            from testimonials.models import ReconfirmationRequest

            context = super().get_context_data(parent_context)
            program = program_settings(self.request)
            testimonial = self.instance
            confirmed_on = (
                with_customer_confirmed_on(type(testimonial).objects.filter(pk=testimonial.pk))
                .values_list("customer_confirmed_on", flat=True)
                .first()
            )
            request = (
                ReconfirmationRequest.objects.filter(testimonials=testimonial)
                .order_by("-created_at")
                .first()
            )
            context.update(
                {
                    "confirmed_on": confirmed_on,
                    "overdue": testimonial.live
                    and testimonial.status == testimonial.Status.APPROVED
                    and confirmed_on is not None
                    and confirmed_on < reconfirmation_cutoff(program),
                    "request": request,
                    "deadline": deadline_after(request.sent_at, program)
                    if request and request.sent_at and request.is_open
                    else None,
                    "months": program.reconfirmation_months,
                }
            )
            return context
