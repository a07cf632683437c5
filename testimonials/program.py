"""The advocate program's settings and the limits they set. How much we ask of each
advocate: one limit per calendar quarter, whatever they did (testimonials, case
studies, reference calls, events, reviews), counted for every advocate in one query.
How long a customer's word that they are one holds, and how long they have to answer
when asked again.

Nothing here imports the models: the models are built with it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from wagtail.models import Site

from home.charts import months_before
from home.models import SiteSettings


def program_settings(request=None):
    """The advocate program's settings (periods, limits): those of the request's site,
    or of the default site for commands and admin forms."""
    if request is not None:
        return SiteSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else SiteSettings()


def quarter_of(day):
    """The first and last day of the calendar quarter ``day`` falls in."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = datetime.date(day.year, first_month, 1)
    if first_month == 10:
        following = datetime.date(day.year + 1, 1, 1)
    else:
        following = datetime.date(day.year, first_month + 3, 1)
    return start, following - datetime.timedelta(days=1)


def reconfirmation_cutoff(program, today=None):
    """Authors who last confirmed before this day must be asked again."""
    return months_before(today or timezone.localdate(), program.reconfirmation_months)


def deadline_after(sent_at, program):
    """When a request lapses unanswered: the grace period after its e-mail went out."""
    return sent_at + datetime.timedelta(days=program.reconfirmation_grace_days)


def load_label(load, limit):
    label = f"{load} of {limit} this quarter"
    return f"{label}, at the limit" if load >= limit else label


def check_fatigue_limit(advocate, limit, day=None):
    """Refuse, with the reason, one more request of an advocate at their limit."""
    day = day or timezone.localdate()
    load = type(advocate).objects.with_load(day).get(pk=advocate.pk).load
    if load >= limit:
        start, end = quarter_of(day)
        raise ValidationError(
            f"{advocate.name} has already been asked {load} "
            f"time{'s' if load != 1 else ''} between {date_format(start, 'j F')} and "
            f"{date_format(end, 'j F Y')} "
            f"(testimonials, case studies, reference calls, events and reviews together). "
            f"The fatigue limit is {limit} a quarter: choose someone else, or raise the "
            f"limit in site settings."
        )
    return load


def over_limit_warning(advocate, limit, day):
    """What an editor who logged something on ``day`` is told when it puts the advocate
    past the limit in that quarter; None when it does not. A warning, not a refusal:
    what is logged has happened."""
    load = type(advocate).objects.with_load(day).get(pk=advocate.pk).load
    if load <= limit:
        return None
    start, end = quarter_of(day)
    asked = ngettext(
        "%(name)s has now been asked %(load)d time between %(start)s and %(end)s",
        "%(name)s has now been asked %(load)d times between %(start)s and %(end)s",
        load,
    ) % {
        "name": advocate.name,
        "load": load,
        "start": date_format(start, "j F"),
        "end": date_format(end, "j F Y"),
    }
    over = gettext(
        "over the fatigue limit of %(limit)d a quarter. The activity is recorded; give "
        "them a rest, and ask someone else next."
    ) % {"limit": limit}
    return f"{asked}: {over}"


def count_per_advocate(queryset, field="advocate", aggregate=None):
    """A subquery giving, for the advocate of the outer query, how many rows of
    ``queryset`` are theirs (or the sum of ``aggregate``); 0 when none."""
    aggregate = aggregate or Count("pk")
    per_advocate = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(total=aggregate)
        .values("total")
    )
    return Coalesce(Subquery(per_advocate, output_field=IntegerField()), Value(0))


class AdvocateQuerySet(models.QuerySet):
    def with_load(self, day=None):
        """Annotate ``load``: how often each advocate was asked in the quarter of
        ``day``, their testimonials and other activities counted together. One query,
        however many advocates."""
        Testimonial = self.related_model("testimonials")
        start, end = quarter_of(day or timezone.localdate())
        testimonials = Testimonial.objects.filter(submitted_at__date__range=(start, end)).exclude(
            status=Testimonial.Status.REJECTED
        )
        activities = self.related_model("activities").objects.filter(date__range=(start, end))
        return self.annotate(
            testimonial_load=count_per_advocate(testimonials),
            activity_load=count_per_advocate(activities),
            load=models.F("testimonial_load") + models.F("activity_load"),
        )

    def least_asked_first(self, day=None):
        return self.with_load(day).order_by("load", "name", "pk")

    def at_fatigue_limit(self, limit, day=None):
        return self.with_load(day).filter(load__gte=limit)

    def with_referral_counts(self):
        """Annotate ``referral_visits`` and ``referral_conversions`` (demo requests)."""
        return self.annotate(
            referral_visits=count_per_advocate(
                self.related_model("referral_visit_days").objects.all(), aggregate=Sum("visits")
            ),
            referral_conversions=count_per_advocate(
                self.related_model("referred_demo_requests").objects.all(), field="referred_by"
            ),
        )

    def related_model(self, relation):
        """The model on the other side of one of the advocate's relations."""
        return self.model._meta.get_field(relation).related_model
