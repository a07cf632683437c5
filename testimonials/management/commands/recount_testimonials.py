from django.core.management.base import BaseCommand

from testimonials.tallies import recount


class Command(BaseCommand):
    help = (
        "Count every product's testimonials afresh and store the figures pages show (the "
        "ratings and the moderation record). Run it after writing testimonials without "
        "Candor's code, such as a bulk load straight into the database; anything else "
        "keeps them counted."
    )

    def handle(self, *args, **options):
        counted = recount()
        self.stdout.write(f"Counted the testimonials of {counted} products.")
