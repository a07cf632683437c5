from django.core.management.base import BaseCommand

from home.notifications import waiting_note
from testimonials.models.demo_requests import send_unsent_request_emails


class Command(BaseCommand):
    help = "Retry the e-mails to the sales team about demo requests that could not be sent."

    def handle(self, *args, **options):
        sent, waiting = send_unsent_request_emails()
        self.stdout.write(f"Sent e-mails for {sent} demo requests" + waiting_note(waiting))
