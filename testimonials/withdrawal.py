"""The author's private link, to change or withdraw what they wrote: signed, so only
the advocate who received one can use it, and valid for as long as the testimonial
exists. Its address still says "withdraw": links already e-mailed keep working."""

from django.core import signing
from django.urls import reverse

SALT = "testimonials.withdraw"


def withdrawal_token(testimonial):
    return signing.dumps(testimonial.pk, salt=SALT)


def testimonial_id_from(token):
    """The testimonial a token was made for, or None if it was altered or made up."""
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None


def withdrawal_path(testimonial):
    return reverse("testimonial_change_or_withdraw", args=[withdrawal_token(testimonial)])
