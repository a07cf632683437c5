from django.core.management.base import BaseCommand

from home.notifications import waiting_note
from testimonials.advocacy.advocates import program_settings
from testimonials.advocacy.reconfirmation import (
    create_requests,
    lapse_unanswered,
    send_unsent_requests,
)


class Command(BaseCommand):
    help = (
        "Run daily. Unpublish testimonials whose authors did not answer within the grace "
        "period, ask authors whose customer status needs re-confirming, and retry "
        "e-mails that could not be sent. Safe to run again: nobody is asked twice."
    )

    def handle(self, *args, **options):
        program = program_settings()
        unpublished = lapse_unanswered(program)
        created = create_requests(program)
        sent, waiting = send_unsent_requests()
        self.stdout.write(
            f"Unpublished {len(unpublished)} testimonials without an answer; "
            f"asked {len(created)} authors; sent {sent} e-mails" + waiting_note(waiting)
        )
