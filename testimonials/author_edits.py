"""The author changes what they wrote, or withdraws it, through their own private link.

Their words, rating and answers are theirs, so they may change them at any time; an
editor must still read the result before it is shown. A change is therefore a new
revision by nobody on the staff (``user`` None) with its own entry in the history,
and a testimonial that was public is taken off the site and goes back to pending.
Nothing scheduled or in a workflow can publish the new words unseen."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.actions.unpublish import UnpublishAction
from wagtail.log_actions import log

from testimonials.models import Testimonial
from testimonials.personal_data import delete_photo
from testimonials.tallies import counting_once

CHANGED_BY_AUTHOR_ACTION = "candor.changed_by_author"


@hooks.register("register_log_actions")
def register_author_change_log_action(actions):
    actions.register_action(
        CHANGED_BY_AUTHOR_ACTION,
        _("Changed by the author"),
        _("Changed by the author through their private link; back to pending for moderation"),
    )


def withdraw(testimonial):
    """The author takes it back: hidden at once, the record kept, their photo deleted."""
    testimonial.check_author_may_change()
    with counting_once():
        if testimonial.live:
            testimonial.unpublish(log_action=False)
        testimonial.status = Testimonial.Status.WITHDRAWN
        testimonial.withdrawn_at = timezone.now()
        testimonial.save(update_fields=["status", "withdrawn_at"])
    delete_photo(testimonial)


@dataclass(frozen=True)
class AuthorChange:
    changed_fields: tuple
    # It was on the site, and is off it until an editor publishes it again.
    taken_down: bool


def record_author_change(testimonial, answers, language=None):
    """Store the author's new ``answers`` (customer-owned field → value) for
    ``testimonial``, and the ``language`` they now say they wrote in. Raises
    ValidationError if the author may no longer change it (rejected or withdrawn)."""
    with transaction.atomic(), counting_once():
        testimonial = Testimonial.objects.select_for_update().get(pk=testimonial.pk)
        testimonial.check_author_may_change()
        changed = tuple(
            name for name, value in answers.items() if getattr(testimonial, name) != value
        )
        new_language = language if language and language != testimonial.language else None
        if new_language:
            # Not the customer's words, but the author's own account of them: an editor
            # reads it again with the rest.
            changed += ("language",)
        if not changed:
            return AuthorChange(changed_fields=(), taken_down=False)

        now = timezone.now()
        # Consent was given again, for the new words.
        testimonial.change_customer_answers(
            **{name: answers[name] for name in changed if name in answers}, consent_given_at=now
        )
        if new_language:
            testimonial.language = new_language
        testimonial.edited_by_author_at = now
        testimonial.drop_excerpt_unless_it_fits()
        back_to_moderation(testimonial)
        taken_down = testimonial.live
        if taken_down:
            UnpublishAction(testimonial, user=None, log_action=True).execute(
                skip_permission_checks=True
            )  # saves the testimonial
        else:
            testimonial.save()
        testimonial.revisions.update(approved_go_live_at=None)

        revision = testimonial.save_revision(user=None)
        log(
            instance=testimonial,
            action=CHANGED_BY_AUTHOR_ACTION,
            user=None,
            revision=revision,
            content_changed=True,
            # Which answers, never what they said: history is kept longer than words.
            data={"fields": list(changed)},
        )
    return AuthorChange(changed_fields=changed, taken_down=taken_down)


def back_to_moderation(testimonial):
    """Approval, a proposal to reject and a running workflow were all about the old
    words: none of them carries over to the new ones."""
    testimonial.status = Testimonial.Status.PENDING
    testimonial.rejection_reason = ""
    testimonial.rejection_proposed_by = None
    testimonial.rejection_proposed_at = None
    workflow_state = testimonial.current_workflow_state
    if workflow_state:
        workflow_state.cancel()
