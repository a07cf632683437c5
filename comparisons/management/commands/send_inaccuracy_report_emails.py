from django.core.management.base import BaseCommand

from comparisons.notifications import send_unsent_report_emails
from home.notifications import waiting_note


class Command(BaseCommand):
    help = "Retry the e-mails to editors about inaccuracy reports that could not be sent."

    def handle(self, *args, **options):
        sent, waiting = send_unsent_report_emails()
        self.stdout.write(f"Sent e-mails for {sent} inaccuracy reports" + waiting_note(waiting))
