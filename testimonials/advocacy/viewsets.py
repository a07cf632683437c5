"""The advocate program in the admin, under Advocacy: Wagtail's snippet views, with
list export, filters and the numbers each list needs annotated in one query."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from home.admin_columns import DayColumn, YesNoColumn
from home.choosers import PermissionCheckedChooserViewSet
from testimonials.models import (
    Advocate,
    NpsInvitation,
    NpsResponse,
    ReconfirmationRequest,
    ReferenceRequest,
)
from testimonials.program import over_limit_warning, program_settings, quarter_of


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records the site makes itself (survey answers, re-confirmation requests):
    whoever may change or view them may read them; nobody adds, edits or deletes one."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        read = super().user_has_permission
        return read(user, "view") or read(user, "change")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view", "change"])


class WarnPastFatigueLimit:
    """An activity an editor logs is kept whatever the advocate's load (it happened);
    one that takes them past the fatigue limit in its quarter is saved with a warning."""

    def save_instance(self):
        advocate = super().save_instance()
        limit = program_settings(self.request).fatigue_limit
        for day in self.logged_quarters().values():
            warning = over_limit_warning(advocate, limit, day)
            if warning:
                messages.warning(self.request, warning)
        return advocate

    def logged_quarters(self):
        """A day in each quarter in which an activity was added, or moved to."""
        quarters = {}
        for form in self.form.formsets["activities"].forms:
            data = getattr(form, "cleaned_data", {})
            if form.has_changed() and data.get("date") and not data.get("DELETE"):
                quarters.setdefault(quarter_of(data["date"]), data["date"])
        return quarters


class AdvocateCreateView(WarnPastFatigueLimit, CreateView):
    pass


class AdvocateEditView(WarnPastFatigueLimit, EditView):
    pass


class AdvocateViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    add_view_class = AdvocateCreateView
    edit_view_class = AdvocateEditView
    model = Advocate
    icon = "user"
    menu_label = "Advocates"
    list_display = [
        "name",
        "customer",
        "advocate_type",
        Column("load", label="Asked this quarter", sort_key="load"),
        Column("referral_visits", label="Referral visits", sort_key="referral_visits"),
        Column("referral_conversions", label="Demo requests", sort_key="referral_conversions"),
    ]
    list_filter = {
        "advocate_type": ["exact"],
        "recognition": ["exact"],
        "customer": ["exact"],
        "accepts_requests": ["exact"],
    }
    list_export = [
        "name",
        "role",
        "customer",
        "advocate_type",
        "recognition",
        "contact_channel",
        "accepts_requests",
        "customer_as_of",
        "reconfirmed_on",
        "load",
        "referral_code",
        "referral_visits",
        "referral_conversions",
    ]
    export_headings = {
        "load": "Asked this quarter",
        "referral_visits": "Referral visits",
        "referral_conversions": "Demo requests",
    }
    export_filename = "advocates"
    ordering = ["name"]

    def get_queryset(self, request):
        return Advocate.objects.select_related("customer").with_load().with_referral_counts()


class ReferenceRequestPermissionPolicy(ModelPermissionPolicy):
    """Editors, who decide on requests, see every one; a salesperson sees the requests
    they made, not a colleague's prospect, advocate or the editor's note to them."""

    def sees_every_request(self, user):
        return self.user_has_permission(user, "change")

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if self.sees_every_request(user):
            return instances
        return instances.filter(requested_by_id=user.pk)

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and (
            self.sees_every_request(user) or instance.requested_by_id == user.pk
        )

    def visible_to(self, user):
        return self.instances_user_has_any_permission_for(user, ["view", "change"])


reference_request_permission_policy = ReferenceRequestPermissionPolicy(ReferenceRequest)


class VisibleReferenceRequestsOnly:
    """A chooser view that lists, finds and returns only the requests the user sees."""

    def visible_requests(self):
        return reference_request_permission_policy.visible_to(self.request.user)

    def get_object_list(self):
        return self.visible_requests()

    def get_object(self, pk):
        return self.visible_requests().get(pk=pk)

    def get_objects(self, pks):
        return self.visible_requests().filter(pk__in=pks)


class ReferenceRequestChooseView(VisibleReferenceRequestsOnly, ChooseView):
    pass


class ReferenceRequestChooseResultsView(VisibleReferenceRequestsOnly, ChooseResultsView):
    pass


class ReferenceRequestChosenView(VisibleReferenceRequestsOnly, SnippetChosenView):
    pass


class ReferenceRequestChosenMultipleView(VisibleReferenceRequestsOnly, SnippetChosenMultipleView):
    pass


class ReferenceRequestChooserViewSet(PermissionCheckedChooserViewSet):
    choose_view_class = ReferenceRequestChooseView
    choose_results_view_class = ReferenceRequestChooseResultsView
    chosen_view_class = ReferenceRequestChosenView
    chosen_multiple_view_class = ReferenceRequestChosenMultipleView


class ReferenceRequestViewSet(SnippetViewSet):
    """Sales add requests and follow their own (the "Sales" group: add and view); editors
    approve them and choose the advocate. Every view passes the permission policy: the
    listing and its export are filtered by it, and a view of one request is not found
    for someone who may not see that request."""

    chooser_viewset_class = ReferenceRequestChooserViewSet
    permission_policy = reference_request_permission_policy
    model = ReferenceRequest
    icon = "group"
    menu_label = "Reference requests"
    list_display = [
        "__str__",
        "status",
        "advocate",
        DayColumn("needed_by", label=_("Needed by"), sort_key="needed_by"),
        UserColumn("requested_by", label=_("Requested by"), sort_key="requested_by"),
    ]
    list_filter = {"status": ["exact"], "product": ["exact"], "industry": ["exact"]}
    list_export = [
        "product",
        "industry",
        "prospect_need",
        "needed_by",
        "status",
        "advocate",
        "editor_note",
        "requested_by",
        "requested_at",
        "decided_at",
    ]
    export_filename = "reference-requests"
    inspect_view_enabled = True
    inspect_view_fields = [
        "product",
        "industry",
        "prospect_need",
        "needed_by",
        "requested_by",
        "requested_at",
        "status",
        "advocate",
        "editor_note",
        "decided_at",
    ]
    ordering = ["needed_by"]

    def get_queryset(self, request):
        return self.permission_policy.visible_to(request.user).select_related(
            "product", "advocate__customer", "requested_by"
        )

    def not_found_unless_visible(self, view):
        @wraps(view)
        def checked_view(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if (
                pk is not None
                and not self.permission_policy.visible_to(request.user).filter(pk=pk).exists()
            ):
                raise Http404
            return view(request, *args, **kwargs)

        return checked_view

    def get_urlpatterns(self):
        # Every URL, so one added by a later Wagtail is covered too.
        return decorate_urlpatterns(super().get_urlpatterns(), self.not_found_unless_visible)


class NpsInvitationViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = NpsInvitation
    icon = "mail"
    menu_label = "NPS invitations"
    list_display = [
        "__str__",
        "customer",
        "survey",
        DateColumn("sent_at", label="Sent"),
        YesNoColumn("answered", label=_("Answered")),
    ]
    list_filter = {"survey": ["exact"], "customer": ["exact"]}
    list_export = ["name", "customer", "survey", "created_at", "sent_at", "answered"]
    export_filename = "nps-invitations"
    search_fields = ["name", "email"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        answered = NpsResponse.objects.filter(invitation=OuterRef("pk"))
        return NpsInvitation.objects.select_related("customer", "survey").annotate(
            answered=Exists(answered)
        )


class NpsResponseViewSet(SnippetViewSet):
    """Every answer, whatever the score. Promoters are also listed as advocate
    candidates (Reports)."""

    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = NpsResponse
    icon = "success"
    menu_label = "NPS answers"
    list_display = [
        "score",
        Column("category", label="Group"),
        "comment",
        Column("invitation.customer", label="Customer"),
        DateColumn("answered_at", label="Answered"),
    ]
    list_filter = {"score": ["exact", "gte", "lte"], "answered_at": ["gte", "lte"]}
    list_export = [
        "score",
        "category",
        "comment",
        "invitation.name",
        "invitation.customer",
        "answered_at",
    ]
    export_headings = {
        "category": "Group",
        "invitation.name": "Name",
        "invitation.customer": "Customer",
    }
    export_filename = "nps-answers"
    inspect_view_enabled = True
    ordering = ["-answered_at"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    def get_queryset(self, request):
        return NpsResponse.objects.select_related("invitation__customer")


class ReconfirmationRequestViewSet(SnippetViewSet):
    """What each author was asked, when, and what came of it."""

    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = ReconfirmationRequest
    icon = "mail"
    menu_label = "Re-confirmations"
    list_display = [
        "__str__",
        "advocate",
        DateColumn("sent_at", label="Sent"),
        Column("outcome_label", label="Outcome", accessor="get_outcome_display"),
        DateColumn("closed_at", label="Closed"),
    ]
    list_filter = {"outcome": ["exact"]}
    list_export = ["email", "advocate", "created_at", "sent_at", "outcome", "answered_at"]
    export_filename = "re-confirmations"
    inspect_view_enabled = True
    ordering = ["-created_at"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    def get_queryset(self, request):
        return ReconfirmationRequest.objects.select_related("advocate__customer")
