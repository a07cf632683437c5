from django.utils.translation import ngettext

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
        self.done = [
            ngettext(
                "Unpublished %(count)d testimonial without an answer",
                "Unpublished %(count)d testimonials without an answer",
                len(unpublished),
            )
            % {"count": len(unpublished)},
            ngettext("asked %(count)d author", "asked %(count)d authors", len(created))
            % {"count": len(created)},
        ]
        return send_unsent_requests()

    def describe(self, sent):
        sent_mail = ngettext("sent %(count)d e-mail", "sent %(count)d e-mails", sent)
        return "; ".join([*self.done, sent_mail % {"count": sent}])
