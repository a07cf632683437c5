from home.notifications import SendUnsentCommand
from testimonials.advocacy.reconfirmation import (
    create_requests,
    lapse_unanswered,
    send_unsent_requests,
)
from testimonials.program import program_settings


class Command(SendUnsentCommand):
    help = (
        "Run daily. Unpublish testimonials whose authors did not answer within the grace "
        "period, ask authors whose customer status needs re-confirming, and retry "
        "e-mails that could not be sent. Safe to run again: nobody is asked twice."
    )

    def send_unsent(self):
        program = program_settings()
        unpublished = lapse_unanswered(program)
        created = create_requests(program)
        self.report = (
            f"Unpublished {len(unpublished)} testimonials without an answer; "
            f"asked {len(created)} authors; sent {{sent}} e-mails"
        )
        return send_unsent_requests()
