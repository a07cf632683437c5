from django.conf import settings
from django.core.management.base import BaseCommand

from testimonials.personal_data import delete_photos_past_reconsideration


class Command(BaseCommand):
    help = (
        "Run daily. Delete the photos advocates sent with testimonials rejected more than "
        "TESTIMONIAL_REJECTED_PHOTO_DAYS ago, or withdrawn, files and renditions included."
    )

    def handle(self, *args, **options):
        deleted = delete_photos_past_reconsideration()
        self.stdout.write(
            f"Deleted the photos of {deleted} testimonials rejected more than "
            f"{settings.TESTIMONIAL_REJECTED_PHOTO_DAYS} days ago or withdrawn."
        )
