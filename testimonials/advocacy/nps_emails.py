"""Survey invitations: each is stored first (by an editor in the admin), then e-mailed
with its own link by a background task. A failure is logged and the next run retries
it."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext, override

from home.notifications import deliver_unsent
from testimonials.advocacy.links import nps_answer_url
from testimonials.models import NpsInvitation


def invitation_emails(invitation):
    """In the language of the survey page it invites to."""
    with override(invitation.survey.locale.language_code):
        context = {"invitation": invitation, "url": nps_answer_url(invitation)}
        return [
            EmailMessage(
                subject=gettext("One question: would you recommend us?"),
                body=render_to_string("emails/nps_invitation.txt", context),
                to=[invitation.email],
            )
        ]


def send_unsent_invitations():
    """Queue every invitation not sent yet, to a survey that is live. Returns (sent,
    waiting)."""
    return deliver_unsent(
        NpsInvitation.objects.filter(survey__live=True),
        invitation_emails,
        what="NPS invitation",
        retry="send_nps_invitations",
        sent_field="sent_at",
    )
