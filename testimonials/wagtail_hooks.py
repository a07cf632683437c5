from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from wagtail import hooks
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .advocacy import hooks as advocacy_hooks  # noqa: F401  (reports, history entries)
from .advocacy.viewsets import (
    AdvocateViewSet,
    NpsInvitationViewSet,
    NpsResponseViewSet,
    ReconfirmationRequestViewSet,
    ReferenceRequestViewSet,
)
from .models import Customer, Testimonial

REJECT_ACTION = "action-reject"


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = "Testimonials"
    list_display = ["__str__", "product", "rating", "status", "rejection_reason", "submitted_at"]
    list_filter = {
        "status": ["exact"],
        "product": ["exact"],
        "rating": ["exact"],
        "relationship": ["exact"],
        "incentive": ["exact"],
        "verification": ["exact"],
        "source": ["exact"],
    }
    list_export = [
        "product",
        "rating",
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
    search_fields = ["quote", "author_name", "author_company"]
    ordering = ["-submitted_at"]


class CustomerViewSet(SnippetViewSet):
    model = Customer
    icon = "group"
    menu_label = "Customers"
    list_display = ["name", "industry", "size"]
    list_filter = ["industry", "size"]
    list_export = ["name", "industry", "size", "website"]
    search_fields = ["name"]


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
    """Reject with the reason chosen in the form, without publishing anything."""

    label = "Reject"
    name = REJECT_ACTION
    icon_name = "cross"
    order = 90

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            super().is_shown(context)
            and context.get("view") == "edit"
            and instance.status != Testimonial.Status.WITHDRAWN
        )


@hooks.register("register_snippet_action_menu_item")
def register_reject_menu_item(model):
    return RejectMenuItem() if model is Testimonial else None


@hooks.register("before_edit_snippet")
def reject_testimonial(request, instance):
    if not isinstance(instance, Testimonial) or REJECT_ACTION not in request.POST:
        return None
    edit_url = reverse("wagtailsnippets_testimonials_testimonial:edit", args=[instance.pk])
    reason = request.POST.get("rejection_reason", "")
    if reason not in Testimonial.RejectionReason.values:
        messages.error(request, "Choose a rejection reason before rejecting.")
        return redirect(edit_url)
    instance.reject(reason, user=request.user)
    messages.success(
        request, f"Rejected: {Testimonial.RejectionReason(reason).label}. Nothing was published."
    )
    return redirect(reverse("wagtailsnippets_testimonials_testimonial:list"))
