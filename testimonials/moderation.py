"""Who may decide what about a testimonial: approve it (publish) or reject it, and when a
rejection needs a second moderator. The edit view's hooks, the action menu and any other
caller ask here, so the rule is in one place and not on a button.

A decision needs, in this order:
- the permission to publish testimonials: approving puts words in public view and
  rejecting takes them out of it (or keeps them out), so both are the same power;
- while a Wagtail workflow is in progress, a place among the reviewers of its current
  task (the task's own ``get_actions``, as Wagtail's edit view asks it);
- no lock held by someone else (Wagtail's own ``get_lock()``: a lock by another user,
  a scheduled publication, a workflow task that locks out non-reviewers).

Four eyes: a 1 or 2 star testimonial is not rejected by one person. The first Reject
records a proposal and changes nothing a reader sees; a different moderator's Reject
with the same reason confirms it; publishing drops the proposal. Every step is written
to the testimonial's history.
"""

import enum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.utils import get_user_display_name
from wagtail.log_actions import LogFormatter, log
from wagtail.permission_policies import ModelPermissionPolicy

from testimonials.models import Testimonial
from testimonials.models.testimonials import WITHDRAWN_REFUSAL
from testimonials.tallies import counting_once

# Ratings a single moderator cannot reject: suppressing low ratings is what rejection
# must never be used for, so it takes two people to do it.
LOW_RATINGS = (1, 2)

REJECTED_ACTION = "candor.testimonial_rejected"
PROPOSED_ACTION = "candor.rejection_proposed"
CONFIRMED_ACTION = "candor.rejection_confirmed"


class Rejection(enum.Enum):
    """What a Reject did."""

    REJECTED = "rejected"  # one step: out of public view now
    PROPOSED = "proposed"  # low rating: waits for a second moderator
    CONFIRMED = "confirmed"  # a second moderator agreed: out of public view now


class ModerationRefused(Exception):
    """A decision this user may not take now; the message says why, for the editor."""

    @property
    def message(self):
        return str(self.args[0])


def needs_second_moderator(testimonial):
    return testimonial.rating in LOW_RATINGS and testimonial.status != Testimonial.Status.REJECTED


def has_open_proposal(testimonial):
    return testimonial.rejection_proposed_at is not None


def approval_refusal(user, testimonial):
    """Why ``user`` may not approve (publish) ``testimonial`` now, or None."""
    if testimonial.status == Testimonial.Status.WITHDRAWN:
        return str(WITHDRAWN_REFUSAL)
    return _decision_refusal(user, testimonial)


def rejection_refusal(user, testimonial):
    """Why ``user`` may not reject ``testimonial`` now, or None."""
    if testimonial.status == Testimonial.Status.WITHDRAWN:
        return _("Its author has withdrawn this testimonial: there is nothing to reject.")
    refusal = _decision_refusal(user, testimonial)
    if refusal:
        return refusal
    if (
        needs_second_moderator(testimonial)
        and has_open_proposal(testimonial)
        and testimonial.rejection_proposed_by_id == user.pk
    ):
        return _("You proposed this rejection: another moderator must confirm it.")
    return None


def reject(testimonial, reason, user):
    """Reject as ``user``, or propose the rejection where it needs a second moderator.
    Raises ModerationRefused, changing nothing, when the user may not."""
    with transaction.atomic(), counting_once():
        # The stored row, locked: two moderators confirming at once must not both count.
        testimonial = Testimonial.objects.select_for_update().get(pk=testimonial.pk)
        refusal = rejection_refusal(user, testimonial)
        if refusal:
            raise ModerationRefused(refusal)
        if reason not in Testimonial.RejectionReason.values:
            raise ModerationRefused(_("Choose a rejection reason before rejecting."))
        data = {"reason": reason, "rating": testimonial.rating}

        if not needs_second_moderator(testimonial):
            testimonial.reject(reason, user=user)
            log(testimonial, REJECTED_ACTION, user=user, data=data)
            return Rejection.REJECTED

        if not has_open_proposal(testimonial):
            testimonial.rejection_reason = reason
            testimonial.rejection_proposed_by = user
            testimonial.rejection_proposed_at = timezone.now()
            testimonial.save(
                update_fields=["rejection_reason", "rejection_proposed_by", "rejection_proposed_at"]
            )
            log(testimonial, PROPOSED_ACTION, user=user, data=data)
            return Rejection.PROPOSED

        if testimonial.rejection_reason != reason:
            raise ModerationRefused(
                _(
                    "%(user)s proposed rejecting this as “%(reason)s”. To confirm, choose the "
                    "same reason; if you disagree, publish it instead."
                )
                % {
                    "user": proposer_name(testimonial),
                    "reason": Testimonial.RejectionReason(testimonial.rejection_reason).label,
                }
            )
        data["proposed_by"] = proposer_name(testimonial)
        testimonial.reject(reason, user=user)
        log(testimonial, CONFIRMED_ACTION, user=user, data=data)
        return Rejection.CONFIRMED


def proposer_name(testimonial):
    if testimonial.rejection_proposed_by is None:
        return _("A moderator")
    return get_user_display_name(testimonial.rejection_proposed_by)


def proposal_note(testimonial):
    """The open proposal in one sentence, for editors, or ""."""
    if not has_open_proposal(testimonial) or not testimonial.rejection_reason:
        return ""
    return _(
        "%(user)s proposed rejecting this testimonial as “%(reason)s” on %(date)s. A "
        "different moderator confirms it by choosing the same reason and Reject; "
        "publishing it drops the proposal."
    ) % {
        "user": proposer_name(testimonial),
        "reason": Testimonial.RejectionReason(testimonial.rejection_reason).label,
        "date": timezone.localtime(testimonial.rejection_proposed_at).strftime("%Y-%m-%d %H:%M"),
    }


def _decision_refusal(user, testimonial):
    if not ModelPermissionPolicy(Testimonial).user_has_permission(user, "publish"):
        return _("Only moderators, who may publish testimonials, can approve or reject them.")
    task = testimonial.current_workflow_task
    if task and not task.get_actions(testimonial, user):
        return _(
            "This testimonial is waiting for “%(task)s” in its workflow: only that task's "
            "reviewers can approve or reject it now."
        ) % {"task": task.name}
    lock = testimonial.get_lock()
    if lock and lock.for_user(user):
        return _("%(lock)s: nobody else can approve or reject it until then.") % {
            "lock": lock.get_description(user)
        }
    return None


class DecisionFormatter(LogFormatter):
    """A history line naming the reason and the rating, so the history shows whether
    low ratings were the ones taken down."""

    template = ""

    def format_message(self, log_entry):
        data = log_entry.data
        reason = data.get("reason", "")
        if reason in Testimonial.RejectionReason.values:
            reason = Testimonial.RejectionReason(reason).label
        rating = data.get("rating")
        return self.template % {
            "reason": reason,
            "rating": _("%(stars)s★") % {"stars": rating} if rating else _("unrated"),
            "proposed_by": data.get("proposed_by", ""),
        }


class RejectedFormatter(DecisionFormatter):
    label = gettext_lazy("Reject testimonial")
    template = gettext_lazy("Rejected: %(reason)s (%(rating)s)")


class ProposedFormatter(DecisionFormatter):
    label = gettext_lazy("Propose rejection")
    template = gettext_lazy(
        "Proposed rejecting it: %(reason)s (%(rating)s); a second moderator must confirm"
    )


class ConfirmedFormatter(DecisionFormatter):
    label = gettext_lazy("Confirm rejection")
    template = gettext_lazy(
        "Confirmed the rejection proposed by %(proposed_by)s: %(reason)s (%(rating)s)"
    )


LOG_FORMATTERS = {
    REJECTED_ACTION: RejectedFormatter,
    PROPOSED_ACTION: ProposedFormatter,
    CONFIRMED_ACTION: ConfirmedFormatter,
}
