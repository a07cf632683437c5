from home.notifications import SendUnsentCommand
from testimonials.models import Testimonial
from testimonials.notifications import send_unsent_submission_emails


class Command(SendUnsentCommand):
    help = "Retry the e-mails of submitted testimonials whose e-mails could not be sent."
    report = ("Sent e-mails for {sent} testimonial", "Sent e-mails for {sent} testimonials")

    def send_unsent(self):
        return send_unsent_submission_emails(Testimonial.objects.all())
