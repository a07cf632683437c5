from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Criterion, Product
from .views import StaleFactsReportView


class ProductViewSet(SnippetViewSet):
    model = Product
    icon = "pick"
    menu_label = "Products"
    list_display = ["name", "vendor", "is_ours", "website"]
    list_filter = ["is_ours", "vendor"]
    list_export = ["name", "vendor", "is_ours", "website", "summary"]
    search_fields = ["name", "vendor", "summary"]
    ordering = ["-is_ours", "name"]


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    icon = "list-ul"
    menu_label = "Criteria"
    list_display = ["name", "group", "kind", "direction", "unit"]
    list_filter = ["group", "kind", "direction"]
    list_export = ["name", "group", "kind", "direction", "unit", "help_text"]
    search_fields = ["name", "help_text"]
    ordering = ["group", "sort_order", "name"]


class ComparisonSnippets(SnippetViewSetGroup):
    items = (ProductViewSet, CriterionViewSet)
    menu_icon = "table"
    menu_label = "Comparisons"
    menu_name = "comparisons"


register_snippet(ComparisonSnippets)


@hooks.register("register_admin_urls")
def register_stale_facts_urls():
    return [
        path(
            "reports/stale-facts/", StaleFactsReportView.as_view(), name="comparisons_stale_facts"
        ),
        path(
            "reports/stale-facts/results/",
            StaleFactsReportView.as_view(results_only=True),
            name="comparisons_stale_facts_results",
        ),
    ]


class StaleFactsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("comparisons.change_product")


@hooks.register("register_reports_menu_item")
def register_stale_facts_menu_item():
    return StaleFactsMenuItem(
        "Stale facts",
        reverse("comparisons_stale_facts"),
        name="stale-facts",
        icon_name="time",
        order=50,
    )
