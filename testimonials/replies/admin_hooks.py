"""Replying in the admin: "Reply publicly" (or "Edit reply") on a published
testimonial's row and edit view, one reply per testimonial, written by Editors (the
only role given add/change_testimonialreply). A reply is never deleted, by anyone:
readers may have read it, and the history of its edits is the public record of what
we said. It leaves the site only with its testimonial (rejected or withdrawn)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, ObjectList
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from home.choosers import PermissionCheckedChooserViewSet
from home.dashboard import add_panels
from testimonials.models import Testimonial, TestimonialReply
from testimonials.models.replies import NOT_PUBLIC_REFUSAL, SECOND_REPLY_REFUSAL

from .actions import EDIT_URL_NAME, may_reply, reply_label, reply_of, reply_url
from .dashboard import PANELS

CHOOSE_FIRST = gettext_lazy(
    "Choose the testimonial to answer: “Reply publicly” is on each published "
    "testimonial's row and in its edit view."
)


class NoDeletingPolicy(ModelPermissionPolicy):
    """Replies are kept: nobody, superusers included, deletes one."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - {"delete"})

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"delete"})


class AnsweredTestimonialPanel(HelpPanel):
    """The testimonial being answered, above the reply, exactly as the customer wrote it."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            testimonial = self.instance.testimonial
            rating = (
                _("Rated %(rating)s out of 5") % {"rating": testimonial.rating}
                if testimonial.rating
                else _("No rating")
            )
            self.content = format_html(
                "<p><strong>{}</strong> · {} · {}</p><blockquote><p>{}</p></blockquote>",
                testimonial.display_name,
                testimonial.product,
                rating,
                testimonial.quote,
            )


class ReplyCreateView(CreateView):
    """Takes the testimonial from the address (``?testimonial=<id>``) and the replier's
    name from the user; the role is typed, as readers will see it."""

    def get(self, request, *args, **kwargs):
        return self.refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refusal() or super().post(request, *args, **kwargs)

    @cached_property
    def testimonial(self):
        pk = self.request.GET.get("testimonial", "")
        if not pk.isdigit():
            return None
        return Testimonial.objects.select_related("reply").filter(pk=pk).first()

    def refusal(self):
        testimonial = self.testimonial
        if testimonial is None:
            messages.error(self.request, CHOOSE_FIRST)
            return redirect("wagtailsnippets_testimonials_testimonial:list")
        reply = reply_of(testimonial)
        if reply:
            messages.error(self.request, SECOND_REPLY_REFUSAL)
            return redirect(EDIT_URL_NAME, reply.pk)
        if not Testimonial.objects.public().filter(pk=testimonial.pk).exists():
            messages.error(self.request, NOT_PUBLIC_REFUSAL)
            return redirect("wagtailsnippets_testimonials_testimonial:edit", testimonial.pk)
        return None

    def get_initial_form_instance(self):
        user = self.request.user
        return TestimonialReply(
            testimonial=self.testimonial,
            replier_name=user.get_full_name() or user.get_username(),
            replied_by=user,
        )

    def get_add_url(self):
        return f"{super().get_add_url()}?{urlencode({'testimonial': self.testimonial.pk})}"


class ReplyViewSet(SnippetViewSet):
    model = TestimonialReply
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "comment"
    # Reached from the testimonial it answers and from the dashboard.
    add_to_admin_menu = False
    add_view_class = ReplyCreateView
    list_display = ["testimonial", "replier_name", "replier_role", "created_at", "edited_at"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True

    @property
    def permission_policy(self):
        return NoDeletingPolicy(self.model)

    def get_queryset(self, request):
        return TestimonialReply.objects.select_related("testimonial__product")

    def get_edit_handler(self):
        return ObjectList(
            [
                AnsweredTestimonialPanel(heading=gettext_lazy("The testimonial you answer")),
                FieldPanel("text"),
                FieldRowPanel([FieldPanel("replier_name"), FieldPanel("replier_role")]),
                HelpPanel(
                    gettext_lazy(
                        "Shown under the testimonial with your name, role and the date. "
                        "After an edit, readers see that it was edited, and the earlier "
                        "wording stays readable. A reply cannot be deleted."
                    )
                ),
            ]
        ).bind_to_model(self.model)


register_snippet(ReplyViewSet)


class ReplyMenuItem(ActionMenuItem):
    """In a published testimonial's edit view, a link to our reply."""

    name = "action-reply"
    icon_name = "comment"
    order = 95

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context.get("view") == "edit"
            and isinstance(instance, Testimonial)
            and may_reply(context["request"].user, instance)
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = reply_label(parent_context["instance"])
        return context

    def get_url(self, parent_context):
        return reply_url(parent_context["instance"])


@hooks.register("register_snippet_action_menu_item")
def register_reply_menu_item(model):
    return ReplyMenuItem() if model is Testimonial else None


@hooks.register("register_snippet_listing_buttons")
def reply_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, Testimonial) and may_reply(user, snippet):
        yield Button(reply_label(snippet), reply_url(snippet), icon_name="comment", priority=60)


@hooks.register("construct_homepage_panels")
def add_reply_panels(request, panels):
    add_panels(request, panels, PANELS)
