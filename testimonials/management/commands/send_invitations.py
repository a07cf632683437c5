from home.notifications import SendUnsentCommand
from testimonials.invitations.sending import INVITATION, follow_up, send_batch


class Command(SendUnsentCommand):
    help = (
        "Send the next batch of campaign invitations not sent yet (at most the per-minute "
        "number of the review collection settings): run it every minute when no worker "
        "sends them, and to retry after a mail server failure."
    )
    report = ("Sent {sent} invitation", "Sent {sent} invitations")
    kind = INVITATION

    def send_unsent(self):
        batch = send_batch(self.kind)
        follow_up(self.kind, batch)
        return batch.sent, batch.waiting
