from django.core.validators import MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from home.origins import parse_origin_list, validate_origin_list
from home.process_memory import detached, remembered

DEFAULT_FRESHNESS_LIMIT_DAYS = 180
DEFAULT_RECONFIRMATION_MONTHS = 12
DEFAULT_RECONFIRMATION_GRACE_DAYS = 30
DEFAULT_FATIGUE_LIMIT = 2


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

    default_description = models.CharField(
        max_length=300,
        blank=True,
        help_text="Used as the meta and share description of pages that have none of their own.",
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page is shared on social media and has no image of its own.",
    )
    widget_allowed_origins = models.TextField(
        blank=True,
        validators=[validate_origin_list],
        help_text="Websites allowed to embed the testimonial widget, one origin per line, "
        "e.g. https://www.example.com. Every other site is refused.",
    )

    reconfirmation_months = models.PositiveSmallIntegerField(
        "re-confirmation period (months)",
        default=DEFAULT_RECONFIRMATION_MONTHS,
        validators=[MinValueValidator(1)],
        help_text="A published testimonial needs its author to have confirmed being a "
        "customer within this many months; after that they are asked again.",
    )
    reconfirmation_grace_days = models.PositiveSmallIntegerField(
        "grace period (days)",
        default=DEFAULT_RECONFIRMATION_GRACE_DAYS,
        validators=[MinValueValidator(1)],
        help_text="How long an author has to answer before their testimonial is "
        "unpublished. Nothing is deleted.",
    )
    fatigue_limit = models.PositiveSmallIntegerField(
        "fatigue limit (per quarter)",
        default=DEFAULT_FATIGUE_LIMIT,
        validators=[MinValueValidator(1)],
        help_text="The most we ask of one advocate in a calendar quarter: testimonials, "
        "case studies, reference calls, events and reviews counted together.",
    )

    select_related = [
        "methodology_page",
        "testimonial_policy_page",
        "testimonial_wall_page",
        "default_share_image",
    ]

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, from this process's memory (home.process_memory): every page
        reads them, and they change only with the site's version."""
        name = cls.get_cache_attr_name()
        if hasattr(request, name):
            return getattr(request, name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # refused as Wagtail refuses it
        found = detached(remembered(request, (cls, site.pk), lambda: cls.for_site(site)))
        found._request = request  # as Wagtail sets it, for pages' URLs
        setattr(request, name, found)
        return found

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
        MultiFieldPanel(
            [FieldPanel("default_description"), FieldPanel("default_share_image")],
            heading="Search engines and sharing",
        ),
        FieldPanel("widget_allowed_origins", heading="Testimonial widget"),
        MultiFieldPanel(
            [
                FieldPanel("reconfirmation_months"),
                FieldPanel("reconfirmation_grace_days"),
                FieldPanel("fatigue_limit"),
            ],
            heading="Advocate program",
        ),
    ]

    @property
    def widget_origins(self):
        return parse_origin_list(self.widget_allowed_origins)

    class Meta:
        verbose_name = "site settings"
