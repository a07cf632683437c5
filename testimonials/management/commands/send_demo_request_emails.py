from home.notifications import SendUnsentCommand
from testimonials.models.demo_requests import send_unsent_request_emails


class Command(SendUnsentCommand):
    help = "Retry the e-mails to the sales team about demo requests that could not be sent."
    report = ("Sent e-mails for {sent} demo request", "Sent e-mails for {sent} demo requests")

    def send_unsent(self):
        return send_unsent_request_emails()
