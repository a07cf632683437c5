"""Referral links: /r/<code>/ counts a visit for the advocate (a number per day,
nothing about the visitor) and remembers the referral in a signed first-party cookie,
so that a demo request sent later on this site is counted for them too.

One client counts once a day per link, however often it follows it: reloading, or a
script hitting the link, neither inflates the count nor writes to the database again."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from home.client_ip import client_digest
from home.limits_cache import limits_cache

COOKIE_NAME = "candor_referral"
COOKIE_SALT = "testimonials.referral"
# A referral still counts if the visitor asks for a demo within this time.
COOKIE_MAX_AGE = 30 * 24 * 3600
# How long a counted visit is remembered; its key names the day, so a day is enough.
COUNTED_VISIT_SECONDS = 24 * 3600


def count_visit(request, advocate):
    """Count this client's visit through the advocate's link, once a day. Whether it
    was counted is kept in the shared store of limits, under a hash of the address."""
    day = timezone.localdate()
    counted = "referral-visit:" + client_digest(request, f"referral:{advocate.pk}:{day}")
    if limits_cache().add(counted, True, COUNTED_VISIT_SECONDS):
        record_visit(advocate, day)


def record_visit(advocate, day=None):
    """Add one to the advocate's count for the day, safely under concurrent visits."""
    day = day or timezone.localdate()
    counts = advocate.referral_visit_days.filter(day=day)
    if counts.update(visits=F("visits") + 1):
        return
    try:
        with transaction.atomic():
            advocate.referral_visit_days.create(day=day, visits=1)
    except IntegrityError:
        counts.update(visits=F("visits") + 1)


def remember_referral(response, advocate):
    response.set_signed_cookie(
        COOKIE_NAME,
        str(advocate.pk),
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def referring_advocate(request, advocates):
    """The one of ``advocates`` whose link brought this visitor, if the cookie is
    genuine and recent."""
    advocate_id = request.get_signed_cookie(
        COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
    )
    if not (advocate_id and advocate_id.isdigit()):
        return None
    return advocates.filter(pk=int(advocate_id)).first()
