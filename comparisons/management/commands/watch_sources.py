from django.core.management.base import BaseCommand

from comparisons.models import SourceState
from comparisons.sources.tasks import schedule
from comparisons.sources.watch import watch_sources


class Command(BaseCommand):
    help = (
        "Check every source that facts cite (or one, with --url) and flag the facts whose "
        "source changed since they were verified. --schedule queues the daily task instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", action="append", help="Check only this source URL.")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the daily task for the background worker, and return.",
        )

    def handle(self, *args, url=None, **options):
        if options["schedule"]:
            # A run now, which queues the next one a day later.
            schedule()
            self.stdout.write(
                "The source watcher is queued; once a worker runs it, it queues itself "
                "for the next day (with a backend that can defer tasks: TASKS_BACKEND=database)."
            )
            return
        found = watch_sources(urls=url)
        for state in SourceState:
            if found[state]:
                self.stdout.write(f"{state.label}: {found[state]}")
        self.stdout.write(f"Sources checked: {sum(found.values())}")
