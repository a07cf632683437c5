from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from comparisons.blocks import ExportFormatBlock
from home.honesty import HonestyCheckedPage
from home.visibility import ViewRestrictionsByPathMixin

from .product_pages import ProductPage, link_alternatives

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ExitGuidePage(HonestyCheckedPage, ViewRestrictionsByPathMixin, Page):
    """How to leave one of our products: exporting your data, in which formats, the
    notice and cancellation terms, and what happens to the data afterwards. Placed under
    the product's page, which links to it, with the alternatives its "Not suitable for"
    list recommends. Publishing it before that page is refused (comparisons/checks.py),
    and while that page is unpublished the guide is not served."""

    template = "pages/exit_guide_page.html"

    intro = RichTextField(
        blank=True,
        features=TEXT_FEATURES,
        help_text="One or two sentences: leaving is allowed, and here is how.",
    )
    export_steps = RichTextField(
        "how to export your data",
        features=TEXT_FEATURES,
        help_text="The steps, from where in the product, by whom (e.g. an account owner).",
    )
    export_formats = StreamField(
        [("format", ExportFormatBlock())],
        min_num=1,
        help_text="Each format the data comes out in, and what it holds.",
    )
    notice_period = models.CharField(
        max_length=160,
        help_text='e.g. "None: cancel any time; the plan runs to the end of the month paid for".',
    )
    cancellation_terms = RichTextField(
        features=TEXT_FEATURES,
        help_text="How to cancel, refunds for unused time, fees (or that there are none).",
    )
    data_after_leaving = RichTextField(
        "what happens to your data after leaving",
        features=TEXT_FEATURES,
        help_text="How long it is kept, when it is deleted, and how to ask for deletion sooner.",
    )
    last_reviewed = models.DateField(
        help_text="When someone last checked that this guide still matches the product."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("export_steps"), FieldPanel("export_formats")],
            heading="Taking your data with you",
        ),
        MultiFieldPanel(
            [FieldPanel("notice_period"), FieldPanel("cancellation_terms")],
            heading="Cancelling",
        ),
        FieldPanel("data_after_leaving"),
        FieldPanel("last_reviewed"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("export_steps"),
        index.SearchField("export_formats"),
        index.SearchField("cancellation_terms"),
        index.SearchField("data_after_leaving"),
    ]
    api_fields = [
        "intro",
        "export_steps",
        "export_formats",
        "notice_period",
        "cancellation_terms",
        "data_after_leaving",
        "last_reviewed",
    ]

    parent_page_types = ["comparisons.ProductPage"]
    subpage_types = []
    max_count_per_parent = 1
    search_result_label = _("Leaving guide")

    def product_page(self):
        return ProductPage.objects.parent_of(self).select_related("product").first()

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.get_parent().live else []

    def get_context(self, request, *args, **kwargs):
        """The product page's recommended alternatives, linked as the product page
        links them: somewhere to go, named by the page that knows the product."""
        context = super().get_context(request, *args, **kwargs)
        product_page = self.product_page()
        # A guide speaks for its product page: while that page is not published (a
        # draft, withdrawn), the guide would show what is not public yet.
        if (product_page is None or not product_page.live) and not getattr(
            request, "is_preview", False
        ):
            raise Http404
        alternatives = []
        if product_page is not None:
            alternatives = [
                item
                for item in product_page.not_suitable_for.select_related("alternative")
                if item.alternative_id
            ]
            related = product_page.related_pages(alternatives, request)["alternatives"]
            link_alternatives(alternatives, related, request)
            alternatives = once_each(alternatives)
        context["product_page"] = product_page
        context["alternatives"] = alternatives
        return context


def once_each(items):
    """Each recommended product once, with every situation it is recommended for."""
    by_product = {}
    for item in items:
        first = by_product.setdefault(item.alternative_id, item)
        first.situations = [*getattr(first, "situations", []), item.situation]
    return list(by_product.values())
