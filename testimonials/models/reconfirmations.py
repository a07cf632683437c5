from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReconfirmationRequest(models.Model):
    """One e-mail asking an author whether they are still a customer, covering each of
    their published testimonials that needed it. Kept as the record of what was asked,
    when, and what came of it."""

    class Outcome(models.TextChoices):
        WAITING = "", "Waiting for an answer"
        CONFIRMED = "confirmed", "Still a customer"
        NO_LONGER = "no_longer", "No longer a customer"
        LAPSED = "lapsed", "No answer: unpublished"

    email = models.EmailField()
    advocate = models.ForeignKey(
        "testimonials.Advocate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reconfirmation_requests",
    )
    testimonials = models.ManyToManyField(
        "testimonials.Testimonial", related_name="reconfirmation_requests"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["outcome", "sent_at"])]
        verbose_name = _("re-confirmation request")
        verbose_name_plural = _("re-confirmation requests")

    def __str__(self):
        # Shown in listings, choosers and history: the address stays private.
        who = self.advocate.name if self.advocate_id else "an author"
        return f"Re-confirmation for {who} ({self.created_at:%Y-%m-%d})"

    @property
    def is_open(self):
        return self.outcome == self.Outcome.WAITING
