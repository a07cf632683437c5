"""Survey invitations: each is stored first (by an editor in the admin), then e-mailed
with its own link. A failure is logged and the next run retries it."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, override

from home.notifications import deliver
from testimonials.advocacy.links import nps_answer_url
from testimonials.models import NpsInvitation


def invitation_email(invitation):
    """In the language of the survey page it invites to."""
    with override(invitation.survey.locale.language_code):
        context = {"invitation": invitation, "url": nps_answer_url(invitation)}
        return EmailMessage(
            subject=gettext("One question: would you recommend us?"),
            body=render_to_string("emails/nps_invitation.txt", context),
            to=[invitation.email],
        )


def send_unsent_invitations(now=None):
    """Returns (sent, failed)."""
    now = now or timezone.now()
    sent = failed = 0
    for invitation in NpsInvitation.objects.filter(sent_at=None).select_related("survey__locale"):
        if not invitation.survey.live:
            continue
        if deliver(
            invitation,
            [invitation_email(invitation)],
            what="NPS invitation",
            retry="send_nps_invitations",
            sent_field="sent_at",
            now=now,
        ):
            sent += 1
        else:
            failed += 1
    return sent, failed
