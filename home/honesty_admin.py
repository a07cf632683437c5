"""How the admin tells the person when a page fails a blocking honesty check on its way
live: a message and nothing published, instead of an error page.

The page form shows the problems as form errors (home.honesty.HonestyCheckedPageForm).
The other ways live are caught here: bulk publish and copy-and-publish before they
start, and anything else that reaches page.publish() (approving from the dashboard's
modal, publishing an old revision) through the exception it raises."""

from django import forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.models import Page

from home.honesty import PUBLISH_REFUSED, PublishingRefused, blocking_problems


def refusals(pages):
    """A PublishingRefused for each page that fails a blocking check."""
    found = []
    for page in pages:
        problems = blocking_problems(page)
        if problems:
            found.append(PublishingRefused(page, problems))
    return found


def tell(request, refused):
    messages.error(request, " ".join(str(refusal.args[0]) for refusal in refused))


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_failing_pages(request, action_type, objects, action):
    """Checked before anything is published, so the batch goes live whole or not at
    all, and every failing page is named at once."""
    if action_type != "publish":
        return None
    pages = [page for page in objects if isinstance(page, Page)]
    candidates = [page.get_latest_revision_as_object() for page in pages]
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in pages:
            for descendant in page.get_descendants().not_live().specific():
                candidates.append(descendant.get_latest_revision_as_object())
    refused = refusals(candidates)
    if not refused:
        return None
    tell(request, refused)
    return redirect(action.next_url)


def ticked(request, name):
    """A checkbox of the copy form, read as the form reads it."""
    return forms.BooleanField().to_python(request.POST.get(name))


@hooks.register("before_copy_page")
def refuse_live_copy_of_failing_pages(request, page):
    """A copy of a live page is kept live without being published, so the page's
    published content is checked here, with its live subpages if they are copied."""
    # An alias shows the live page's content at a new address, as a live copy does.
    if request.method != "POST" or not (
        ticked(request, "publish_copies") or ticked(request, "alias")
    ):
        return None
    copied = [page.specific] if page.live else []
    if ticked(request, "copy_subpages"):
        copied += list(page.get_descendants().live().specific())
    refused = refusals(copied)
    if not refused:
        return None
    tell(request, refused)
    return redirect("wagtailadmin_pages:copy", page.pk)


@hooks.register("register_log_actions")
def register_publish_refused_action(actions):
    actions.register_action(
        PUBLISH_REFUSED,
        _("Publishing refused"),
        _("Scheduled publishing refused: the page fails a blocking honesty check"),
    )


class PublishingRefusedMiddleware:
    """Turns a refusal raised inside a view into an error message on the page's edit
    view. The view's transaction has rolled back, so a workflow task being approved
    is still in progress."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishingRefused):
            return None
        tell(request, [exception])
        url = reverse("wagtailadmin_pages:edit", args=[exception.page.pk])
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # What the workflow action modal expects when it is done: where to go next.
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": url}
            )
        return redirect(url)
