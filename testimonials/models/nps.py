import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.visibility import ViewRestrictionsByPathMixin
from testimonials.forms import COMMENT_MAX_LENGTH, NpsAnswerForm
from testimonials.links import after_nps_link
from testimonials.querysets import NpsResponseQuerySet

from .submission_page import TestimonialSubmissionPage


class NpsSurveyPage(RoutablePageMixin, ViewRestrictionsByPathMixin, Page):
    """The one-question survey customers reach through their invitation link. Whatever
    they answer, they are then invited the same way to share their experience, through
    a link of their own, so what they write is recorded as sent after the survey."""

    template = "pages/nps_survey_page.html"

    question = models.CharField(
        max_length=200,
        default="How likely are you to recommend us to a friend or colleague?",
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        help_text="Shown after answering, to everyone, whatever their score.",
    )
    share_page = models.ForeignKey(
        "testimonials.TestimonialSubmissionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where every respondent is invited to share their experience.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
        FieldPanel("share_page"),
    ]
    api_fields = ["question", "intro", "thank_you_text"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    @path("")
    def without_invitation(self, request):
        """The survey is answered through personal links only: one answer each."""
        return self.render(request, context_overrides={"state": "no_invitation"})

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return self.render(request, context_overrides={"state": "thanks"})

    @path("<str:token>/", name="answer")
    def answer(self, request, token):
        response = self.answer_invitation(request, token)
        # One person's invitation, and a form with a CSRF token: never from a shared cache.
        patch_cache_control(response, private=True, no_store=True)
        return response

    @path("<str:token>/thanks/", name="answered")
    def answered(self, request, token):
        """The thanks after answering, with the respondent's own link to share."""
        invitation = self.invitation_for(token)
        if invitation is None or not hasattr(invitation, "response"):
            return redirect(self.url + self.reverse_subpage("thanks"))
        response = self.render(
            request,
            context_overrides={"state": "thanks", "share_url": self.share_url(invitation)},
        )
        patch_cache_control(response, private=True, no_store=True)
        return response

    def answer_invitation(self, request, token):
        invitation = self.invitation_for(token)
        if invitation is None:
            response = self.render(request, context_overrides={"state": "invalid"})
            response.status_code = 404
            return response
        already = {"state": "already", "share_url": self.share_url(invitation)}
        if hasattr(invitation, "response"):
            return self.render(request, context_overrides=already)
        data = request.POST if request.method == "POST" else None
        form = NpsAnswerForm(data, question=self.question)
        if request.method == "POST" and form.is_valid():
            if record_answer(invitation, form.cleaned_data):
                return redirect(self.url + self.reverse_subpage("answered", args=[token]))
            return self.render(request, context_overrides=already)
        response = self.render(request, context_overrides={"state": "form", "form": form})
        if request.method == "POST":
            response.status_code = 400
        return response

    def invitation_for(self, token):
        invitations = NpsInvitation.objects.filter(token=token, survey=self)
        return invitations.select_related("response").first()

    def get_share_page(self):
        """The testimonial form every respondent is invited to, whatever their score:
        in the survey's language when it has one, so what they write is recorded in
        the language they were asked in."""
        share_page = self.share_page if self.share_page and self.share_page.live else None
        if share_page is not None and share_page.locale_id != self.locale_id:
            translation = share_page.get_translation_or_none(self.locale)
            if translation is not None and translation.live:
                share_page = translation
        if share_page is not None:
            return share_page
        share_pages = TestimonialSubmissionPage.objects.live()
        return share_pages.filter(locale_id=self.locale_id).first() or share_pages.first()

    def share_url(self, invitation):
        """The respondent's own link to the testimonial form, the same for every score:
        what they send there is recorded as After NPS."""
        share_page = self.get_share_page()
        return after_nps_link.path(share_page, invitation) if share_page else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["share_page"] = self.get_share_page()
        return context

    def get_sitemap_urls(self, request=None):
        # Answered through personal links only: nothing here for search engines.
        return []


def record_answer(invitation, data):
    """Store one answer for the invitation; False if it already had one."""
    try:
        with transaction.atomic():
            NpsResponse.objects.create(
                invitation=invitation, score=data["score"], comment=data["comment"]
            )
    except IntegrityError:
        return False
    return True


def new_invitation_token():
    return secrets.token_urlsafe(24)


class NpsInvitation(models.Model):
    """A customer asked to answer the survey. Its link, made of a random token nobody
    can guess, accepts one answer."""

    token = models.CharField(
        max_length=40, unique=True, default=new_invitation_token, editable=False
    )
    survey = models.ForeignKey(NpsSurveyPage, on_delete=models.CASCADE, related_name="invitations")
    name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(help_text="Private: the invitation is sent here.")
    customer = models.ForeignKey(
        "testimonials.Customer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nps_invitations",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("survey"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("customer"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("NPS invitation")
        verbose_name_plural = _("NPS invitations")

    def __str__(self):
        # Shown in listings, choosers and history: the address stays private.
        return f"{self.name or 'No name given'} ({self.created_at:%Y-%m-%d})"


class NpsResponse(models.Model):
    """One answer to the survey. It is never used to decide whom to invite to share
    their experience: everyone is invited alike."""

    PROMOTER_MIN = 9
    DETRACTOR_MAX = 6

    invitation = models.OneToOneField(
        NpsInvitation, on_delete=models.CASCADE, related_name="response"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(default=timezone.now)

    objects = NpsResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-answered_at", "-pk"]
        verbose_name = _("NPS answer")
        verbose_name_plural = _("NPS answers")

    def __str__(self):
        return f"{self.score} from {self.invitation}"

    @property
    def category(self):
        if self.score >= self.PROMOTER_MIN:
            return "Promoter"
        if self.score <= self.DETRACTOR_MAX:
            return "Detractor"
        return "Passive"
