from collections import defaultdict
from functools import cache

from django.db import models
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField

from comparisons import open_data
from comparisons.admin_forms import ComparisonPageForm
from comparisons.evidence_archive import evidence_for, evidence_response
from comparisons.inaccuracy_reports import InaccuracyReportForm, save_report
from comparisons.localized import in_source_locale, localize, localize_for
from comparisons.page_cache import comparison_fragment
from comparisons.panels import RowsChooserPanel
from comparisons.renditions import comparison_markdown, serve_markdown, wants_markdown
from comparisons.structured_data import comparison_page
from comparisons.table import ALL_PLANS, Column, build_table
from home.anti_abuse import serve_public_form
from home.honesty import HonestyCheckedPage
from home.model_rows import LoadedFromRows, loaded_value
from home.models.index_page import IndexPage
from home.models.site_settings import SiteSettings
from home.page_cache.parameters import shown_as_asked
from home.prepared import PreparedQuery
from home.tree import children_of
from home.visibility import ViewRestrictionsByPathMixin, listable

from .corrections import FactChange
from .cost_calculator import CostCalculatorPage
from .criteria import load_ranked_values, with_ranked_values
from .facts import Fact


class ComparisonIndexPage(IndexPage):
    template = "pages/comparison_index_page.html"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["comparisons.ComparisonPage"]

    def get_listing(self, request):
        return super().get_listing(request).order_by("-reviewed_on", "title")

    @classmethod
    def home_page_context(cls, home_page, request):
        """The three comparisons reviewed last, with a link to this index."""
        return {
            "comparison_index": listable(
                cls.objects.filter(children_of(home_page)), request
            ).first(),
            "comparisons": listable(
                ComparisonPage.objects.descendant_of(home_page), request
            ).order_by("-reviewed_on")[:3],
        }


class ComparisonPage(
    LoadedFromRows,
    HonestyCheckedPage,
    CostCalculatorPage,
    RoutablePageMixin,
    ViewRestrictionsByPathMixin,
    Page,
):
    """Our products against competitors', row by row, from sourced Facts, with the
    corrections made to them and a form to report one that is wrong."""

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
        "last reviewed",
        help_text="When the author last checked the whole comparison.",
        # The home page shows the comparisons reviewed last, the index lists them so:
        # read in this order, not sorted from every comparison on each render.
        db_index=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        RowsChooserPanel(
            "compared_products",
            chooser_field_name="product",
            label="Product",
            heading="Products compared",
            min_num=2,
        ),
        RowsChooserPanel(
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
        index.SearchField("author_name"),
        index.RelatedFields(
            "compared_products",
            [
                index.SearchField("best_for"),
                index.RelatedFields("product", [index.SearchField("name")]),
            ],
        ),
    ]
    api_fields = [
        "intro",
        "compared_products",
        "compared_criteria",
        "selection_note",
        "author_name",
        "reviewed_on",
    ]

    base_form_class = ComparisonPageForm
    parent_page_types = ["comparisons.ComparisonIndexPage"]
    subpage_types = []
    # "Show only differences", the cell a link to the report form names, and the
    # Markdown rendition, and the reader's situation in the cost calculator.
    cache_parameters = (
        "differences",
        "product",
        "criterion",
        "format",
        *CostCalculatorPage.cost_parameters,
    )
    has_markdown_rendition = True
    # Dated and authored: an article, to the sites it is shared on.
    og_type = "article"
    search_result_label = _("Comparison")

    def get_structured_data(self, context, url, publisher):
        return comparison_page(self, context, url, publisher)

    @classmethod
    def prepare_api_listing(cls, pages):
        """The criteria and products the API nests, named in each page's language: a
        few queries for every language of a listing, however many pages."""
        by_locale = defaultdict(list)
        for page in pages:
            by_locale[page.locale_id].append(page)
        # Loaded per language: a product shared by pages in two languages is two
        # objects, each named in its page's.
        for locale_id, in_locale in by_locale.items():
            # Ranked values too: a criterion's words in another language name them.
            prefetch_related_objects(
                in_locale,
                with_ranked_values("compared_criteria__criterion__"),
                "compared_products__product",
            )
            records = [
                record
                for page in in_locale
                for record in [
                    *(item.criterion for item in page.compared_criteria.all()),
                    *(item.product for item in page.compared_products.all()),
                ]
            ]
            localize(records, locale_id)

    def compared(self):
        """The columns (product and plan) and the criteria, in the editor's order."""
        products, criteria = self.compared_products, self.compared_criteria
        if self.pk and not (products.is_deferring or criteria.is_deferring):
            # Read from the database, as every page served is: compiled once.
            compared, rows = COMPARED_PRODUCTS(self.pk), COMPARED_CRITERIA(self.pk)
        else:
            compared = list(products.select_related(*COMPARED_PRODUCT_RELATIONS))
            rows = list(criteria.select_related("criterion"))
        # A preview's rows are the edit form's, in memory and without what they refer
        # to: one query for each, not one per row. Rows loaded above have theirs.
        prefetch_related_objects(compared, "product__logo")
        prefetch_related_objects(rows, "criterion")
        criteria = [row.criterion for row in rows]
        load_ranked_values(criteria)
        columns = [Column(item.product, item.plan, item.best_for) for item in compared]
        return columns, criteria

    def build_table(
        self, freshness_limit_days, today=None, compared=None, localized=False, shown=False
    ):
        """The table; ``localized``: in the page's language, for readers; ``shown``:
        with only what the page shows of each fact (not what open data adds)."""
        columns, criteria = compared or self.compared()
        products = [column.product for column in columns]
        keys = [product.pk for product in products], [criterion.pk for criterion in criteria]
        in_their_language = not localized or all(
            product.locale_id == self.locale_id for product in products
        )
        # In another language, each fact comes with its translation's words.
        words_in = None if in_their_language else self.locale_id
        if shown:
            facts = shown_facts(*keys, words_in)
        else:
            facts = Fact.objects.among(*keys)
            facts = list(facts.with_words_in(words_in) if words_in else facts)
        # Each fact ranks by the criterion as compared here, its ranked values loaded.
        criteria_by_id = {criterion.pk: criterion for criterion in criteria}
        set_criterion = Fact.criterion.field.set_cached_value
        for fact in facts:
            # Cached as the descriptor would, without its checks: the ids are equal.
            set_criterion(fact, criteria_by_id[loaded_value(fact, "criterion_id")])
        table = build_table(
            columns, criteria, facts, freshness_limit_days, today or timezone.localdate()
        )
        if localized:
            # After ranking: a short text ranks by the source's words.
            localize_for(self, facts)
        return table

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        freshness = SiteSettings.for_request(request).freshness_limit_days
        columns, criteria = self.compared()
        localize_for(self, [*criteria, *(column.product for column in columns)])
        # Built only if the template's cached fragment has to be rendered.
        table = SimpleLazyObject(
            lambda: self.build_table(
                freshness, compared=(columns, criteria), localized=True, shown=True
            )
        )
        context["columns"] = columns
        context["criteria"] = criteria
        context["table"] = table
        # The page's address once: each get_url() resolves the site and reverses.
        url = self.get_url(request)
        context["csv_url"] = self.route_url(url, "data_csv")
        context["json_url"] = self.route_url(url, "data_json")
        context["license"] = open_data.license_link()
        context["our_products"] = [column.product for column in columns if column.product.is_ours]
        context["differences_only"] = request.GET.get("differences") == "1"
        shown_as_asked(request, "differences", "1")
        context["corrections"] = SimpleLazyObject(lambda: self.corrections_shown(table))
        context["report_url"] = self.route_url(url, "report_inaccuracy")
        context["evidence_base"] = self.evidence_base(request, url)
        context["calculator"] = self.cost_calculation(request, columns, criteria, freshness)
        context["fragment_seconds"], context["fragment_version"] = comparison_fragment(
            request, freshness
        )
        return context

    def corrections_shown(self, table):
        """The corrections log of the values ``table`` shows, newest first."""
        return FactChange.objects.shown_in(table)

    @path("")
    def index_route(self, request, *args, **kwargs):
        if wants_markdown(request):
            return serve_markdown(self, request, comparison_markdown)
        return super().index_route(request, *args, **kwargs)

    def inaccuracy_report_url(self, request=None):
        """The page's own form for reporting a wrong value, which the site footer
        links to instead of the corrections address."""
        return self.route_url(self.get_url(request), "report_inaccuracy")

    def evidence_base(self, request=None, url=None):
        """Where the evidence pages of this comparison's cells start: each cell's
        anchor follows it."""
        url = url or self.get_url(request)
        return f"{url}evidence/" if url else ""

    def route_url(self, url, route):
        """The address of one of the page's routes, given the page's own ``url``: none
        for a page being previewed before its first save, which has no URL yet."""
        return url + self.reverse_subpage(route) if url else ""

    def render_route(self, request, template, **context):
        """A page of its own under this comparison, without building the table."""
        return TemplateResponse(
            request, template, {"page": self, "self": self, "request": request, **context}
        )

    def get_cached_paths(self):
        """What a CDN purges with the page: its downloads are as stale as it is."""
        return ["/", self.reverse_subpage("data_csv"), self.reverse_subpage("data_json")]

    def dataset_url(self, request, route):
        """Where the table is offered as open data (``route``: data_csv, data_json)."""
        return self.route_url(self.get_url(request), route)

    def open_table(self, request):
        """The table as the page shows it, in its language, the page's address and its
        values' corrections."""
        freshness = SiteSettings.for_request(request).freshness_limit_days
        columns, criteria = self.compared()
        localize_for(self, [*criteria, *(column.product for column in columns)])
        table = self.build_table(freshness, compared=(columns, criteria), localized=True)
        facts = [cell.fact for row in table.rows for cell in row.cells if cell.fact]
        return table, self.get_full_url(request), FactChange.objects.history_by_fact(facts)

    def data_modified_on(self, columns, criteria):
        """When the data of this comparison last changed (see open_data.last_modified)."""
        dates = Fact.objects.newest_dates(
            [column.product.pk for column in columns], [criterion.pk for criterion in criteria]
        )
        return open_data.last_modified(self, dates)

    # Served at data.csv and data.json through comparisons/urls.py, as Wagtail's own
    # routing takes only paths of words and slashes.
    @re_path(r"^data\.csv/?$", name="data_csv")
    def data_csv(self, request):
        return open_data.csv_response(self, *self.open_table(request))

    @re_path(r"^data\.json/?$", name="data_json")
    def data_json(self, request):
        return open_data.json_response(self, *self.open_table(request), request)

    @path("report/", name="report_inaccuracy")
    def report_inaccuracy(self, request):
        columns, criteria = self.compared()
        localize_for(self, [*criteria, *(column.product for column in columns)])
        if request.method == "POST":
            form = InaccuracyReportForm(columns, criteria, request.POST)
        else:
            # A link may name the cell, e.g. ?product=3&criterion=7.
            initial = {key: request.GET.get(key) for key in ("product", "criterion")}
            form = InaccuracyReportForm(columns, criteria, initial=initial)
        return serve_public_form(
            request,
            form,
            render=lambda form: self.render_route(
                request, "pages/inaccuracy_report.html", form=form
            ),
            save=lambda form: save_report(form, self),
            thanks_url=lambda: self.get_url(request) + self.reverse_subpage("report_thanks"),
        )

    @path("evidence/<str:anchor>/", name="evidence")
    def evidence(self, request, anchor):
        """One value's evidence: its source, excerpt, fingerprint and history."""
        freshness = SiteSettings.for_request(request).freshness_limit_days
        evidence = evidence_for(
            self,
            anchor,
            Fact.objects,
            freshness,
            timezone.localdate(),
            more_criteria=self.price_criteria(),
        )
        return evidence_response(self, request, evidence, anchor)

    @path("report/thanks/", name="report_thanks")
    def report_thanks(self, request):
        return self.render_route(request, "pages/inaccuracy_report_thanks.html")


# What a page's columns and rows show with them (``ComparisonPage.compared``).
COMPARED_PRODUCT_RELATIONS = ("product", "product__logo")
COMPARED_PRODUCTS = PreparedQuery(
    lambda page_id: ComparedProduct.objects.filter(page_id=page_id).select_related(
        *COMPARED_PRODUCT_RELATIONS
    ),
    int,
)
COMPARED_CRITERIA = PreparedQuery(
    lambda page_id: ComparedCriterion.objects.filter(page_id=page_id).select_related("criterion"),
    int,
)


def shown_facts(product_ids, criterion_ids, words_in=None):
    """What a page shows of the facts of these products on these criteria, with their
    words in the locale ``words_in`` if given (``FactQuerySet.as_shown``)."""
    return facts_as_shown(words_in)(product_ids, criterion_ids)


@cache
def facts_as_shown(words_in):
    # Compiled once for each size of table and language (home.prepared). The language is
    # not a value: the words read in it are named after it.
    return PreparedQuery(
        lambda product_ids, criterion_ids: Fact.objects.among(product_ids, criterion_ids).as_shown(
            words_in
        ),
        [int],
        [int],
    )


class ComparedProduct(LoadedFromRows, TranslatableMixin, Orderable):
    """A product and plan compared, with the page's verdict on it. The verdict is
    translated with the page; the product and plan are the same in every language."""

    page = ParentalKey(ComparisonPage, on_delete=models.CASCADE, related_name="compared_products")
    product = models.ForeignKey(
        "comparisons.Product",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=in_source_locale,
    )
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
    override_translatable_fields = [
        SynchronizedField("product", overridable=False),
        SynchronizedField("plan", overridable=False),
    ]
    api_fields = ["product", "plan", "best_for"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return f"{self.product} ({self.plan})"


class ComparedCriterion(LoadedFromRows, Orderable):
    page = ParentalKey(ComparisonPage, on_delete=models.CASCADE, related_name="compared_criteria")
    criterion = models.ForeignKey(
        "comparisons.Criterion",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=in_source_locale,
    )

    panels = [FieldPanel("criterion")]
    api_fields = ["criterion"]

    def __str__(self):
        return str(self.criterion)
