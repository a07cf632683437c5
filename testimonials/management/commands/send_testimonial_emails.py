from django.core.management.base import BaseCommand

from testimonials.models import Testimonial
from testimonials.notifications import send_submission_emails


class Command(BaseCommand):
    help = "Retry the e-mails of submitted testimonials whose e-mails could not be sent."

    def handle(self, *args, **options):
        unsent = Testimonial.objects.filter(
            notified_at=None, submitted_via__isnull=False
        ).select_related("product", "submitted_via")
        sent = sum(send_submission_emails(testimonial) for testimonial in unsent)
        self.stdout.write(f"Sent e-mails for {sent} of {len(unsent)} testimonials.")
