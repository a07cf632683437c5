from django.db import models


class ReferralVisitDay(models.Model):
    """How many visits an advocate's referral link brought on one day. Only the count:
    nothing about the visitors (no address, no browser, no identifier)."""

    advocate = models.ForeignKey(
        "testimonials.Advocate", on_delete=models.CASCADE, related_name="referral_visit_days"
    )
    day = models.DateField()
    visits = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["advocate", "day"], name="one_visit_count_per_day")
        ]

    def __str__(self):
        return f"{self.visits} visits via {self.advocate} on {self.day}"
