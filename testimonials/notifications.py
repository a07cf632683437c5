"""E-mails about a submission. They are sent only after the testimonial is safely
stored; a failure is logged and retried later, and never loses the submission. The
advocate's receipt goes to an address anyone can type, so it carries none of the
words they typed: only Candor's own text and their private link."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext, override

from home.notifications import deliver, deliver_unsent
from testimonials.links import withdrawal_link


def editor_recipients(page):
    return [address.strip() for address in page.notify_emails.split(",") if address.strip()]


def advocate_email(testimonial, page):
    """The advocate's receipt, in the language of the form they used, with a
    withdrawal link to the page in that language."""
    with override(page.locale.language_code):
        context = {
            "testimonial": testimonial,
            "withdraw_url": page.get_site().root_url + withdrawal_link.path(testimonial),
        }
        return EmailMessage(
            subject=gettext("Thank you: your testimonial was received"),
            body=render_to_string("emails/testimonial_received.txt", context),
            to=[testimonial.email],
        )


def editors_email(testimonial, recipients):
    """The editors work in the site's own language."""
    with override(settings.LANGUAGE_CODE):
        context = {
            "testimonial": testimonial,
            "admin_url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/snippets/testimonials/"
            f"testimonial/edit/{testimonial.pk}/",
        }
        return EmailMessage(
            subject=f"New testimonial to moderate: {testimonial.product}",
            body=render_to_string("emails/testimonial_to_moderate.txt", context),
            to=recipients,
        )


def submission_emails(testimonial):
    page = testimonial.submitted_via
    if page is None:
        return []
    messages = [advocate_email(testimonial, page)]
    recipients = editor_recipients(page)
    if recipients:
        messages.append(editors_email(testimonial, recipients))
    return messages


def send_submission_emails(testimonial):
    """Queue both e-mails, sent once the testimonial is committed."""
    deliver(
        testimonial,
        submission_emails,
        what="e-mails for testimonial",
        retry="send_testimonial_emails",
    )


def send_unsent_submission_emails(testimonials):
    """Of ``testimonials``, those sent through the form. Returns (sent, waiting)."""
    return deliver_unsent(
        testimonials.filter(submitted_via__isnull=False),
        submission_emails,
        what="e-mails for testimonial",
        retry="send_testimonial_emails",
    )
