from django.core.management.base import BaseCommand

from comparisons.models import SourceState
from comparisons.sources.tasks import schedule, watch_sources_task
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
            if not watch_sources_task.get_backend().supports_defer:
                self.stderr.write(
                    "This task backend runs tasks at once and cannot queue tomorrow's run: "
                    "run watch_sources daily from cron instead (docs/deploying.md)."
                )
                return
            # A run now, which queues the next one a day later.
            schedule()
            self.stdout.write("The source watcher is queued; each run queues the next, daily.")
            return
        found = watch_sources(urls=url)
        for state in SourceState:
            if found[state]:
                self.stdout.write(f"{state.label}: {found[state]}")
        self.stdout.write(f"Sources checked: {sum(found.values())}")
