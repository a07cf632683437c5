from home.notifications import SendUnsentCommand
from testimonials.advocacy.nps import send_unsent_invitations


class Command(SendUnsentCommand):
    help = "E-mail the NPS invitations added in the admin that have not been sent yet."
    report = ("Sent {sent} invitation", "Sent {sent} invitations")

    def send_unsent(self):
        return send_unsent_invitations()
