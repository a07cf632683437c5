from django.core.management.base import BaseCommand

from comparisons.models import InaccuracyReport
from comparisons.notifications import send_report_email


class Command(BaseCommand):
    help = "Retry the e-mails to editors about inaccuracy reports that could not be sent."

    def handle(self, *args, **options):
        # A report an editor has already decided needs no announcement.
        unsent = InaccuracyReport.objects.filter(
            notified_at=None, status=InaccuracyReport.Status.NEW
        ).select_related("product", "criterion", "page")
        sent = sum(send_report_email(report) for report in unsent)
        self.stdout.write(f"Sent e-mails for {sent} of {len(unsent)} inaccuracy reports.")
