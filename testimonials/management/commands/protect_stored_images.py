from django.core.management.base import BaseCommand

from testimonials.photo_upgrade import protect_stored_images


class Command(BaseCommand):
    help = (
        "Strip and rename the images stored before Candor did so, and keep advocates' "
        "photos among them private, as the upgrade did; for images whose file was missing "
        "then. Images already done are left alone."
    )

    def handle(self, *args, **options):
        done, missing = protect_stored_images()
        self.stdout.write(
            f"Stripped and renamed {done} images; {missing} left because their file is missing."
        )
