from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from comparisons.forms import ComparisonPageForm
from comparisons.table import Column, build_table
from home.models.index_page import IndexPage
from home.models.site_settings import SiteSettings
from home.visibility import ViewRestrictionsByPathMixin

from .facts import ALL_PLANS, Fact


class ComparisonIndexPage(IndexPage):
    template = "pages/comparison_index_page.html"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["comparisons.ComparisonPage"]

    def get_listing(self, request):
        return super().get_listing(request).order_by("-reviewed_on", "title")


class ComparisonPage(ViewRestrictionsByPathMixin, Page):
    """Our products against competitors', row by row, from sourced Facts."""

    template = "pages/comparison_page.html"

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Who this comparison is for and what it covers.",
    )
    selection_note = models.TextField(
        "how these products and plans were chosen",
        max_length=600,
        blank=True,
        help_text="Shown next to the table, e.g. why these plans are like for like.",
    )
    author_name = models.CharField(
        "author", max_length=120, help_text="The named person accountable for this page."
    )
    reviewed_on = models.DateField(
        "last reviewed", help_text="When the author last checked the whole comparison."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultipleChooserPanel(
            "compared_products",
            chooser_field_name="product",
            label="Product",
            heading="Products compared",
            min_num=2,
        ),
        MultipleChooserPanel(
            "compared_criteria",
            chooser_field_name="criterion",
            label="Criterion",
            heading="Criteria (rows)",
            min_num=1,
        ),
        FieldPanel("selection_note"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("author_name"), FieldPanel("reviewed_on")])],
            heading="Accountability",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("selection_note"),
    ]
    api_fields = ["intro", "selection_note", "author_name", "reviewed_on"]

    base_form_class = ComparisonPageForm
    parent_page_types = ["comparisons.ComparisonIndexPage"]
    subpage_types = []

    def build_table(self, freshness_limit_days, today=None):
        compared = list(self.compared_products.select_related("product", "product__logo"))
        criteria = [row.criterion for row in self.compared_criteria.select_related("criterion")]
        columns = [Column(item.product, item.plan, item.best_for) for item in compared]
        facts = Fact.objects.filter(
            product__in=[column.product for column in columns], criterion__in=criteria
        ).select_related("criterion")
        return build_table(
            columns, criteria, facts, freshness_limit_days, today or timezone.localdate()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_settings = SiteSettings.for_request(request)
        table = self.build_table(site_settings.freshness_limit_days)
        context["table"] = table
        context["our_products"] = [c.product for c in table.columns if c.product.is_ours]
        context["differences_only"] = request.GET.get("differences") == "1"
        return context


class ComparedProduct(Orderable):
    page = ParentalKey(ComparisonPage, on_delete=models.CASCADE, related_name="compared_products")
    product = models.ForeignKey("comparisons.Product", on_delete=models.CASCADE, related_name="+")
    plan = models.CharField(
        max_length=60,
        default=ALL_PLANS,
        help_text="The plan compared. Facts recorded for this plan are used, then "
        f'those recorded for "{ALL_PLANS}".',
    )
    best_for = models.CharField(
        "verdict: best for",
        max_length=200,
        blank=True,
        help_text='Finish the sentence "Best for …" honestly, competitors included.',
    )

    panels = [FieldPanel("product"), FieldPanel("plan"), FieldPanel("best_for")]

    def __str__(self):
        return f"{self.product} ({self.plan})"


class ComparedCriterion(Orderable):
    page = ParentalKey(ComparisonPage, on_delete=models.CASCADE, related_name="compared_criteria")
    criterion = models.ForeignKey(
        "comparisons.Criterion", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("criterion")]

    def __str__(self):
        return str(self.criterion)
