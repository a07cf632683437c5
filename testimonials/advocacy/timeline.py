"""Everything an advocate has done for us, in one list with dates."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import timezone


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
            day=timezone.localdate(testimonial.submitted_at),
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
