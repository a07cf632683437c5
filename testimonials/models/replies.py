from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

REPLY_MAX_LENGTH = 2000


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


class TestimonialReplyEdit(models.Model):
    """What a reply said before an edit, and when it was replaced: its public history."""

    reply = models.ForeignKey(TestimonialReply, on_delete=models.CASCADE, related_name="edits")
    text = models.TextField()
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["replaced_at", "pk"]

    def __str__(self):
        return f"Earlier text of {self.reply}"
