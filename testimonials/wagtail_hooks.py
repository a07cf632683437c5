from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from home.choosers import PermissionCheckedChooserViewSet
from home.dashboard import add_panels

from . import dashboard, moderation, photo_admin
from .advocacy import (
    demo_requests,  # noqa: F401  (who sees demo requests)
    reports,  # noqa: F401  (the program's reports)
)
from .advocacy.reconfirmation import LAPSED_ACTION, NO_LONGER_CUSTOMER_ACTION
from .advocacy.viewsets import (
    AdvocateViewSet,
    NpsInvitationViewSet,
    NpsResponseViewSet,
    ReconfirmationRequestViewSet,
    ReferenceRequestViewSet,
)
from .models import Customer, Testimonial

REJECT_ACTION = "action-reject"
PUBLISH_ACTION = "action-publish"


class TestimonialFilterSet(WagtailFilterSet):
    awaiting_second_moderator = django_filters.BooleanFilter(
        label=gettext_lazy("Rejection awaiting a second moderator"),
        method="filter_awaiting_second_moderator",
    )

    class Meta:
        model = Testimonial
        fields = {
            "status": ["exact"],
            "product": ["exact"],
            "rating": ["exact"],
            "language": ["exact"],
            "relationship": ["exact"],
            "incentive": ["exact"],
            "verification": ["exact"],
            "source": ["exact"],
        }

    def filter_awaiting_second_moderator(self, queryset, name, value):
        awaiting = queryset.awaiting_second_moderator()
        return awaiting if value else queryset.exclude(pk__in=awaiting.values("pk"))


class RejectionProposalPanel(HelpPanel):
    """An open proposal to reject, on top of the edit form: who, why, and how it ends."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            note = moderation.proposal_note(self.instance) if self.instance else ""
            self.content = format_html('<p class="help-block help-warning">{}</p>', note)
            self.note = note

        def is_shown(self):
            return bool(self.note) and super().is_shown()


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "openquote"
    menu_label = "Testimonials"
    list_display = [
        "__str__",
        "product",
        "rating",
        "language",
        "status",
        "rejection_reason",
        Column(
            "rejection_proposed_by",
            label=gettext_lazy("Rejection proposed by"),
            accessor=lambda testimonial: (
                moderation.proposer_name(testimonial)
                if moderation.has_open_proposal(testimonial)
                else ""
            ),
        ),
        "submitted_at",
    ]
    filterset_class = TestimonialFilterSet
    list_export = [
        "product",
        "rating",
        "language",
        "status",
        "rejection_reason",
        "author_name",
        "author_company",
        "relationship",
        "incentive",
        "verification",
        "source",
        "submitted_at",
    ]
    # Searched through the model's own search_fields, as every indexed snippet is: the
    # viewset's would name columns the SQLite search index does not have.
    ordering = ["-submitted_at"]

    def get_queryset(self, request):
        # With its reply, for each row's "Reply publicly" or "Edit reply".
        return Testimonial.objects.select_related("product", "rejection_proposed_by", "reply")

    def get_edit_handler(self):
        # The model's own panels, with an open rejection proposal shown above them.
        panels = [RejectionProposalPanel(heading=gettext_lazy("Rejection proposed"))]
        return ObjectList([*panels, *self.model.panels]).bind_to_model(self.model)


class CustomerViewSet(SnippetViewSet):
    model = Customer
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "group"
    menu_label = "Customers"
    list_display = ["name", "industry", "size"]
    list_filter = ["industry", "size"]
    list_export = ["name", "industry", "size", "website"]


class AdvocacySnippets(SnippetViewSetGroup):
    items = (
        TestimonialViewSet,
        CustomerViewSet,
        AdvocateViewSet,
        ReferenceRequestViewSet,
        NpsInvitationViewSet,
        NpsResponseViewSet,
        ReconfirmationRequestViewSet,
    )
    menu_icon = "openquote"
    menu_label = "Advocacy"
    menu_name = "advocacy"


register_snippet(AdvocacySnippets)


class RejectMenuItem(ActionMenuItem):
    """Reject with the reason chosen in the form, without publishing anything. Shown
    only to those testimonials.moderation lets decide; for a low rating it proposes
    the rejection, or confirms another moderator's proposal."""

    label = gettext_lazy("Reject")
    name = REJECT_ACTION
    icon_name = "cross"
    order = 90

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            super().is_shown(context)
            and context.get("view") == "edit"
            and moderation.rejection_refusal(context["request"].user, instance) is None
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        instance = parent_context["instance"]
        if moderation.needs_second_moderator(instance):
            if moderation.has_open_proposal(instance):
                context["label"] = _("Confirm rejection")
            else:
                context["label"] = _("Propose rejection")
        return context


@hooks.register("register_snippet_action_menu_item")
def register_reject_menu_item(model):
    return RejectMenuItem() if model is Testimonial else None


@hooks.register("before_edit_snippet")
def moderate_testimonial(request, instance):
    """Every Reject, and every Publish, passes testimonials.moderation first: a crafted
    POST is refused with the reason, changing nothing."""
    if not isinstance(instance, Testimonial):
        return None
    if request.method != "POST":
        return None
    edit_url = reverse("wagtailsnippets_testimonials_testimonial:edit", args=[instance.pk])
    if REJECT_ACTION in request.POST:
        return reject_testimonial(request, instance, edit_url)
    if PUBLISH_ACTION in request.POST:
        refusal = moderation.approval_refusal(request.user, instance)
        if refusal:
            messages.error(request, refusal)
            return redirect(edit_url)
    return None


def reject_testimonial(request, instance, edit_url):
    reason = request.POST.get("rejection_reason", "")
    try:
        outcome = moderation.reject(instance, reason, request.user)
    except moderation.ModerationRefused as refused:
        messages.error(request, refused.message)
        return redirect(edit_url)
    values = {"reason": Testimonial.RejectionReason(reason).label}
    if outcome is moderation.Rejection.PROPOSED:
        messages.success(
            request,
            _(
                "Rejection proposed: %(reason)s. A rating this low is rejected only once "
                "another moderator confirms it; until then nothing changes for readers."
            )
            % values,
        )
        return redirect(edit_url)
    if outcome is moderation.Rejection.CONFIRMED:
        message = _("Rejection confirmed: %(reason)s. Nothing was published.")
    else:
        message = _("Rejected: %(reason)s. Nothing was published.")
    messages.success(request, message % values)
    return redirect(reverse("wagtailsnippets_testimonials_testimonial:list"))


@hooks.register("construct_homepage_panels")
def add_advocacy_dashboard(request, panels):
    add_panels(request, panels, dashboard.PANELS)


@hooks.register("register_work_queue_items")
def register_work_queue_items():
    return dashboard.work_queue_items()


@hooks.register("register_admin_urls")
def register_sent_photo_urls():
    return photo_admin.sent_photo_urls()


# Before Wagtail's own image listing, which these replace at the same addresses.
@hooks.register("register_admin_urls", order=-1)
def register_image_library_urls():
    return photo_admin.library_urls()


@hooks.register("construct_image_chooser_queryset")
def leave_advocates_photos_out_of_the_image_chooser(images, request):
    return photo_admin.library_images(images)


# After home's endpoint of choosable images, which this one narrows.
@hooks.register("construct_admin_api", order=101)
def register_library_images_endpoint(router):
    router.register_endpoint("images", photo_admin.LibraryImagesAdminAPIViewSet)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, formatter in moderation.LOG_FORMATTERS.items():
        actions.register_action(action)(formatter)


@hooks.register("register_log_actions")
def register_reconfirmation_log_actions(actions):
    actions.register_action(
        LAPSED_ACTION,
        "Unpublish: customer status not re-confirmed",
        "Unpublished: the author did not re-confirm being a customer in time",
    )
    actions.register_action(
        NO_LONGER_CUSTOMER_ACTION,
        "Unpublish: no longer a customer",
        "Unpublished: the author said they are no longer a customer",
    )


UNPUBLISH_REFUSAL = gettext_lazy(
    "A testimonial leaves the site only by a recorded decision: reject it with a reason "
    "(a low rating needs a second moderator). Its author can withdraw it."
)


@hooks.register("construct_snippet_action_menu")
def hide_unpublish(menu_items, request, context):
    if context.get("model") is Testimonial:
        menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]


@hooks.register("before_unpublish")
def refuse_unpublishing_testimonials(request, instance):
    """Unpublishing would take a testimonial out of the public counts with no reason
    and no second moderator."""
    if not isinstance(instance, Testimonial):
        return None
    messages.error(request, UNPUBLISH_REFUSAL)
    return redirect(reverse("wagtailsnippets_testimonials_testimonial:edit", args=[instance.pk]))


from testimonials import funnel as _funnel  # noqa: E402,F401  (the invitation funnel)
from testimonials.imports import admin_hooks as _imports  # noqa: E402,F401
from testimonials.invitations import admin_hooks as _invitations  # noqa: E402,F401
from testimonials.replies import admin_hooks as _replies  # noqa: E402,F401
