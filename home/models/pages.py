from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.visibility import ViewRestrictionsByPathMixin


class HomePage(ViewRestrictionsByPathMixin, Page):
    template = "pages/home_page.html"

    honesty_promise = models.CharField(
        max_length=200,
        help_text="One sentence that states the promise this site keeps to readers.",
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("honesty_promise"),
        FieldPanel("intro"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("honesty_promise"),
        index.SearchField("intro"),
    ]
    api_fields = ["honesty_promise", "intro"]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "comparisons.ProductIndexPage",
        "comparisons.ComparisonIndexPage",
        "testimonials.TestimonialWallPage",
        "testimonials.TestimonialSubmissionPage",
        "testimonials.CaseStudyIndexPage",
        "testimonials.NpsSurveyPage",
        "testimonials.DemoRequestPage",
        "home.StandardPage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        # comparisons builds on home, so home looks it up only when rendering.
        from comparisons.models import (
            ComparisonIndexPage,
            ComparisonPage,
            ProductIndexPage,
            ProductPage,
        )

        context = super().get_context(request, *args, **kwargs)
        context["product_index"] = ProductIndexPage.objects.child_of(self).live().public().first()
        context["comparison_index"] = (
            ComparisonIndexPage.objects.child_of(self).live().public().first()
        )
        context["products"] = (
            ProductPage.objects.descendant_of(self).live().public().select_related("product")
        )
        context["comparisons"] = (
            ComparisonPage.objects.descendant_of(self).live().public().order_by("-reviewed_on")[:3]
        )
        return context


class StandardPage(ViewRestrictionsByPathMixin, Page):
    """Policy and explainer pages such as "How we compare"."""

    template = "pages/standard_page.html"

    intro = models.CharField(max_length=255, blank=True)
    body = StreamField(BodyBlock())

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = ["intro", "body"]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
