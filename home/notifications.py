"""Sending e-mail about something already stored: the record is never lost to a mail
failure, and no request waits on the mail server. The e-mails are queued as a
background task once the record is committed (home.tasks); on success the record says
when they went out; on failure the error is logged, the task is marked failed and a
management command queues them again on its next run."""

from functools import partial

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import ngettext

from home.tasks import send_notification


def deliver(stored, compose, *, what, retry, sent_field="notified_at"):
    """Queue the e-mails ``compose(stored)`` writes, once ``stored`` is committed.
    ``compose`` is a module-level function, as the worker imports it by name; ``what``
    names the e-mails in the log ("e-mails for testimonial"), ``retry`` is the command
    that tries again, and ``sent_field`` the record's field that says they went out."""
    transaction.on_commit(
        partial(_queue, stored, compose, what=what, retry=retry, sent_field=sent_field)
    )


def deliver_unsent(queryset, compose, *, what, retry, sent_field="notified_at"):
    """For the retry commands: queue the e-mails of every record in ``queryset`` that
    has not been sent (they are stored already: no commit to wait for). Returns (sent,
    waiting): with tasks run at once, waiting are those that failed again; with a
    worker, those it has still to send."""
    unsent = list(queryset.filter(**{sent_field: None}))
    for record in unsent:
        _queue(record, compose, what=what, retry=retry, sent_field=sent_field)
    sent = (
        queryset.model._default_manager.filter(pk__in=[record.pk for record in unsent])
        .exclude(**{sent_field: None})
        .count()
    )
    return sent, len(unsent) - sent


def _queue(stored, compose, *, what, retry, sent_field):
    # Names and ids only: the queue is stored as JSON and holds no personal data.
    send_notification.enqueue(
        stored._meta.label_lower,
        stored.pk,
        compose=f"{compose.__module__}.{compose.__qualname__}",
        what=what,
        retry=retry,
        sent_field=sent_field,
    )


def waiting_note(waiting):
    """How the retry commands end their one-line report."""
    if not waiting:
        return "."
    return f"; {waiting} not sent yet (queued for the worker, or failing: see the log)."


class SendUnsentCommand(BaseCommand):
    """A retry command: ``send_unsent()`` queues the e-mails of every stored record not
    sent yet (through ``deliver_unsent``) and returns (sent, waiting); ``report`` says
    what was sent, with ``{sent}`` in it: one text, or a pair (one, several) chosen by
    the count ("Sent 1 invitation", "Sent 2 invitations")."""

    report = "Sent {sent}"

    def send_unsent(self):
        raise NotImplementedError

    def handle(self, *args, **options):
        sent, waiting = self.send_unsent()
        self.stdout.write(self.describe(sent) + waiting_note(waiting))

    def describe(self, sent):
        report = self.report
        if not isinstance(report, str):
            report = ngettext(*report, sent)
        return report.format(sent=sent)
