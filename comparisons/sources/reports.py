"""What the source watcher found, for editors (Reports menu): the facts whose source
changed since they were verified, a queue to work through, and every watched source
with its state."""

from urllib.parse import urlsplit

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from comparisons.models import Fact, Product, SourceFlag, SourceState, WatchedSource


class SourceLinkColumn(Column):
    """An address, a link only when it is a web address: a row may hold whatever a
    source once answered."""

    cell_template_name = "components/admin/source_link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = str(context.get("value") or "")
        context["is_web_address"] = urlsplit(value.strip()).scheme.lower() in {"http", "https"}
        return context


def product_edit_url(fact):
    return reverse("wagtailsnippets_comparisons_product:edit", args=[fact.product_id])


def flagged_facts():
    """Source-language facts carrying a flag: the queue, oldest flag first."""
    return Fact.objects.in_source_language().exclude(source_flag=SourceFlag.NONE)


class FlaggedFactFilterSet(WagtailFilterSet):
    source_flag = django_filters.ChoiceFilter(
        label=_("Flag"), choices=[c for c in SourceFlag.choices if c[0]]
    )
    product = django_filters.ModelChoiceFilter(
        label=_("Product"), queryset=Product.objects.in_source_language()
    )

    class Meta:
        model = Fact
        fields = ["source_flag", "product"]


class EditorsOnly:
    """Whoever keeps products' facts current: the Editors."""

    permission_policy = ModelPermissionPolicy(Product)
    permission_required = "change"


class ChangedSourcesReportView(EditorsOnly, ReportView):
    """Facts whose source no longer backs them as verified. The value is untouched: the
    editor checks the source, corrects the value if it changed, and re-verifies the fact
    (a new date, source or excerpt) on the product, which clears the flag."""

    page_title = _("Sources changed since verified")
    header_icon = "warning"
    index_url_name = "comparisons_changed_sources"
    index_results_url_name = "comparisons_changed_sources_results"
    filterset_class = FlaggedFactFilterSet
    columns = [
        TitleColumn("product", label=_("Product"), get_url=product_edit_url),
        Column("criterion.name", label=_("Criterion")),
        Column("plan", label=_("Plan")),
        Column("source_flag", label=_("Flag"), accessor="get_source_flag_display"),
        DateColumn("source_flagged_at", label=_("Since")),
        SourceLinkColumn("source_url", label=_("Source")),
    ]
    list_export = ["product", "criterion.name", "plan", "source_flag", "source_flagged_at"]
    export_headings = {
        "criterion.name": _("Criterion"),
        "source_flag": _("Flag"),
        "source_flagged_at": _("Since"),
    }

    def get_queryset(self):
        return (
            flagged_facts()
            .select_related("product", "criterion")
            .order_by("source_flagged_at", "product__name", "pk")
        )

    def get_filename(self):
        return "sources-changed"


class WatchedSourceFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=[c for c in SourceState.choices if c[0]]
    )

    class Meta:
        model = WatchedSource
        fields = ["state"]


class WatchedSourcesReportView(EditorsOnly, ReportView):
    """Every source facts cite, as the watcher last found it; read-only, the watcher
    writes it."""

    page_title = _("Watched sources")
    header_icon = "link"
    index_url_name = "comparisons_watched_sources"
    index_results_url_name = "comparisons_watched_sources_results"
    filterset_class = WatchedSourceFilterSet
    columns = [
        SourceLinkColumn("url", label=_("Source")),
        Column("state", label=_("State"), accessor="get_state_display"),
        DateColumn("checked_at", label=_("Last checked")),
        Column("http_status", label=_("HTTP status")),
        Column("detail", label=_("Detail")),
        SourceLinkColumn("final_url", label=_("Moved to")),
    ]
    list_export = ["url", "state", "checked_at", "http_status", "final_url", "detail"]

    def get_queryset(self):
        return WatchedSource.objects.order_by("state", "url")

    def get_filename(self):
        return "watched-sources"
