"""Reports for editors (Reports menu): facts past the freshness limit, and live pages
failing an honesty check."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

import django_filters

from home.honesty import live_pages_failing_checks
from home.models import SiteSettings

from .models import Fact, Product


class StaleFactFilterSet(WagtailFilterSet):
    product = django_filters.ModelChoiceFilter(queryset=Product.objects.in_source_language())
    product__is_ours = django_filters.BooleanFilter(label="Made by us")

    class Meta:
        model = Fact
        fields = ["product", "product__is_ours"]


def product_edit_url(fact):
    return reverse("wagtailsnippets_comparisons_product:edit", args=[fact.product_id])


class StaleFactsReportView(ReportView):
    """Facts older than the freshness limit, oldest first, for editors to re-verify."""

    page_title = "Stale facts"
    header_icon = "time"
    index_url_name = "comparisons_stale_facts"
    index_results_url_name = "comparisons_stale_facts_results"
    permission_policy = ModelPermissionPolicy(Product)
    permission_required = "change"
    filterset_class = StaleFactFilterSet
    columns = [
        TitleColumn("product", label="Product", get_url=product_edit_url),
        Column("criterion.name", label="Criterion"),
        Column("plan"),
        Column("display_value", label="Value"),
        DateColumn("verified_on", label="Verified on"),
        Column("source_url", label="Source"),
    ]
    list_export = [
        "product",
        "criterion.name",
        "plan",
        "display_value",
        "verified_on",
        "source_url",
    ]
    export_headings = {"criterion.name": "Criterion", "display_value": "Value"}

    def get_page_subtitle(self):
        return f"verified more than {self.freshness_limit_days} days ago"

    @property
    def freshness_limit_days(self):
        return SiteSettings.for_request(self.request).freshness_limit_days

    def get_queryset(self):
        return (
            Fact.objects.in_source_language()
            .stale(self.freshness_limit_days)
            .select_related("product", "criterion")
            .order_by("verified_on", "product__name")
        )

    def get_filename(self):
        return "stale-facts"


def page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class FailingPagesReportView(ReportView):
    """Live pages that fail a blocking honesty check now, e.g. a comparison that became
    one-sided when a fact changed. Nothing unpublishes them by itself: an editor
    decides, and publishing them again is refused until they are honest."""

    page_title = _("Pages failing honesty checks")
    header_icon = "warning"
    index_url_name = "comparisons_failing_pages"
    index_results_url_name = "comparisons_failing_pages_results"
    permission_policy = PagePermissionPolicy()
    permission_required = "change"
    columns = [
        TitleColumn("title", label=_("Page"), get_url=page_edit_url),
        Column("page_type", label=_("Type"), accessor=lambda page: page.get_verbose_name()),
        Column(
            "problems",
            label=_("Why"),
            accessor=lambda page: " ".join(str(p.message) for p in page.honesty_problems),
        ),
        DateColumn("last_published_at", label=_("Last published")),
    ]

    def get_queryset(self):
        return live_pages_failing_checks()
