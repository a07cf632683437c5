"""Launching a campaign: one invitation for every customer of the segment who may be
asked. Who may not, and why, is decided here and nowhere else, for the admin's button,
the confirmation page and the ``launch_campaign`` command alike:

- unsubscribed customers are never asked;
- nobody is asked about the same product twice within the site's interval
  (ReviewCollectionSettings.invitation_interval_days), whichever campaign asked them.

Nobody else is left out: not by hand, not by how happy they seem (testimonials.segments).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from comparisons.models import Product
from home.page_cache.signals import changed_in_bulk
from testimonials.models import CustomerContact, Invitation, InvitationCampaign

from .sending import collection_settings, queue_sending


@dataclass(frozen=True)
class LaunchPlan:
    """What launching a campaign now does: how many are invited, and how many are
    skipped, for which reason."""

    invited: int
    unsubscribed: int
    recently_invited: int
    interval_days: int

    @property
    def skipped(self):
        return self.unsubscribed + self.recently_invited


def recently_invited(campaign, interval_days, now):
    """Whether a customer was invited about the campaign's product within the
    interval, by any campaign."""
    since = now - datetime.timedelta(days=interval_days)
    return Exists(
        Invitation.objects.filter(
            contact=OuterRef("pk"), product=campaign.product_id, created_at__gte=since
        )
    )


def customers_of(campaign):
    # By id: an aggregate over contacts()'s DISTINCT would drop its conditions.
    return CustomerContact.objects.filter(pk__in=campaign.contacts().values("pk"))


def plan(campaign, now=None):
    """What launching ``campaign`` would do now, in one query."""
    interval = collection_settings().invitation_interval_days
    recent = recently_invited(campaign, interval, now or timezone.now())
    reachable = Q(unsubscribed_at__isnull=True)
    counts = customers_of(campaign).aggregate(
        invited=Count("pk", filter=reachable & ~recent),
        unsubscribed=Count("pk", filter=~reachable),
        recently_invited=Count("pk", filter=reachable & recent),
    )
    return LaunchPlan(interval_days=interval, **counts)


def launch(campaign, by=None):
    """Invite every customer of the campaign who may be asked, once: the number
    invited, or None if it had already been launched. Sending is queued once the
    invitations are stored (testimonials.invitations.sending)."""
    now = timezone.now()
    with transaction.atomic():
        # Claimed first: of two launches at once, the second finds it launched.
        claimed = InvitationCampaign.objects.filter(pk=campaign.pk, launched_at=None).update(
            launched_at=now, launched_by=by
        )
        if not claimed:
            return None
        campaign.launched_at, campaign.launched_by = now, by
        # One launch per product at a time: two campaigns launched at once would each
        # miss the other's invitations and ask a customer twice within the interval.
        list(Product.objects.select_for_update().filter(pk=campaign.product_id).values("pk"))
        interval = collection_settings().invitation_interval_days
        askable = customers_of(campaign).filter(
            ~recently_invited(campaign, interval, now), unsubscribed_at__isnull=True
        )
        rows = askable.values_list("pk", "language")
        invitations = Invitation.objects.bulk_create(
            Invitation(
                campaign=campaign,
                contact_id=pk,
                product_id=campaign.product_id,
                language=language,
                created_at=now,
            )
            for pk, language in rows
        )
        # Written without signals: the report counting them is made stale here.
        changed_in_bulk(InvitationCampaign, [campaign])
        transaction.on_commit(queue_sending)
    return len(invitations)
