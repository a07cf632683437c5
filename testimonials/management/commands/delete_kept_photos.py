from django.core.management.base import BaseCommand

from testimonials.kept_photos import delete_expired


class Command(BaseCommand):
    help = (
        "Run daily. Delete the photos kept while advocates corrected the testimonial form, "
        "once the form they were kept for has expired (a day)."
    )

    def handle(self, *args, **options):
        deleted = delete_expired()
        self.stdout.write(f"Deleted {deleted} kept photos of expired testimonial forms.")
