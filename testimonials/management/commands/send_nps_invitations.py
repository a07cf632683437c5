from django.core.management.base import BaseCommand

from home.notifications import waiting_note
from testimonials.advocacy.nps import send_unsent_invitations


class Command(BaseCommand):
    help = "E-mail the NPS invitations added in the admin that have not been sent yet."

    def handle(self, *args, **options):
        sent, waiting = send_unsent_invitations()
        self.stdout.write(f"Sent {sent} invitations" + waiting_note(waiting))
