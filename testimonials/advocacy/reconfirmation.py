"""Testimonials stay up only while their authors are customers. Each published
testimonial from a customer needs its author to have said so within the period set in
site settings: by submitting it, as an advocate (their re-confirmed date), or by
answering a re-confirmation e-mail. When that is older than the period the author is
asked again; without an answer in the grace period the testimonial is unpublished.
Nothing is deleted, and every step is recorded.

The e-mail is sent by a background task once its request is stored; a failure is
logged and the next run retries it. The grace period starts when it is sent."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, override

from wagtail.actions.unpublish import UnpublishAction
from wagtail.models import Site

from home.notifications import deliver_unsent
from testimonials.links import reconfirmation_link
from testimonials.models import Advocate, ReconfirmationRequest, Testimonial
from testimonials.program import deadline_after, program_settings, reconfirmation_cutoff

# Recorded in each testimonial's history (registered in testimonials/wagtail_hooks.py).
LAPSED_ACTION = "candor.reconfirmation_lapsed"
NO_LONGER_CUSTOMER_ACTION = "candor.no_longer_customer"


def needing_reconfirmation(program, today=None):
    """Published customer testimonials whose author's confirmation is too old: the
    ones flagged to editors, whether or not the author has been asked yet."""
    open_request = ReconfirmationRequest.objects.filter(
        testimonials=OuterRef("pk"), outcome=ReconfirmationRequest.Outcome.WAITING
    )
    return (
        Testimonial.objects.public()
        .filter(relationship=Testimonial.Relationship.CUSTOMER)
        .with_customer_confirmed_on()
        .filter(customer_confirmed_on__lt=reconfirmation_cutoff(program, today))
        .annotate(
            asked_at=Subquery(open_request.order_by("-created_at").values("sent_at")[:1]),
            has_open_request=Exists(open_request),
        )
    )


def create_requests(program, now=None):
    """One request per author for their testimonials that need it and are not
    waiting for an answer already. Stored before any e-mail is sent."""
    now = now or timezone.now()
    due = (
        needing_reconfirmation(program, timezone.localdate(now))
        .filter(has_open_request=False)
        .select_related("advocate")
        .order_by("pk")
    )
    by_author = defaultdict(list)
    for testimonial in due:
        advocate = testimonial.advocate
        email = advocate.email if advocate else testimonial.email
        by_author[(email.lower(), advocate)].append(testimonial)
    created = []
    with transaction.atomic():
        for (email, advocate), testimonials in by_author.items():
            request = ReconfirmationRequest.objects.create(
                email=email, advocate=advocate, created_at=now
            )
            request.testimonials.set(testimonials)
            created.append(request)
    return created


def lapse_unanswered(program, now=None):
    """Unpublish what is still unconfirmed once the grace period has passed since the
    e-mail was sent. A request whose e-mail never went out never lapses."""
    now = now or timezone.now()
    overdue = ReconfirmationRequest.objects.filter(
        outcome=ReconfirmationRequest.Outcome.WAITING,
        sent_at__lte=now - datetime.timedelta(days=program.reconfirmation_grace_days),
    )
    unpublished = []
    for request in overdue:
        with transaction.atomic():
            asked_on = timezone.localdate(request.created_at)
            still_unconfirmed = (
                request.testimonials.public()
                .with_customer_confirmed_on()
                .filter(customer_confirmed_on__lt=asked_on)
            )
            for testimonial in still_unconfirmed:
                unpublish(testimonial, LAPSED_ACTION)
                unpublished.append(testimonial)
            request.outcome = ReconfirmationRequest.Outcome.LAPSED
            request.closed_at = now
            request.save(update_fields=["outcome", "closed_at"])
    return unpublished


def answer(request, still_customer, now=None):
    """The author's answer through their link. Confirming keeps every testimonial they
    were asked about (and, for an advocate, renews their status); saying they are no
    longer a customer unpublishes them at once. A late answer is recorded too, but
    what has been unpublished stays so until an editor publishes it again."""
    now = now or timezone.now()
    Outcome = ReconfirmationRequest.Outcome
    with transaction.atomic():
        request = ReconfirmationRequest.objects.select_for_update().get(pk=request.pk)
        if request.outcome in (Outcome.CONFIRMED, Outcome.NO_LONGER):
            return request
        request.outcome = Outcome.CONFIRMED if still_customer else Outcome.NO_LONGER
        request.answered_at = now
        request.closed_at = request.closed_at or now
        request.save(update_fields=["outcome", "answered_at", "closed_at"])
        if request.advocate_id and still_customer:
            Advocate.objects.filter(pk=request.advocate_id).update(
                reconfirmed_on=timezone.localdate(now)
            )
        if not still_customer:
            for testimonial in request.testimonials.public():
                unpublish(testimonial, NO_LONGER_CUSTOMER_ACTION)
    return request


def unpublish(testimonial, action):
    """Take it off the site the way an editor would, recorded in its history. The
    testimonial, its revisions and its approval stay."""
    UnpublishAction(testimonial, user=None, log_action=action).execute(skip_permission_checks=True)


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
            "url": site_root_url() + reconfirmation_link.path(request),
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


def send_unsent_requests():
    """Queue every stored request whose e-mail has not gone out. Returns (sent,
    waiting)."""
    return deliver_unsent(
        ReconfirmationRequest.objects.filter(outcome=ReconfirmationRequest.Outcome.WAITING),
        reconfirmation_emails,
        what="re-confirmation request",
        retry="send_reconfirmation_requests",
        sent_field="sent_at",
    )
