"""Sending e-mail about something already stored: the record is never lost to a mail
failure. On success the record says when the mail went out; on failure the error is
logged and a management command sends it on its next run."""

import logging

from django.core.mail import get_connection
from django.utils import timezone

logger = logging.getLogger(__name__)


def deliver(stored, messages, *, what, retry, sent_field="notified_at", now=None):
    """Send ``messages`` about ``stored``; True if they went out. ``what`` names them in
    the log ("e-mails for testimonial"), ``retry`` is the command that tries again."""
    try:
        get_connection().send_messages(messages)
    except Exception:
        logger.exception(
            "Could not send %s %s; it is stored and %s will send it on its next run.",
            what,
            stored.pk,
            retry,
        )
        return False
    type(stored).objects.filter(pk=stored.pk).update(**{sent_field: now or timezone.now()})
    return True
