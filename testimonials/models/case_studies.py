from collections import defaultdict

from django import forms
from django.db import models
from django.db.models import F, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from rest_framework.fields import Field
from wagtail_localize.fields import SynchronizedField

from comparisons.localized import ours_in_source_locale
from home.models.index_page import IndexPage
from home.page_cache.parameters import filters_shown_as_asked
from home.tree import children_in_an_order_of_their_own
from home.visibility import ViewRestrictionsByPathMixin
from testimonials.blocks import MetricBlock
from testimonials.filters import CaseStudyFilter
from testimonials.querysets import PUBLIC

from .testimonials import Testimonial


class PublicQuotesField(Field):
    """A case study's quotes that are public now, in the editor's order: a quote whose
    author withdrew it, or that an editor unpublished, simply disappears. Each is
    shown as the API's testimonials endpoint shows it."""

    def get_attribute(self, page):
        # Loaded for every page of a listing at once, where it was (prepare_api_listing).
        if "public_quotes_loaded" in page.__dict__:
            return page.public_quotes_loaded
        return page.public_quotes()

    def to_representation(self, testimonials):
        router = self.context["router"]
        _name, endpoint = router.get_model_endpoint(Testimonial)
        serializer = endpoint.nested_serializer_class(router)(context=self.context)
        return [serializer.to_representation(testimonial) for testimonial in testimonials]


class TagNamesField(Field):
    """A case study's tags by name, as Wagtail's ``TagsField`` lists them, from the
    tags loaded with the page (which ``TagsField`` asks the database for again)."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey(
        "testimonials.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyIndexPage(IndexPage):
    template = "pages/case_study_index_page.html"
    per_page = 12
    cache_parameters = ("page", *CaseStudyFilter.base_filters)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["testimonials.CaseStudyPage"]

    def get_listing(self, request):
        listing = super().get_listing(request).select_related("customer")
        self.filters = CaseStudyFilter(request.GET, queryset=listing)
        listing = self.filters.qs.order_by("-customer_approved_on", "-pk")
        # Only a filter joins the products or tags a case study may have several of:
        # DISTINCT over every column of every page would make the page count and the
        # list sort all of them.
        return listing.distinct() if self.filtered(request) else listing

    def children(self):
        # Newest approval first, read in that order from the case studies' own index
        # (on the day, then the page: the one added last first) and no further than
        # the page shown; sorting by the title as well would sort all of them.
        return children_in_an_order_of_their_own(self)

    def filtered(self, request):
        return any(request.GET.get(name) for name in CaseStudyFilter.base_filters)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filters"] = self.filters
        filters_shown_as_asked(request, self.filters, found=context["children"].paginator.count)
        return context


class CaseStudyPage(ViewRestrictionsByPathMixin, Page):
    template = "pages/case_study_page.html"

    # wagtail-localize leaves many-to-many fields alone: its translations would keep
    # the products they were first made with. They follow the original's instead.
    override_translatable_fields = [SynchronizedField("products", overridable=False)]

    customer = models.ForeignKey(
        "testimonials.Customer", null=True, on_delete=models.SET_NULL, related_name="case_studies"
    )
    products = ParentalManyToManyField(
        "comparisons.Product", related_name="case_studies", limit_choices_to=ours_in_source_locale
    )
    summary = models.CharField(max_length=255, help_text="One sentence: what changed.")
    challenge = RichTextField(features=["bold", "italic", "link", "ul", "ol"])
    solution = RichTextField(features=["bold", "italic", "link", "ul", "ol"])
    results = StreamField([("metric", MetricBlock())], blank=True)
    customer_approved_on = models.DateField(
        "customer approved on", help_text="When the customer approved this case study."
    )
    tags = ClusterTaggableManager(through=CaseStudyTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("customer"),
        FieldPanel("products", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("challenge"),
        FieldPanel("solution"),
        FieldPanel("results"),
        MultipleChooserPanel(
            "quotes",
            chooser_field_name="testimonial",
            label="Quote",
            heading="Quotes (approved testimonials only)",
        ),
        FieldPanel("customer_approved_on"),
        FieldPanel("tags"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.SearchField("solution"),
        index.RelatedFields("customer", [index.SearchField("name")]),
    ]
    api_fields = [
        "customer",
        "products",
        "summary",
        "challenge",
        "solution",
        "results",
        APIField("quotes", serializer=PublicQuotesField(read_only=True)),
        "customer_approved_on",
        APIField("tags", serializer=TagNamesField(read_only=True)),
    ]

    parent_page_types = ["testimonials.CaseStudyIndexPage"]
    subpage_types = []
    # Not on the index's cards, which show the summary and the customer.
    left_out_of_cards = ("challenge", "solution", "results")
    # Dated and authored: an article, to the sites it is shared on.
    og_type = "article"
    search_result_label = _("Case study")

    class Meta:
        # The index's order (CaseStudyIndexPage.get_listing), walked from the newest.
        indexes = [
            models.Index(
                fields=["customer_approved_on", "page_ptr"], name="case_study_approved_order"
            )
        ]

    def public_quotes(self):
        """Only quotes that are still approved: a withdrawn one simply disappears."""
        return (
            Testimonial.objects.public()
            .filter(case_study_quotes__page=self)
            .for_display()
            .order_by("case_study_quotes__sort_order")
        )

    @classmethod
    def prepare_api_listing(cls, pages):
        """What the API shows of each case study, for all the pages of a listing at
        once: its customer, products and tags, and its public quotes, a query each."""
        prefetch_related_objects(pages, "customer", "products", "tags")
        quotes = defaultdict(list)
        quoted = (
            Testimonial.objects.public()
            .filter(case_study_quotes__page__in=pages)
            .for_display()
            .annotate(quoted_in=F("case_study_quotes__page"))
            .order_by("case_study_quotes__sort_order")
        )
        for quote in quoted:
            quotes[quote.quoted_in].append(quote)
        for page in pages:
            page.public_quotes_loaded = quotes[page.pk]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["quotes"] = self.public_quotes()
        return context

    def get_structured_data(self, context, url, publisher):
        """An article by the publisher about the customer (schema.org, as JSON-LD)."""
        node = {
            "@type": "Article",
            "@id": f"{url}#article",
            "mainEntityOfPage": url,
            "headline": self.title,
            "description": self.summary,
            "author": publisher,
            "publisher": publisher,
        }
        if self.first_published_at:
            node["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            node["dateModified"] = self.last_published_at.isoformat()
        if self.customer:
            node["about"] = {"@type": "Organization", "name": self.customer.name}
        return [node]


class CaseStudyQuote(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="quotes")
    testimonial = models.ForeignKey(
        Testimonial,
        on_delete=models.CASCADE,
        related_name="case_study_quotes",
        limit_choices_to=PUBLIC,
    )

    panels = [FieldPanel("testimonial")]
