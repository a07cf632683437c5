"""The e-mail that tells editors about an inaccuracy report. It is sent only after
the report is safely stored, by a background task; a failure is logged and retried
later (send_inaccuracy_report_emails), and never loses the report. The reporter gets
no e-mail: their address is only the reply-to of the editors' one."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext, override

from wagtail.models import Site

from comparisons.models.corrections import InaccuracyReport
from home.models.site_settings import SiteSettings
from home.notifications import deliver, deliver_unsent

logger = logging.getLogger(__name__)

WHAT = "the e-mail for inaccuracy report"
RETRY = "send_inaccuracy_report_emails"


def corrections_address(report):
    site = report.page.get_site() if report.page else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).corrections_email if site else ""


def report_email(report, recipient):
    """In the site's own language, whichever language the report was sent in."""
    with override(settings.LANGUAGE_CODE):
        return _report_email(report, recipient)


def _report_email(report, recipient):
    context = {
        "report": report,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailsnippets_comparisons_inaccuracyreport:edit", args=[report.pk]),
    }
    return EmailMessage(
        subject=gettext("Inaccuracy reported: %(product)s, %(criterion)s")
        % {"product": report.product.name, "criterion": report.criterion.name},
        body=render_to_string("emails/inaccuracy_report.txt", context),
        to=[recipient],
        reply_to=[report.email] if report.email else None,
    )


def report_emails(report):
    recipient = corrections_address(report)
    return [report_email(report, recipient)] if recipient else []


def send_report_email(report):
    """Queue the editors' e-mail, sent once the report is committed."""
    if not corrections_address(report):
        logger.warning(
            "Inaccuracy report %s is stored, but no corrections e-mail is set in the site "
            "settings, so no editor was told.",
            report.pk,
        )
        return
    deliver(report, report_emails, what=WHAT, retry=RETRY)


def send_unsent_report_emails():
    """Returns (sent, waiting). A report an editor has already decided needs no
    announcement."""
    return deliver_unsent(
        InaccuracyReport.objects.filter(status=InaccuracyReport.Status.NEW),
        report_emails,
        what=WHAT,
        retry=RETRY,
    )
