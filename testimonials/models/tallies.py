from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class TestimonialTally(models.Model):
    """One product's testimonial figures as last counted: what
    ``product.testimonials.summary()`` returns, stored so a page reads one row instead
    of counting every testimonial. testimonials.tallies keeps it equal to a fresh
    count on every path that changes a testimonial."""

    product = models.OneToOneField(
        "comparisons.Product", on_delete=models.CASCADE, related_name="testimonial_tally"
    )
    # TestimonialQuerySet.counts(): plain numbers, keyed as that aggregate names them, so
    # a rejection reason added later needs no new column.
    counts = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    counted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "testimonial tally"
        verbose_name_plural = "testimonial tallies"

    def __str__(self):
        return f"Testimonials of {self.product}"
