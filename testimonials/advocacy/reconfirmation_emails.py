"""The re-confirmation e-mail. Sent by a background task once its request is stored; a
failure is logged and the next run retries it. The grace period starts when it is
sent."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, override

from wagtail.models import Site

from home.notifications import deliver_unsent
from testimonials.advocacy.links import reconfirmation_path
from testimonials.advocacy.program import program_settings
from testimonials.advocacy.reconfirmation import deadline_after
from testimonials.models import ReconfirmationRequest


def site_root_url():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def author_language(testimonials):
    """The language the author wrote in: that of the form they used, if any."""
    for testimonial in testimonials:
        if testimonial.submitted_via:
            return testimonial.submitted_via.locale.language_code
    return settings.LANGUAGE_CODE


def reconfirmation_email(request, program, now):
    testimonials = list(
        request.testimonials.select_related("product", "submitted_via__locale").order_by(
            "submitted_at"
        )
    )
    with override(author_language(testimonials)):
        context = {
            "name": request.advocate.name if request.advocate else testimonials[0].author_name,
            "products": ", ".join(sorted({t.product.name for t in testimonials})),
            "url": site_root_url() + reconfirmation_path(request),
            "deadline": deadline_after(now, program),
        }
        return EmailMessage(
            subject=gettext("Are you still a customer? One click keeps your testimonial up"),
            body=render_to_string("emails/reconfirmation_request.txt", context),
            to=[request.email],
        )


def reconfirmation_emails(request):
    # Written as it is sent: the grace period starts when the e-mail goes out.
    return [reconfirmation_email(request, program_settings(), timezone.now())]


def send_unsent():
    """Queue every stored request whose e-mail has not gone out. Returns (sent,
    waiting)."""
    return deliver_unsent(
        ReconfirmationRequest.objects.filter(outcome=ReconfirmationRequest.Outcome.WAITING),
        reconfirmation_emails,
        what="re-confirmation request",
        retry="send_reconfirmation_requests",
        sent_field="sent_at",
    )
