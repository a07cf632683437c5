"""Honesty checks: small functions that say, in plain words, where a page would mislead
a reader, and the rule that a page failing a blocking one does not go live.

Apps register the checks for their own page types (home imports none of them), from
their AppConfig.ready() or a module imported there. Every way a page goes live in
Wagtail (the Publish button, workflow approval, scheduled publishing, bulk publish, the
admin API, revision.publish() from code, a copy kept live, an alias) ends in saving the
page live with new content, and most of them in ``page.publish(revision, ...)`` first,
so HonestyCheckedPage keeps the rule in both. The admin tells the person why before
that (home.honesty_admin)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.log_actions import log

# What publish_scheduled passes to publish(): the one path with nobody to tell.
SCHEDULED_PUBLISH = "wagtail.publish.scheduled"
PUBLISH_REFUSED = "candor.publish.refused"


class Severity(models.TextChoices):
    BLOCKS = "blocks", _("Blocks publishing")
    WARNING = "warning", _("Warning")


@dataclass(frozen=True)
class Problem:
    """One thing a reader could be misled by, said so an editor knows what to change.
    ``field`` names the form field or inline panel the editor should go to."""

    message: str
    severity: str = Severity.WARNING
    field: str = ""

    @property
    def blocks(self):
        return self.severity == Severity.BLOCKS


def blocking(message, field=""):
    return Problem(message, Severity.BLOCKS, field)


def warning(message, field=""):
    return Problem(message, Severity.WARNING, field)


_checks = {}


def register(page_model, check):
    """Run ``check(page)`` (an iterable of Problems) on pages of this model and its
    subclasses."""
    registered = _checks.setdefault(page_model, [])
    if check not in registered:
        registered.append(check)


def checked_models():
    return list(_checks)


def run_checks(page):
    """Every problem the registered checks find on this page, blocking ones first."""
    found = [
        problem
        for model in type(page).__mro__
        for check in _checks.get(model, ())
        for problem in check(page)
    ]
    return sorted(found, key=lambda problem: not problem.blocks)


def blocking_problems(page):
    return [problem for problem in run_checks(page) if problem.blocks]


class PublishingRefused(PermissionDenied):
    """Raised instead of publishing a page that fails a blocking check."""

    def __init__(self, page, problems):
        self.page = page
        self.problems = problems
        super().__init__(
            _("“%(title)s” was not published: %(reasons)s")
            % {"title": page.title, "reasons": " ".join(str(p.message) for p in problems)}
        )


def live_pages_failing_checks():
    """Live pages whose published content fails a blocking check now, e.g. a
    comparison that became one-sided when a fact changed. Each comes with its
    ``honesty_problems``. A live page's own row holds its published content."""
    failing = []
    for model in checked_models():
        for page in model.objects.live().order_by("title"):
            if type(page) is not model:
                continue  # checked once, under its own model
            problems = blocking_problems(page)
            if problems:
                page.honesty_problems = problems
                failing.append(page)
    return failing


class HonestyCheckedPageForm(WagtailAdminPageForm):
    """Shows the blocking problems as form errors when the editor is about to put the
    page live: Publish (or schedule), or approve it in a workflow."""

    def is_going_live(self):
        approving = (
            self.data.get("action-workflow-action")
            and self.data.get("workflow-action-name") == "approve"
        )
        return bool("action-publish" in self.data or approving)

    def is_valid(self):
        if not super().is_valid():
            return False
        if self.is_going_live():
            # The page as the form would save it, children included, as previews do.
            for problem in blocking_problems(self.save(commit=False)):
                field = problem.field if problem.field in self.fields else None
                self.add_error(field, problem.message)
        return not self.errors


class HonestyCheckedPage:
    """A page mixin: publishing a revision that fails a blocking check is refused."""

    base_form_class = HonestyCheckedPageForm

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        problems = blocking_problems(revision.as_object())
        if problems:
            if log_action == SCHEDULED_PUBLISH:
                # The command publishes a list of revisions and must go on with the
                # others, so this one is refused quietly and in the page's history.
                return refuse_scheduled(self, revision, problems)
            raise PublishingRefused(self, problems)
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )

    def save(self, *args, **kwargs):
        # The edit view's Publish button and the admin API publish through Wagtail's
        # PublishPageRevisionAction without calling publish(), and copies and aliases
        # of a live page are saved live: every one of them ends here.
        if self.goes_live_with_new_content():
            problems = blocking_problems(self)
            if problems:
                raise PublishingRefused(self, problems)
        return super().save(*args, **kwargs)

    def goes_live_with_new_content(self):
        """A new live page (a copy kept live, an alias), or a live page whose live
        revision changes: not a live page saved for any other reason (moved,
        renamed in the tree), which keeps what readers already see."""
        if not self.live:
            return False
        if self.pk is None:
            return True
        stored = type(self).objects.filter(pk=self.pk).values_list("live_revision_id", flat=True)
        return stored.first() != self.live_revision_id


def refuse_scheduled(page, revision, problems):
    """Cancel the schedule, so the page does not go live by itself once someone edits
    a fact, and say why in its history."""
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    log(
        instance=page,
        action=PUBLISH_REFUSED,
        revision=revision,
        data={"problems": [str(problem.message) for problem in problems]},
    )
