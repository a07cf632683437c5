"""Sending invitations and their one reminder, in the background and never faster than
the site allows (ReviewCollectionSettings.invitations_per_minute).

The allowance is counted from the records, not from how tasks were scheduled: a batch
sends at most the per-minute number less what went out in the last minute, so two
batches at once, a command run by cron and a worker's queue cannot add up to more. A
batch that leaves some unsent queues the next one a minute later when the task backend
can defer (the database backend, with a worker); when tasks run at once (no worker),
each run of ``send_invitations`` / ``send_invitation_reminders`` sends the next batch.

The queue holds a word ("invitation" or "reminder"), no personal data. Every customer
gets the same message, in their language, with their signed link to the form and a
link to stop invitations (also as List-Unsubscribe headers, RFC 8058). No tracking
pixel: what is recorded is sent, bounced (the mail server refused the address) and
answered. Any other failure leaves the rest unsent for the next batch or command.
"""

import datetime
import logging
from contextlib import nullcontext
from dataclasses import dataclass
from smtplib import SMTPRecipientsRefused

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, override

from wagtail.models import Site

from django_tasks import task

from home.languages import default_language
from home.page_cache.signals import changed_in_bulk
from testimonials.links import invited_link, unsubscribe_link
from testimonials.models import (
    Invitation,
    InvitationCampaign,
    ReviewCollectionSettings,
    TestimonialSubmissionPage,
)

logger = logging.getLogger(__name__)

INVITATION, REMINDER = "invitation", "reminder"
MINUTE = datetime.timedelta(minutes=1)


def collection_settings():
    """The settings of the default site: campaigns are launched and sent outside any
    request."""
    site = Site.objects.filter(is_default_site=True).first()
    return ReviewCollectionSettings.for_site(site) if site else ReviewCollectionSettings()


def reachable(invitations):
    """Invitations to a customer still on the list, not unsubscribed, whose address
    was not refused."""
    return invitations.filter(
        contact__isnull=False, contact__unsubscribed_at__isnull=True, bounced_at__isnull=True
    )


def unsent(now=None):
    return reachable(Invitation.objects.filter(sent_at__isnull=True))


def reminders_due(now=None):
    """Sent invitations whose campaign's reminder is due, to those who have not
    answered: one reminder each, never two."""
    now = now or timezone.now()
    waits = (
        InvitationCampaign.objects.filter(launched_at__isnull=False, reminder_after_days__gt=0)
        .values_list("reminder_after_days", flat=True)
        .distinct()
    )
    due = Q()
    for days in waits:
        due |= Q(campaign__reminder_after_days=days, sent_at__lte=now - datetime.timedelta(days))
    if not due:
        return Invitation.objects.none()
    return reachable(
        Invitation.objects.filter(due, reminded_at__isnull=True, answered_at__isnull=True)
    )


WAITING = {INVITATION: unsent, REMINDER: reminders_due}


def allowance(now):
    """How many e-mails may go out now: the per-minute limit less those of the last
    minute."""
    since = now - MINUTE
    last_minute = Invitation.objects.filter(
        Q(sent_at__gt=since) | Q(reminded_at__gt=since) | Q(bounced_at__gt=since)
    ).count()
    return max(0, collection_settings().invitations_per_minute - last_minute)


@dataclass(frozen=True)
class Batch:
    sent: int = 0
    bounced: int = 0
    waiting: int = 0
    failure: Exception | None = None


def send_batch(kind=INVITATION):
    """Send as many waiting invitations (or reminders) as the allowance lets, oldest
    first, over one connection; record which went out and which were refused. The
    queries do not grow with the batch."""
    now = timezone.now()
    waiting = WAITING[kind](now)
    limit = allowance(now)
    destinations = Destinations()
    sent, bounced, failure = [], [], None
    with transaction.atomic():
        # Locked while they go out: a second batch at once skips them.
        batch = list(
            waiting.select_related("contact", "product")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("created_at", "pk")[:limit]
        )
        try:
            with get_connection() if batch else nullcontext() as connection:
                for invitation in batch:
                    message = invitation_email(invitation, destinations, kind == REMINDER)
                    if message is None:
                        continue  # no form to invite to yet
                    try:
                        connection.send_messages([message])
                    except SMTPRecipientsRefused:
                        bounced.append(invitation.pk)
                    else:
                        sent.append(invitation.pk)
        except Exception as error:  # the mail server: the rest wait for the next run
            failure = error
            logger.error(
                "Could not send %ss (%r) after %s; the rest stay unsent for the next "
                "batch or send_invitations.",
                kind,
                error,
                len(sent),
            )
        sent_field = "reminded_at" if kind == REMINDER else "sent_at"
        Invitation.objects.filter(pk__in=sent).update(**{sent_field: now})
        Invitation.objects.filter(pk__in=bounced).update(bounced_at=now)
        # Written without signals: the report counting them is made stale here.
        changed_in_bulk(Invitation, Invitation.objects.filter(pk__in=[*sent, *bounced])[:1])
    return Batch(
        sent=len(sent),
        bounced=len(bounced),
        waiting=WAITING[kind](now).count(),
        failure=failure,
    )


@task(queue_name="email")
def send_invitations(kind=INVITATION):
    """One batch, then the next a minute later while some wait (if the backend can
    defer: see the module's docstring). A mail server failure marks the task failed."""
    batch = send_batch(kind)
    if batch.failure is not None:
        raise batch.failure
    follow_up(kind, batch)
    return batch.sent


def follow_up(kind, batch):
    """Queue the next batch a minute from now while some wait, if this one got any
    out (the allowance used by another batch, that batch goes on)."""
    if batch.waiting and (batch.sent or batch.bounced):
        return queue_sending(kind, after=timezone.now() + MINUTE)
    return False


def queue_sending(kind=INVITATION, after=None):
    """Queue a batch: now, or ``after`` a time when the task backend can defer."""
    queued = send_invitations
    if after is not None:
        if not queued.get_backend().supports_defer:
            return False
        queued = queued.using(run_after=after)
    queued.enqueue(kind)
    return True


class Destinations:
    """The live testimonial form in each language, with its site's address: one query
    for a whole batch, whatever its size."""

    def __init__(self):
        self._pages = None

    def page(self, language):
        if self._pages is None:
            self._pages = {}
            for page in TestimonialSubmissionPage.objects.live().select_related("locale"):
                self._pages.setdefault(page.locale.language_code, page)
        return self._pages.get(language) or self._pages.get(default_language())

    @staticmethod
    def root_url(page):
        return page.get_url_parts()[1]


def invitation_email(invitation, destinations, reminder=False):
    """The same message for every customer, in their language; None while there is no
    live form to invite them to."""
    page = destinations.page(invitation.language)
    if page is None:
        return None
    contact = invitation.contact
    with override(invitation.language):
        unsubscribe_url = destinations.root_url(page) + unsubscribe_link.path(contact)
        context = {
            "name": contact.name,
            "product": invitation.product.name,
            "reminder": reminder,
            "invited_url": invited_link.full_url(page, invitation),
            "unsubscribe_url": unsubscribe_url,
        }
        if reminder:
            subject = gettext("Reminder: how has your experience with %(product)s been?")
        else:
            subject = gettext("How has your experience with %(product)s been?")
        return EmailMessage(
            subject=subject % {"product": invitation.product.name},
            body=render_to_string("emails/invitation.txt", context),
            to=[contact.email],
            # RFC 8058: the mail program's own "Unsubscribe" button, one click, a POST.
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
