"""Fill an empty, freshly migrated database with the large data set that
``bench/run.py`` serves: 20 products, 200 criteria, a fact for every product and
criterion, 5,000 testimonials, 200 case studies and 50 comparison pages."""

from django.core.management.base import BaseCommand, CommandError

from home.bench_data import BenchData, DatabaseNotEmpty, check_empty


class Command(BaseCommand):
    help = "Load the large benchmark data set into an empty database (refuses otherwise)."

    def handle(self, *args, **options):
        try:
            check_empty()
        except DatabaseNotEmpty as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Loading the benchmark data set:")
        counts = BenchData(log=self.stdout.write).load()
        seconds = counts.pop("seconds")
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Benchmark data ready in {seconds} s: {summary}."))
