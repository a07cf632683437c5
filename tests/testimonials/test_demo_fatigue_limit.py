"""The demo asks no advocate more than the fatigue limit allows in any quarter, whatever
the day it is loaded: its dates are counted back from that day, and near the end of a
quarter more of them fall into one."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Site

import pytest
import time_machine

from home.models import SiteSettings
from testimonials.models import Advocate, ReferenceRequest

pytestmark = pytest.mark.django_db


def over_the_limit(limit):
    """Each advocate asked more than ``limit`` times in a quarter, with that load."""
    over = []
    for advocate in Advocate.objects.all():
        days = {activity.date for activity in advocate.activities.all()} | {
            timezone.localdate(testimonial.submitted_at)
            for testimonial in advocate.testimonials.all()
        }
        for day in sorted(days):
            load = Advocate.objects.with_load(day).get(pk=advocate.pk).load
            if load > limit:
                over.append(f"{advocate.name}: {load} of {limit} in the quarter of {day}")
    return over


@pytest.mark.parametrize("day", ["2026-11-26", "2026-12-31", "2027-01-01", "2027-02-14"])
def test_whatever_the_day_the_demo_is_loaded_nobody_is_past_the_limit(day):
    with time_machine.travel(datetime.datetime.fromisoformat(f"{day}T12:00:00+00:00")):
        call_command("load_demo_content", verbosity=0)

        limit = SiteSettings.for_site(Site.objects.get(is_default_site=True)).fatigue_limit
        assert over_the_limit(limit) == []
        assert ReferenceRequest.objects.filter(status="approved", advocate__isnull=False).exists()
