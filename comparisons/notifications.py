"""The e-mail that tells editors about an inaccuracy report. It is sent only after
the report is safely stored; a failure is logged and retried later
(send_inaccuracy_report_emails), and never loses the report."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext, override

from wagtail.models import Site

from home.models.site_settings import SiteSettings
from home.notifications import deliver

logger = logging.getLogger(__name__)


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


def send_report_email(report):
    """Tell the editors; on success record it, on failure log it for a retry."""
    recipient = corrections_address(report)
    if not recipient:
        logger.warning(
            "Inaccuracy report %s is stored, but no corrections e-mail is set in the site "
            "settings, so no editor was told.",
            report.pk,
        )
        return False
    return deliver(
        report,
        [report_email(report, recipient)],
        what="the e-mail for inaccuracy report",
        retry="send_inaccuracy_report_emails",
    )
