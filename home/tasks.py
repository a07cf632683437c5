"""Background tasks. They run beside the request, never in it: in a worker process
(``manage.py db_worker``) when TASKS_BACKEND is ``database``, at once otherwise."""

import logging

from django.apps import apps
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from django_tasks import task

logger = logging.getLogger(__name__)


# A queue of its own: a mail server that keeps the worker waiting holds up no other task.
@task(queue_name="email")
def send_notification(model, pk, *, compose, what, retry, sent_field="notified_at"):
    """Send the e-mails ``compose`` writes about a stored record and record when they
    went out. Arguments are names and ids, so the queue holds no personal data: the
    e-mails are written from the record as it is when they are sent. A failure is logged
    and raised, so the task is marked failed; the record stays unsent for ``retry``."""
    manager = apps.get_model(model)._default_manager
    # The record's row stays locked while its e-mails go out: a second worker, or a
    # retry queued meanwhile, waits and then finds it sent, so nobody gets it twice.
    with transaction.atomic():
        record = manager.select_for_update().filter(pk=pk, **{sent_field: None}).first()
        if record is None:
            return False  # sent by an earlier task, or erased since
        now = timezone.now()
        try:
            messages = import_string(compose)(record)
            if messages:
                get_connection().send_messages(messages)
        except Exception as error:
            # The task framework logs the traceback when it marks the task failed.
            logger.error(
                "Could not send %s %s (%r); it is stored and %s will send it on its next run.",
                what,
                pk,
                error,
                retry,
            )
            raise
        if not messages:
            return False
        manager.filter(pk=pk).update(**{sent_field: now})
    return True
