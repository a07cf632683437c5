from dataclasses import dataclass

from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.anti_abuse import serve_public_form
from home.uploads import private_storage
from home.visibility import ViewRestrictionsByPathMixin
from testimonials import kept_photos
from testimonials.choices import Source, Verification
from testimonials.forms import TestimonialSubmissionForm
from testimonials.links import after_nps_link, invited_link
from testimonials.notifications import send_submission_emails
from testimonials.photos import store_upload

from .campaigns import Invitation
from .testimonials import Testimonial


@dataclass(frozen=True)
class Provenance:
    """Where a testimonial sent through the form came from, as the link the customer
    followed says: the form on its own (Organic), a campaign's invitation (Invited: the
    link proves they are on our customer list), or the survey (After NPS, whatever the
    score)."""

    source: str = Source.FORM
    invitation: Invitation | None = None
    nps_invitation: object = None
    verification: str = Verification.NONE

    def fields(self):
        return {
            "source": self.source,
            "invitation": self.invitation,
            "nps_invitation": self.nps_invitation,
            "verification": self.verification,
            "verified_at": timezone.now() if self.verification else None,
        }

    def claim(self):
        """One testimonial per invitation or survey answer: mark the invitation
        answered, or refuse if it already was (two sends at once included: the
        database also holds one testimonial per link)."""
        if self.nps_invitation is not None:
            if Testimonial.objects.filter(nps_invitation=self.nps_invitation).exists():
                raise AlreadyAnswered
            return
        if self.invitation is None:
            return
        answered = Invitation.objects.filter(
            pk=self.invitation.pk, answered_at__isnull=True
        ).update(answered_at=timezone.now())
        if not answered:
            raise AlreadyAnswered


ORGANIC = Provenance()


class AlreadyAnswered(Exception):
    pass


def validate_email_list(value):
    for address in value.split(","):
        if address.strip():
            validate_email(address.strip())


class TestimonialSubmissionPage(RoutablePageMixin, ViewRestrictionsByPathMixin, Page):
    """The public form where advocates submit a testimonial. A page, so editors
    decide where it lives and how it is worded."""

    template = "pages/testimonial_submission_page.html"

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        help_text="Shown after sending: say what happens next.",
    )
    notify_emails = models.CharField(
        "notify editors at",
        max_length=500,
        validators=[validate_email_list],
        help_text="Comma-separated addresses told about every new submission.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
        FieldPanel("notify_emails"),
    ]
    # The editors' notification addresses stay private.
    api_fields = ["intro", "thank_you_text"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    @path("")
    def submit(self, request):
        return self.serve_form(request)

    @path("invited/<str:token>/", name="invited")
    def invited(self, request, token):
        """A campaign's invitation: the product and the customer are known."""
        pk = invited_link.record_id(token)
        invitation = (
            Invitation.objects.select_related("contact", "product")
            .filter(pk=pk, contact__isnull=False)
            .first()
            if pk
            else None
        )
        if invitation is None:
            return self.private(self.link_state(request, "invalid", status=404))
        if invitation.answered_at is not None:
            return self.private(self.link_state(request, "answered"))
        contact = invitation.contact
        provenance = Provenance(
            source=Source.INVITED, invitation=invitation, verification=Verification.CUSTOMER_LIST
        )
        initial = {
            "author_name": contact.name,
            "author_company": contact.company,
            "email": contact.email,
        }
        # Who was invited is who answers: "invited from our customer list" is said of
        # the customer on the list, so a forwarded link cannot sign as someone else.
        return self.private(
            self.serve_form(
                request, provenance, initial=initial, product=invitation.product, fixed=initial
            )
        )

    @path("after-nps/<str:token>/", name="after_nps")
    def after_nps(self, request, token):
        """The link every survey respondent is given after answering, whatever their
        score."""
        # The survey's invitation, named through the testimonial's own link to it:
        # the survey's module imports this one.
        nps_invitations = Testimonial._meta.get_field("nps_invitation").related_model.objects
        pk = after_nps_link.record_id(token)
        nps_invitation = (
            nps_invitations.select_related("customer").filter(pk=pk, response__isnull=False).first()
            if pk
            else None
        )
        if nps_invitation is None:
            return self.private(self.link_state(request, "invalid", status=404))
        if Testimonial.objects.filter(nps_invitation=nps_invitation).exists():
            return self.private(self.link_state(request, "answered"))
        provenance = Provenance(source=Source.AFTER_NPS, nps_invitation=nps_invitation)
        initial = {"author_name": nps_invitation.name, "email": nps_invitation.email}
        if nps_invitation.customer:
            initial["author_company"] = nps_invitation.customer.name
        return self.private(self.serve_form(request, provenance, initial=initial))

    def serve_form(self, request, provenance=ORGANIC, initial=None, product=None, fixed=()):
        """The form; ``fixed`` names answers the link already gave (shown, not changed)."""
        data = (request.POST, request.FILES) if request.method == "POST" else ()
        form = TestimonialSubmissionForm(*data, page=self, initial=initial or {})
        if product is not None:
            form.fix_product(product)
        for name in fixed:
            form.fields[name].disabled = True

        def render(form):
            form.keep_photo(request)  # shown again with errors, the visitor's photo is kept
            return self.render(request, context_overrides={"form": form})

        try:
            return serve_public_form(
                request,
                form,
                render=render,
                save=lambda form: self.save_submission(form, provenance),
                thanks_url=lambda: self.thanks_url,
            )
        except AlreadyAnswered:
            return self.link_state(request, "answered")

    def link_state(self, request, state, status=200):
        response = self.render(
            request,
            template="pages/testimonial_invitation.html",
            context_overrides={"state": state},
        )
        response.status_code = status
        return response

    @staticmethod
    def private(response):
        # One person's link, and a form with a CSRF token: never from a shared cache.
        patch_cache_control(response, private=True, no_store=True)
        return response

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="pages/testimonial_thanks.html")

    @property
    def thanks_url(self):
        return self.url + self.reverse_subpage("thanks")

    def save_submission(self, form, provenance=ORGANIC):
        """Store the testimonial as pending, its photo kept private until it is approved,
        then, once it is committed, send e-mails."""
        data = form.cleaned_data
        photo = None
        try:
            with transaction.atomic():
                if data.get("photo"):
                    # Chosen now, or kept while the visitor corrected the form: one path.
                    with kept_photos.opened(data["photo"]) as file:
                        photo = store_upload(
                            file, title=f"Testimonial photo: {data['author_name']}"
                        )
                provenance.claim()
                testimonial = self.store_testimonial(data, photo, provenance)
                send_submission_emails(testimonial)  # queued once it is committed
                transaction.on_commit(form.kept_photo_used)
        except Exception:
            # The image's row is rolled back, not its file: nobody could find it to erase.
            if photo is not None:
                private_storage().delete(photo.file.name)
            raise
        return testimonial

    def store_testimonial(self, data, photo, provenance=ORGANIC):
        return Testimonial.objects.create(
            product=data["product"],
            quote=data["quote"],
            language=data["language"],
            rating=data["rating"],
            author_name=data["author_name"],
            author_role=data["author_role"],
            author_company=data["author_company"],
            email=data["email"],
            photo=photo,
            relationship=data["relationship"],
            incentive=data["incentive"],
            incentive_detail=data["incentive_detail"],
            consent_name=data["consent_name"],
            consent_company=data["consent_company"],
            consent_photo=data["consent_photo"],
            consent_given_at=timezone.now(),
            submitted_via=self,
            **provenance.fields(),
            live=False,
        )
