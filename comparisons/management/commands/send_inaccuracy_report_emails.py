from comparisons.inaccuracy_reports import send_unsent_report_emails
from comparisons.models import InaccuracyReport
from home.notifications import SendUnsentCommand


class Command(SendUnsentCommand):
    help = "Retry the e-mails to editors about inaccuracy reports that could not be sent."
    report = (
        "Sent e-mails for {sent} inaccuracy report",
        "Sent e-mails for {sent} inaccuracy reports",
    )

    def send_unsent(self):
        return send_unsent_report_emails(InaccuracyReport.objects.all())
