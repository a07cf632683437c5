"""Where replying to a testimonial starts: the address and the label of its action
("Reply publicly", or "Edit reply" once there is one), and who may take it. Read from
a testimonial loaded with its reply, so a listing asks nothing more per row."""

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from testimonials.models import Testimonial

ADD_URL_NAME = "wagtailsnippets_testimonials_testimonialreply:add"
EDIT_URL_NAME = "wagtailsnippets_testimonials_testimonialreply:edit"


def reply_of(testimonial):
    try:
        return testimonial.reply
    except ObjectDoesNotExist:
        return None


def reply_url(testimonial):
    """Where "Reply publicly" or "Edit reply" leads for ``testimonial``."""
    reply = reply_of(testimonial)
    if reply:
        return reverse(EDIT_URL_NAME, args=[reply.pk])
    add_url = reverse(ADD_URL_NAME)
    return f"{add_url}?{urlencode({'testimonial': testimonial.pk})}"


def reply_label(testimonial):
    return _("Edit reply") if reply_of(testimonial) else _("Reply publicly")


def may_reply(user, testimonial):
    permission = "change" if reply_of(testimonial) else "add"
    return (
        testimonial.live
        and testimonial.status == Testimonial.Status.APPROVED
        and user.has_perm(f"testimonials.{permission}_testimonialreply")
    )
