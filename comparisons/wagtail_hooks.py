from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView
from wagtail.snippets.views.snippets import (
    CopyView,
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from home.admin_columns import YesNoColumn
from home.choosers import PermissionCheckedChooserViewSet
from home.dashboard import PermissionMenuItem, WorkQueueItem, report_urls
from home.models import SiteSettings

from .models import Criterion, Fact, FactChange, InaccuracyReport, Product
from .renditions import refuse_other_pages
from .reports import FailingPagesReportView, StaleFactsReportView
from .sources import wagtail_hooks as source_watcher_hooks  # noqa: F401 (registers its hooks)

hooks.register("before_serve_page", refuse_other_pages)


class SourceRowsOnly:
    """Facts, pages and testimonials refer to a product or criterion in the site's
    default language; its translations only lend it their words. The chooser offers
    those rows only, so it needs no language column or filter."""

    i18n_enabled = False

    def get_object_list(self):
        return super().get_object_list().in_default_locale()


class SourceChooseView(SourceRowsOnly, ChooseView):
    pass


class SourceChooseResultsView(SourceRowsOnly, ChooseResultsView):
    pass


class ProductChooserViewSet(PermissionCheckedChooserViewSet):
    # Sales choose our product when they request a customer reference.
    chosen_by_permissions = ["testimonials.add_referencerequest"]
    choose_view_class = SourceChooseView
    choose_results_view_class = SourceChooseResultsView


class CriterionColumns:
    """The fact form asks for the value in the field that matches the criterion's
    kind: the chooser shows each criterion's kind, with its group and unit."""

    @property
    def columns(self):
        return [
            *super().columns,
            Column("group", label=_("Group")),
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
            Column("unit", label=_("Unit")),
        ]


class CriterionChooseView(CriterionColumns, SourceChooseView):
    pass


class CriterionChooseResultsView(CriterionColumns, SourceChooseResultsView):
    pass


class CriterionChooserViewSet(PermissionCheckedChooserViewSet):
    choose_view_class = CriterionChooseView
    choose_results_view_class = CriterionChooseResultsView


class WithoutAutosave:
    """A product keeps revisions but has no drafts: Wagtail's autosave would save the
    product and its facts live as the editor types, half-typed values included, and
    turn Create into an edit (the editor's Save then said "Product X updated.")."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False


class ProductCreateView(WithoutAutosave, CreateView):
    pass


class ProductCopyView(WithoutAutosave, CopyView):
    pass


class ProductEditView(WithoutAutosave, EditView):
    pass


class TranslationStates:
    """Editors see in the listing which translations are outdated: their original's
    words changed after they were translated (comparisons/localized.py)."""

    def get_queryset(self, request):
        return self.model.objects.with_source_wording()


class ProductViewSet(TranslationStates, SnippetViewSet):
    model = Product
    chooser_viewset_class = ProductChooserViewSet
    add_view_class = ProductCreateView
    copy_view_class = ProductCopyView
    edit_view_class = ProductEditView
    icon = "pick"
    menu_label = "Products"
    list_display = [
        "name",
        "vendor",
        YesNoColumn("is_ours", label=_("Made by us")),
        "website",
        Column("translation_state", label=_("Translation")),
    ]
    list_filter = ["is_ours", "vendor"]
    list_export = ["name", "vendor", "is_ours", "website", "summary"]
    ordering = ["-is_ours", "name"]


class CriterionViewSet(TranslationStates, SnippetViewSet):
    model = Criterion
    chooser_viewset_class = CriterionChooserViewSet
    icon = "list-ul"
    menu_label = "Criteria"
    list_display = [
        "name",
        "group",
        "kind",
        "direction",
        "unit",
        Column("translation_state", label=_("Translation")),
    ]
    list_filter = ["group", "kind", "direction"]
    list_export = ["name", "group", "kind", "direction", "unit", "help_text"]
    ordering = ["group", "sort_order", "name"]


class RecordedOnlyPermissionPolicy(ModelPermissionPolicy):
    """For records the site makes itself (reports from the public, changes to facts):
    editors may read and decide on them, never add one by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


class InaccuracyReportViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = InaccuracyReport
    icon = "warning"
    menu_label = _("Inaccuracy reports")
    list_display = ["__str__", "product", "criterion", "status", "submitted_at"]
    list_filter = {"status": ["exact"], "product": ["exact"], "criterion": ["exact"]}
    list_export = [
        "product",
        "criterion.name",
        "plan",
        "shown_value",
        "claimed_value",
        "evidence_url",
        "explanation",
        "reporter_organisation",
        "status",
        "editor_response",
        "submitted_at",
        "decided_at",
    ]
    export_headings = {"criterion.name": _("Criterion")}
    ordering = ["-submitted_at"]
    export_filename = "inaccuracy-reports"

    @property
    def permission_policy(self):
        return RecordedOnlyPermissionPolicy(self.model)

    def get_queryset(self, request):
        return InaccuracyReport.objects.select_related("product", "criterion")


class FactChangeViewSet(SnippetViewSet):
    model = FactChange
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "history"
    menu_label = _("Corrections log")
    list_display = ["__str__", "reason", "editor", "changed_at"]
    list_filter = {"product": ["exact"], "criterion": ["exact"]}
    list_export = [
        "product",
        "criterion.name",
        "plan",
        "old_value",
        "new_value",
        "reason",
        "changed_at",
        "report_id",
    ]
    export_headings = {"criterion.name": _("Criterion"), "report_id": _("Prompted by report")}
    ordering = ["-changed_at"]
    export_filename = "corrections"
    inspect_view_enabled = True

    @property
    def permission_policy(self):
        return RecordedOnlyPermissionPolicy(self.model)

    def get_queryset(self, request):
        return FactChange.objects.select_related("product", "criterion", "editor", "report")


class ComparisonSnippets(SnippetViewSetGroup):
    items = (ProductViewSet, CriterionViewSet, InaccuracyReportViewSet, FactChangeViewSet)
    menu_icon = "table"
    menu_label = "Comparisons"
    menu_name = "comparisons"


register_snippet(ComparisonSnippets)


@hooks.register("register_admin_urls")
def register_stale_facts_urls():
    return report_urls("stale-facts", StaleFactsReportView, "comparisons_stale_facts")


@hooks.register("register_reports_menu_item")
def register_stale_facts_menu_item():
    return PermissionMenuItem(
        "Stale facts",
        reverse("comparisons_stale_facts"),
        name="stale-facts",
        icon_name="time",
        order=50,
        permission="comparisons.change_product",
    )


@hooks.register("register_admin_urls")
def register_failing_pages_urls():
    return report_urls(
        "failing-honesty-checks", FailingPagesReportView, "comparisons_failing_pages"
    )


class PageEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_failing_pages_menu_item():
    return PageEditorsMenuItem(
        _("Pages failing honesty checks"),
        reverse("comparisons_failing_pages"),
        name="failing-honesty-checks",
        icon_name="warning",
        order=55,
    )


@hooks.register("register_work_queue_items")
def register_work_queue_items():
    """Between the testimonials' queues in the dashboard's work queue."""
    return [
        WorkQueueItem(
            label="Inaccuracy reports to decide",
            permission="comparisons.change_inaccuracyreport",
            count=lambda request: InaccuracyReport.objects.filter(
                status=InaccuracyReport.Status.NEW
            ).count(),
            url=reverse("wagtailsnippets_comparisons_inaccuracyreport:list") + "?status=new",
            order=30,
        ),
        WorkQueueItem(
            label="Stale facts to re-check",
            permission="comparisons.change_product",
            count=lambda request: (
                Fact.objects.in_source_language()
                .stale(SiteSettings.for_request(request).freshness_limit_days)
                .count()
            ),
            url=reverse("comparisons_stale_facts"),
            order=40,
        ),
    ]
