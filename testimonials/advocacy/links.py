"""Private links sent by e-mail. A re-confirmation link is signed, so only the person
who received it can use it; an NPS invitation carries a random token of its own
(Wagtail's page paths take letters, digits, "-" and "_" only)."""

from django.core import signing
from django.urls import reverse

RECONFIRMATION_SALT = "testimonials.reconfirm"


def reconfirmation_token(reconfirmation):
    return signing.dumps(reconfirmation.pk, salt=RECONFIRMATION_SALT)


def reconfirmation_id_from(token):
    """The request a token was made for, or None if it was altered or made up."""
    try:
        return signing.loads(token, salt=RECONFIRMATION_SALT)
    except signing.BadSignature:
        return None


def reconfirmation_path(reconfirmation):
    return reverse("testimonial_reconfirm", args=[reconfirmation_token(reconfirmation)])


def nps_answer_url(invitation):
    survey = invitation.survey
    return survey.get_full_url() + survey.reverse_subpage("answer", args=[invitation.token])
