import datetime
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Prefetch, Q, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField

from comparisons.blocks import PlanBlock, PointBlock
from comparisons.evidence_archive import evidence_of_fact, evidence_response
from comparisons.localized import (
    TRANSLATION_FIELDS,
    in_source_locale,
    localize_for,
    ours_in_source_locale,
)
from comparisons.page_cache import comparison_fragment
from comparisons.renditions import product_markdown, serve_markdown, wants_markdown
from comparisons.structured_data import product_page, rich_result_problems
from home.honesty import HonestyCheckedPage
from home.model_rows import made_from_rows
from home.models.index_page import IndexPage
from home.models.site_settings import SiteSettings
from home.prepared import PreparedQuery
from home.tree import child_bounds, children_between, children_of
from home.visibility import ViewRestrictionsByPathMixin, listable, private_sections

from .comparison_pages import ComparedProduct, ComparisonPage
from .criteria import with_ranked_values
from .facts import Fact

# Comparisons and case studies a product page lists: the newest, then a link to all.
RELATED_SHOWN = 12
# What a related page is read with: what a link needs and the product it is the page of.
LINKED_PAGE_FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "url_path",
    "locale_id",
    "content_type_id",
    "first_published_at",
    "page_for_product",
)
NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


class ProductIndexPage(IndexPage):
    template = "pages/product_index_page.html"
    per_page = 24

    parent_page_types = ["home.HomePage"]
    subpage_types = ["comparisons.ProductPage"]

    route_select_related = ["product", "product__logo"]
    # Product pages the home page shows, in the order editors give them in the page
    # tree; the rest are a click away on this index.
    shown_on_home_page = 6

    def get_listing(self, request):
        return super().get_listing(request).select_related("product").order_by("title")

    @classmethod
    def home_page_context(cls, home_page, request):
        """Our first products on the home page, with a link to this index."""
        products = list(
            listable(ProductPage.objects.descendant_of(home_page), request)
            .defer(*ProductPage.left_out_of_cards)
            .select_related("product")
            .order_by("path")[: cls.shown_on_home_page]
        )
        localize_for(home_page, [page.product for page in products])
        return {
            "product_index": listable(cls.objects.filter(children_of(home_page)), request).first(),
            "products": products,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        localize_for(self, [child.product for child in context["children"]])
        return context


class ProductPage(HonestyCheckedPage, RoutablePageMixin, ViewRestrictionsByPathMixin, Page):
    """The honest page for one of our products: what it does well, where it falls
    short, and who should buy something else."""

    template = "pages/product_page.html"

    # Every language's page is about the same product: the one its facts belong to.
    override_translatable_fields = [SynchronizedField("product", overridable=False)]

    product = models.ForeignKey(
        "comparisons.Product",
        null=True,
        on_delete=models.SET_NULL,
        related_name="pages",
        limit_choices_to=ours_in_source_locale,
        help_text="One of our products. Its facts appear on this page.",
    )
    summary = RichTextField(features=["bold", "italic", "link"])
    pricing = StreamField([("plan", PlanBlock())], blank=True)
    pricing_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Taxes, minimum seats, discounts: anything that changes the price paid.",
    )
    strengths = StreamField([("strength", PointBlock())], min_num=1)
    limitations = StreamField(
        [("limitation", PointBlock())],
        min_num=1,
        help_text="Every product has some. Readers trust a page that names them.",
    )
    ideal_for = StreamField([("audience", PointBlock())], min_num=1, verbose_name="who it is for")
    last_reviewed = models.DateField(
        help_text="When someone last checked that this page is still true."
    )

    content_panels = Page.content_panels + [
        FieldPanel("product"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("pricing"), FieldPanel("pricing_note")], heading="Pricing"),
        FieldPanel("strengths"),
        FieldPanel("limitations"),
        FieldPanel("ideal_for"),
        InlinePanel(
            "not_suitable_for",
            label="Not suitable for",
            heading="Not suitable for",
            min_num=1,
            help_text="Situations where another product, ours or a competitor's, fits better.",
        ),
        FieldPanel("last_reviewed"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("strengths"),
        index.SearchField("limitations"),
        index.SearchField("ideal_for"),
        index.SearchField("pricing_note"),
        index.RelatedFields("product", [index.SearchField("name")]),
        # Readers search for their own situation, so "not for you if" is searchable too.
        index.RelatedFields(
            "not_suitable_for", [index.SearchField("situation"), index.SearchField("reason")]
        ),
    ]
    api_fields = [
        "product",
        "summary",
        "pricing",
        "pricing_note",
        "strengths",
        "limitations",
        "ideal_for",
        "not_suitable_for",
        "last_reviewed",
    ]

    parent_page_types = ["comparisons.ProductIndexPage"]
    subpage_types = ["comparisons.ExitGuidePage"]
    testimonials_shown = 6
    # Not on the cards listing product pages (the index, the home page).
    left_out_of_cards = ("summary", "pricing", "strengths", "limitations", "ideal_for")
    has_markdown_rendition = True
    # The Markdown rendition (?format=md).
    cache_parameters = ("format",)
    search_result_label = _("Product")

    def get_structured_data(self, context, url, publisher):
        return product_page(self, context, url, publisher)

    @classmethod
    def prepare_api_listing(cls, pages):
        """The product and the not-suitable-for items (with their alternatives) the
        API shows of each page: a query each for all the pages of a listing."""
        prefetch_related_objects(
            pages,
            "product",
            Prefetch(
                "not_suitable_for",
                queryset=NotSuitableFor.objects.select_related("alternative"),
            ),
        )

    @property
    def plans(self):
        return [block.value for block in self.pricing]

    @property
    def priced_plans(self):
        """The plans with a price: what search engines get as offers. A plan priced on
        request is left out rather than given an invented price."""
        return [plan for plan in self.plans if plan.is_priced]

    def rich_result_problems(self):
        """What search results cannot show for this page, for the editor's checks
        panel: warnings only, since the page is right for readers without them."""
        return rich_result_problems(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        not_suitable_for, related = self.who_should_buy_else(request)
        context["exit_guide"] = related.pop("exit_guide")
        context["not_suitable_for"] = not_suitable_for
        if self.product_id:
            freshness_limit_days = SiteSettings.for_request(request).freshness_limit_days
            # Loaded only if the template's cached facts table has to be rendered.
            context["facts"] = SimpleLazyObject(lambda: self.facts(freshness_limit_days))
            url = self.get_url(request)
            context["evidence_base"] = f"{url}evidence/" if url else ""
            context["fragment_seconds"], context["fragment_version"] = comparison_fragment(
                request, freshness_limit_days
            )
            context.update(related)
            context.update(self.advocacy_context(request))
        return context

    def who_should_buy_else(self, request):
        """The not-suitable-for items, each alternative linked to our page for it or
        its vendor's site, and the related pages (in this page's language, product
        localized): what the page and its Markdown rendition both say."""
        if "not_suitable_for" in getattr(self, "_cluster_related_objects", {}):
            # A preview, or a revision: the items as the editor left them, unsaved.
            items = self.not_suitable_for.select_related("alternative").order_by("sort_order")
            not_suitable_for = list(items)
        else:
            not_suitable_for = NOT_SUITABLE_FOR(self.pk) if self.pk else []
        related = self.related_pages(not_suitable_for, request)
        link_alternatives(not_suitable_for, related.pop("alternatives"), request)
        localize_for(self, [self.product])
        return not_suitable_for, related

    @path("")
    def index_route(self, request, *args, **kwargs):
        if wants_markdown(request):
            return serve_markdown(self, request, product_markdown)
        return super().index_route(request, *args, **kwargs)

    @path("evidence/<int:fact_id>/", name="evidence")
    def evidence(self, request, fact_id):
        """One fact's evidence, as the comparison pages show it."""
        if not self.product_id:
            raise Http404
        freshness = SiteSettings.for_request(request).freshness_limit_days
        evidence = evidence_of_fact(
            self, self.product, fact_id, Fact.objects, freshness, timezone.localdate()
        )
        return evidence_response(self, request, evidence, f"fact-{fact_id}")

    def facts(self, freshness_limit_days):
        in_their_language = self.locale_id == self.product.locale_id
        words_in = None if in_their_language else self.locale_id
        facts = facts_of_product(words_in)(self.product_id)
        today = timezone.localdate()
        for fact in facts:
            fact.age = fact.age_in_days(today)
            fact.stale = fact.age > freshness_limit_days
        criteria = {fact.criterion_id: fact.criterion for fact in facts}
        # Criteria first: a ranked value takes its words from its criterion.
        localize_for(self, [*criteria.values(), *facts])
        return facts

    def related_pages(self, not_suitable_for, request):
        """The public pages this page links to, in one query: the comparisons and case
        studies that feature its product, our own product pages for the alternatives it
        recommends (by product), and its guide to leaving the product."""
        related = {"comparisons": [], "case_studies": [], "alternatives": {}, "exit_guide": None}
        ours = {
            item.alternative_id
            for item in not_suitable_for
            if item.alternative and item.alternative.is_ours
        }
        # A page being made has no children yet, and may have no product.
        bounds = child_bounds(self) if self.pk else (None, None, None)
        keys = (sorted(ours), *bounds, self.product_id, self.locale_id)
        if self.pk and self.product_id and not private_sections(request):
            rows = RELATED_PAGE_ROWS(*keys)
        else:
            wanted = related_to(*keys)
            if not wanted:
                return related
            # Pages in a private section are left out, as from every listing.
            pages = newest_related(listable(Page.objects.filter(wanted), request))
            rows = pages.values_list(*LINKED_PAGE_FIELDS)
        comparison_type = ContentType.objects.get_for_model(ComparisonPage)
        # What a link to a page needs (its title and address, and what sorts it here),
        # in pages made from their rows: two dozen links, each page made by Django
        # costing more than its row.
        for page in made_from_rows(Page, rows, LINKED_PAGE_FIELDS):
            if page.page_for_product in ours:
                # Of several pages for one product (translations), the one in this
                # page's language, or else the first in the tree.
                alternatives = related["alternatives"]
                chosen = alternatives.get(page.page_for_product)
                if chosen is None or (
                    page.locale_id == self.locale_id and chosen.locale_id != self.locale_id
                ):
                    alternatives[page.page_for_product] = page
            elif page.depth == self.depth + 1 and page.path.startswith(self.path):
                related["exit_guide"] = page
            elif page.content_type_id == comparison_type.pk:
                related["comparisons"].append(page)
            else:
                related["case_studies"].append(page)
        for kind in ("comparisons", "case_studies"):
            related[f"more_{kind}"] = more_of(related[kind], request)
        return related

    def advocacy_context(self, request):
        """What customers say about this product: every approved testimonial counts,
        whatever its rating; the newest are shown first."""
        testimonials = self.product.testimonials
        return {
            "testimonials": testimonials.newest_public(self.testimonials_shown),
            **testimonials.summary(),
        }


@cache
def facts_of_product(words_in):
    """A product's facts as its page shows them, in their criteria's order, with their
    words in the locale ``words_in`` if given: compiled once per language
    (home.prepared), called with the product's id."""

    def build(product_id):
        facts = (
            Fact.objects.filter(product_id=product_id)
            .as_shown(words_in)
            .select_related("criterion")
            .order_by("criterion__group", "criterion__sort_order", "criterion__name")
        )
        if words_in is None:
            return facts.defer(*(f"criterion__{name}" for name in TRANSLATION_FIELDS))
        # Translated words stand aside for ranked values, which are read here.
        return facts.prefetch_related(with_ranked_values("criterion__"))

    return PreparedQuery(build, int)


def related_to(ours, after, up_to, depth, product_id, locale_id):
    """The pages a product page links to (``ProductPage.related_pages``): our product
    pages for the products in ``ours``, its children (between the paths ``after`` and
    ``up_to``, at ``depth``), and the comparisons and case studies of ``product_id`` in
    the locale ``locale_id``.

    Each kind of page by an index: pages by id, children by path. A condition the
    database has to test row by row reads every page of the site (4.9 ms of SQL on the
    benchmark's 2,551 pages, against 0.4 ms this way). Subqueries, not joins: a page
    comparing the product on two plans is still one page."""
    wanted = Q(pk__in=ProductPage.objects.filter(product_id__in=ours).values("pk"))
    if after is not None:
        wanted |= children_between(after, up_to, depth)
    if product_id is not None:
        compared = ComparedProduct.objects.filter(product=product_id).values("page_id")
        quoted = Page.objects.filter(casestudypage__products=product_id).values("pk")
        wanted |= Q(locale_id=locale_id) & (Q(pk__in=compared) | Q(pk__in=quoted))
    return wanted


def newest_related(pages):
    """The newest ``RELATED_SHOWN`` and one more of each kind of page, by title."""
    return (
        pages.annotate(
            page_for_product=F("productpage__product_id"),
            # So a product featured in hundreds of pages lists a few and links to the
            # rest, and the page costs the same.
            newest=Window(
                RowNumber(),
                partition_by=[F("content_type")],
                order_by=[F("first_published_at").desc(nulls_last=True), F("pk").desc()],
            ),
        )
        .filter(newest__lte=RELATED_SHOWN + 1)
        .order_by("title")
    )


# Who should buy something else, as the page shows it (a preview excepted).
NOT_SUITABLE_FOR = PreparedQuery(
    lambda page_id: (
        NotSuitableFor.objects.filter(page_id=page_id)
        .select_related("alternative")
        .order_by("sort_order")
    ),
    int,
)

# The related pages of a product page on a site without private sections (every page
# of it live): compiled once for each number of alternatives we make (home.prepared).
RELATED_PAGE_ROWS = PreparedQuery(
    lambda *keys: newest_related(Page.objects.filter(related_to(*keys)).live()).values_list(
        *LINKED_PAGE_FIELDS
    ),
    [int],
    str,
    str,
    int,
    int,
    int,
)


def more_of(pages, request):
    """Where all the pages of a kind are listed (the index above them), when only the
    newest ``RELATED_SHOWN`` of them are, else ""; ``pages`` loses the extra one."""
    if len(pages) <= RELATED_SHOWN:
        return ""
    newest = max(pages, key=lambda page: (page.first_published_at or NEVER, page.pk))
    pages.remove(min(pages, key=lambda page: (page.first_published_at or NEVER, page.pk)))
    url = newest.get_url(request) or ""
    # A page's address is its parent's and its slug: the index is one step up.
    return url[: url.rstrip("/").rfind("/") + 1] if url else ""


def link_alternatives(items, pages, request):
    """Point each recommended alternative at our own page for it (``pages``, by product)
    when we have one, otherwise at the vendor's website."""
    for item in items:
        page = pages.get(item.alternative_id)
        if page:
            item.alternative_url = page.get_url(request)
        else:
            item.alternative_url = item.alternative.website if item.alternative else ""


class NotSuitableFor(TranslatableMixin, Orderable):
    """Who should buy something else: translated with the page, recommending the same
    alternative in every language."""

    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="not_suitable_for")
    situation = models.CharField(
        max_length=160,
        help_text='Written so a reader recognises themselves: "You need phone support '
        'around the clock".',
    )
    reason = models.TextField(max_length=600, help_text="Why our product is the wrong choice.")
    alternative = models.ForeignKey(
        "comparisons.Product",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_source_locale,
        help_text="What we recommend instead, a competitor's product included.",
    )

    panels = [FieldPanel("situation"), FieldPanel("reason"), FieldPanel("alternative")]
    override_translatable_fields = [SynchronizedField("alternative", overridable=False)]

    api_fields = ["situation", "reason", "alternative"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.situation
