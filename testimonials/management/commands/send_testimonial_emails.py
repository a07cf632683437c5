from django.core.management.base import BaseCommand

from home.notifications import waiting_note
from testimonials.notifications import send_unsent_submission_emails


class Command(BaseCommand):
    help = "Retry the e-mails of submitted testimonials whose e-mails could not be sent."

    def handle(self, *args, **options):
        sent, waiting = send_unsent_submission_emails()
        self.stdout.write(f"Sent e-mails for {sent} testimonials" + waiting_note(waiting))
