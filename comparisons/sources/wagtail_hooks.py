"""The source watcher in the admin: its two reports in the Reports menu, and the
flagged facts in the dashboard's work queue; for Editors only. Imported by
comparisons/wagtail_hooks.py, where Wagtail looks for hooks."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.dashboard import PermissionMenuItem, WorkQueueItem, report_urls

from .reports import ChangedSourcesReportView, WatchedSourcesReportView, flagged_facts

EDITORS = "comparisons.change_product"


@hooks.register("register_admin_urls")
def register_source_report_urls():
    return [
        *report_urls("sources-changed", ChangedSourcesReportView, "comparisons_changed_sources"),
        *report_urls("watched-sources", WatchedSourcesReportView, "comparisons_watched_sources"),
    ]


@hooks.register("register_reports_menu_item")
def register_changed_sources_menu_item():
    return PermissionMenuItem(
        _("Sources changed since verified"),
        reverse("comparisons_changed_sources"),
        name="sources-changed",
        icon_name="warning",
        order=51,
        permission=EDITORS,
    )


@hooks.register("register_reports_menu_item")
def register_watched_sources_menu_item():
    return PermissionMenuItem(
        _("Watched sources"),
        reverse("comparisons_watched_sources"),
        name="watched-sources",
        icon_name="link",
        order=52,
        permission=EDITORS,
    )


@hooks.register("register_work_queue_items")
def register_changed_sources_queue():
    return [
        WorkQueueItem(
            label=_("Facts whose source changed"),
            permission=EDITORS,
            count=lambda request: flagged_facts().count(),
            url=reverse("comparisons_changed_sources"),
            order=41,
        )
    ]
