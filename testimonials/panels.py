"""Read-only panels in the editors' forms: what an advocate has done (their timeline),
whether a testimonial's author is still known to be a customer, and the photo they
sent. They work on the
instance they are shown with: the models are built with them and are not imported."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.urls import reverse

from wagtail.admin.panels import Panel

from testimonials.photos import is_advocates_photo
from testimonials.program import deadline_after, program_settings, reconfirmation_cutoff


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    kind: str
    description: str
    url: str = ""


def timeline(advocate):
    """Testimonials and every other activity, newest first. Two queries."""
    if advocate.pk is None:
        return []
    entries = [
        TimelineEntry(
            day=testimonial.submitted_on,
            kind="Testimonial",
            description=(
                f"{testimonial.product}: "
                + (f"{testimonial.rating} out of 5, " if testimonial.rating else "")
                + testimonial.get_status_display().lower()
            ),
            url=reverse("wagtailsnippets_testimonials_testimonial:edit", args=[testimonial.pk]),
        )
        for testimonial in advocate.testimonials.select_related("product")
    ]
    for activity in advocate.activities.select_related("case_study", "reference_request"):
        description = activity.description
        url = activity.link
        if activity.case_study:
            description = description or activity.case_study.title
            url = url or reverse("wagtailadmin_pages:edit", args=[activity.case_study_id])
        if activity.reference_request_id:
            url = url or reverse(
                "wagtailsnippets_testimonials_referencerequest:edit",
                args=[activity.reference_request_id],
            )
        entries.append(TimelineEntry(activity.date, activity.get_kind_display(), description, url))
    return sorted(entries, key=lambda entry: entry.day, reverse=True)


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
            context = super().get_context_data(parent_context)
            program = program_settings(self.request)
            testimonial = self.instance
            confirmed_on = (
                type(testimonial)
                .objects.filter(pk=testimonial.pk)
                .with_customer_confirmed_on()
                .values_list("customer_confirmed_on", flat=True)
                .first()
            )
            request = testimonial.reconfirmation_requests.order_by("-created_at").first()
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


class SentPhotoPanel(Panel):
    """The photo as its author sent it (stripped of metadata), whether or not it is
    public yet, with where it is kept."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "components/admin/sent_photo_panel.html"

        def is_shown(self):
            instance = self.instance
            return bool(instance.pk and is_advocates_photo(instance.photo) and super().is_shown())

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["url"] = reverse("testimonial_photo", args=[self.instance.pk])
            context["photo"] = self.instance.photo
            context["days"] = settings.TESTIMONIAL_REJECTED_PHOTO_DAYS
            return context
