from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class ReviewCollectionSettings(BaseSiteSetting):
    """How often customers may be asked, and how fast invitations go out."""

    invitation_interval_days = models.PositiveIntegerField(
        "days between invitations",
        default=180,
        validators=[MinValueValidator(1)],
        help_text="A customer is invited about one product at most once in this many days, "
        "whatever the campaign.",
    )
    invitations_per_minute = models.PositiveIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="Invitations are sent in the background at most this fast, so the mail "
        "server and the customers' servers are not flooded.",
    )

    panels = [FieldPanel("invitation_interval_days"), FieldPanel("invitations_per_minute")]

    class Meta:
        verbose_name = "review collection"
