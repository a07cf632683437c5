"""The watcher as a background task that runs once a day.

Started once (``manage.py watch_sources --schedule``), it queues its own next run a day
later, so a database worker (``manage.py db_worker``) keeps it going. A backend that runs
tasks at once cannot defer one: there the run happens and nothing more is queued; use
cron with ``manage.py watch_sources`` instead (docs/deploying.md)."""

import logging
from datetime import timedelta

from django.utils import timezone

from django_tasks import task

from .watch import watch_sources

logger = logging.getLogger(__name__)

DAY = timedelta(days=1)


@task(queue_name="default")
def watch_sources_task(reschedule=True):
    try:
        found = watch_sources()
    finally:
        # Tomorrow's run is queued even if today's failed (the worker logs why):
        # one bad day must not stop the watching for good.
        if reschedule:
            schedule(after=timezone.now() + DAY)
    logger.info("Source watcher: %s", summary(found))
    return {str(state): count for state, count in found.items()}


def schedule(after=None):
    """Queue a run (now, or ``after`` when the backend can defer). False when the
    backend cannot defer it."""
    queued = watch_sources_task
    if after is not None:
        if not queued.get_backend().supports_defer:
            return False
        queued = queued.using(run_after=after)
    queued.enqueue()
    return True


def summary(found):
    return ", ".join(f"{state.label}: {count}" for state, count in sorted(found.items())) or "-"
