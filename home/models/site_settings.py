from django.core.validators import MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_FRESHNESS_LIMIT_DAYS = 180


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Who publishes this site and how fresh its evidence must be."""

    company_name = models.CharField(
        max_length=120,
        help_text='Named in every disclosure: "Published by <company>, maker of …".',
    )
    freshness_limit_days = models.PositiveIntegerField(
        "freshness limit (days)",
        default=DEFAULT_FRESHNESS_LIMIT_DAYS,
        validators=[MinValueValidator(1)],
        help_text="Facts verified longer ago than this are shown to readers as stale "
        "and listed for editors to re-check.",
    )
    methodology_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text='The "How we compare" page, linked from every comparison.',
    )
    corrections_email = models.EmailField(
        blank=True,
        help_text="Where readers (competitors included) can report an inaccuracy.",
    )

    testimonial_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page that explains how testimonials are collected and verified, "
        "linked next to every testimonial.",
    )
    testimonial_wall_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where “all testimonials” and “read the original” links lead.",
    )

    select_related = ["methodology_page", "testimonial_policy_page", "testimonial_wall_page"]

    panels = [
        FieldPanel("company_name"),
        MultiFieldPanel(
            [
                FieldPanel("freshness_limit_days"),
                FieldPanel("methodology_page"),
                FieldPanel("corrections_email"),
            ],
            heading="Comparisons",
        ),
        MultiFieldPanel(
            [FieldPanel("testimonial_policy_page"), FieldPanel("testimonial_wall_page")],
            heading="Testimonials",
        ),
    ]

    class Meta:
        verbose_name = "site settings"
