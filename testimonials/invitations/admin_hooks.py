"""Invitation campaigns in the admin: Wagtail's snippet views with the campaign form
(testimonials.invitations.admin_forms), how many customers the segment reaches, and a
Launch action with its confirmation page. Launching takes the permission to change
campaigns (Editors); the rule itself is testimonials.invitations.launch."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button, ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from home.choosers import PermissionCheckedChooserViewSet
from testimonials.models import InvitationCampaign
from testimonials.models.campaigns import KEPT_REFUSAL

from .admin_forms import PREFIX, InvitationCampaignForm
from .launch import launch, plan

LAUNCH = "launch"


def reach_note(campaign):
    if campaign is None or campaign.pk is None:
        return _("Save the campaign to see how many customers its segment reaches.")
    reach = campaign.contacts().count()
    return ngettext(
        "The segment reaches %(count)s customer of %(product)s now.",
        "The segment reaches %(count)s customers of %(product)s now.",
        reach,
    ) % {"count": reach, "product": campaign.product}


class ReachPanel(HelpPanel):
    """How many customers of the product the saved segment matches now."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = reach_note(self.instance)


class CampaignEditView(EditView):
    launch_url_name = None

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if not self.object.is_launched and self.user_has_permission("change"):
            url = reverse(self.launch_url_name, args=[self.object.pk])
            buttons.append(Button(_("Launch"), url=url, icon_name="mail", priority=5))
        return buttons


class LaunchView(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """What launching will do (N invited, M skipped and why), then, on POST, the
    launch. A launched campaign says so and launches nothing again."""

    permission_required = "change"
    template_name = "wagtailadmin/invitations/launch_campaign.html"
    header_icon = "mail"
    model = InvitationCampaign
    index_url_name = None
    edit_url_name = None

    def get_page_title(self):
        return _("Launch “%(campaign)s”") % {"campaign": self.object}

    def edit_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": InvitationCampaign._meta.verbose_name_plural,
            },
            {"url": self.edit_url(), "label": str(self.object)},
            {"url": "", "label": _("Launch")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(campaign=self.object, plan=plan(self.object), edit_url=self.edit_url())
        return context

    def post(self, request, *args, **kwargs):
        invited = launch(self.object, by=request.user)
        if invited is None:
            messages.warning(
                request, _("This campaign had already been launched: nothing was sent again.")
            )
        else:
            messages.success(
                request,
                ngettext(
                    "Launched: %(count)s customer invited. The invitations are being sent.",
                    "Launched: %(count)s customers invited. The invitations are being sent.",
                    invited,
                )
                % {"count": invited},
            )
        return redirect(self.edit_url())


class InvitationCampaignViewSet(SnippetViewSet):
    model = InvitationCampaign
    chooser_viewset_class = PermissionCheckedChooserViewSet
    edit_view_class = CampaignEditView
    icon = "mail"
    menu_label = _("Invitation campaigns")
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "name",
        "product",
        DateColumn("launched_at", label=_("Launched")),
        Column("invited", label=_("Customers invited"), sort_key="invited"),
        Column("answered", label=_("Answers"), sort_key="answered"),
    ]
    list_filter = ["product"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("product"),
            MultiFieldPanel(
                [
                    HelpPanel(
                        _(
                            "Every customer of the product who matches these facts is "
                            "invited. Nobody is chosen by score, sentiment, ratings, "
                            "support tickets or by hand: that would be review gating."
                        )
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel(PREFIX + "customer_since_from"),
                            FieldPanel(PREFIX + "customer_since_to"),
                        ]
                    ),
                    FieldPanel(PREFIX + "plans"),
                    FieldPanel(PREFIX + "languages"),
                    FieldPanel(PREFIX + "regions"),
                    ReachPanel(),
                ],
                heading=_("Segment: neutral facts only"),
            ),
            FieldPanel("reminder_after_days"),
        ],
        base_form_class=InvitationCampaignForm,
    )

    def get_queryset(self, request):
        return InvitationCampaign.objects.select_related("product").annotate(
            invited=Count("invitations"),
            answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False)),
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(launch_url_name=self.get_url_name(LAUNCH), **kwargs)

    @property
    def launch_view(self):
        return self.construct_view(
            LaunchView,
            index_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{LAUNCH}/<str:pk>/", self.launch_view, name=LAUNCH),
        ]


register_snippet(InvitationCampaignViewSet)


@hooks.register("register_snippet_listing_buttons")
def launch_button(snippet, user, next_url=None):
    if not isinstance(snippet, InvitationCampaign) or snippet.is_launched:
        return
    viewset = InvitationCampaign.snippet_viewset
    if viewset.permission_policy.user_has_permission(user, "change"):
        url = reverse(viewset.get_url_name(LAUNCH), args=[snippet.pk])
        yield ListingButton(_("Launch"), url=url, icon_name="mail", priority=5)


@hooks.register("before_delete_snippet")
def keep_launched_campaigns(request, instances):
    """A launched campaign is kept (InvitationCampaign.delete() says why), from the
    delete button and the bulk action alike: the editor is told, nothing is deleted."""
    launched = [
        instance
        for instance in instances
        if isinstance(instance, InvitationCampaign) and instance.is_launched
    ]
    if not launched:
        return None
    messages.error(request, KEPT_REFUSAL)
    return redirect(reverse(InvitationCampaign.snippet_viewset.get_url_name("list")))
