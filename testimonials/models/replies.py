from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

REPLY_MAX_LENGTH = 2000

SIGNED_REFUSAL = _(
    "A published reply keeps the testimonial it answers and the name and role it was "
    "signed with: only its words can be edited, and readers see every earlier wording."
)
NOT_PUBLIC_REFUSAL = _(
    "Only a published testimonial can be answered in public: this one is not published."
)
SECOND_REPLY_REFUSAL = _(
    "This testimonial already has our public reply: edit that reply instead. We answer "
    "each testimonial once."
)


class TestimonialReply(models.Model):
    """Our one public answer to a published testimonial, shown under it with who wrote
    it and when. It never touches the customer's words or rating; once edited it says
    so, and keeps what it said before (TestimonialReplyEdit)."""

    testimonial = models.OneToOneField(
        "testimonials.Testimonial", on_delete=models.CASCADE, related_name="reply"
    )
    text = models.TextField(max_length=REPLY_MAX_LENGTH)
    # As shown under the testimonial: kept as written, whatever becomes of the account.
    replier_name = models.CharField(max_length=100)
    replier_role = models.CharField(max_length=100)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("testimonial"),
        FieldPanel("text"),
        FieldPanel("replier_name"),
        FieldPanel("replier_role"),
    ]

    class Meta:
        verbose_name = _("public reply")
        verbose_name_plural = _("public replies")

    def __str__(self):
        return f"Reply to {self.testimonial}"

    def save(self, *args, **kwargs):
        """Every path (the admin, code) refuses what clean() refuses, and an edit keeps
        the words it replaces, with the date, in the public history."""
        refusal = self.refusal()
        if refusal:
            raise ValidationError(refusal)
        earlier = None
        if self.pk is not None:
            earlier = type(self).objects.filter(pk=self.pk).values_list("text", flat=True).first()
        with transaction.atomic():
            if earlier is not None and earlier != self.text:
                self.edited_at = timezone.now()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "edited_at"}
                TestimonialReplyEdit.objects.create(
                    reply=self, text=earlier, replaced_at=self.edited_at
                )
            super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        refusal = self.refusal()
        if refusal:
            raise ValidationError(refusal)

    def refusal(self):
        """Why this reply may not be saved, or None. Only a published testimonial is
        answered, and only once; once published, what it answers and who signed it stay
        as readers saw them (only its words are edited, with their history)."""
        if self.pk is not None:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("testimonial_id", "replier_name", "replier_role")
                .first()
            )
            if stored and stored != (self.testimonial_id, self.replier_name, self.replier_role):
                return SIGNED_REFUSAL
            return None
        Testimonial = self._meta.get_field("testimonial").related_model
        if not Testimonial.objects.public().filter(pk=self.testimonial_id).exists():
            return NOT_PUBLIC_REFUSAL
        if type(self).objects.filter(testimonial_id=self.testimonial_id).exists():
            return SECOND_REPLY_REFUSAL
        return None


class TestimonialReplyEdit(models.Model):
    """What a reply said before an edit, and when it was replaced: its public history."""

    reply = models.ForeignKey(TestimonialReply, on_delete=models.CASCADE, related_name="edits")
    text = models.TextField()
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["replaced_at", "pk"]

    def __str__(self):
        return f"Earlier text of {self.reply}"
