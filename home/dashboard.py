"""What the apps add to the Wagtail admin, each piece shown only to the users who can
act on it: panels on the admin home, the work queue, menu items.

Home knows no app. Each app's wagtail_hooks.py appends its own panels in a
``construct_homepage_panels`` hook (with ``add_panels``), and says what waits for
editors through the ``register_work_queue_items`` hook: a function returning a list of
``WorkQueueItem``, called each time the dashboard is drawn. Every panel costs a fixed
number of queries however much data there is."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import path

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

WORK_QUEUE_HOOK = "register_work_queue_items"


def add_panels(request, panels, shown):
    """Append each panel of ``shown`` (pairs of a panel class and permissions) for which
    the user holds one of the permissions."""
    for panel, permissions in shown:
        if any(request.user.has_perm(permission) for permission in permissions):
            panels.append(panel())


@dataclass(frozen=True)
class WorkQueueItem:
    """One queue: its label, the permission needed to work on it, how many items wait
    (``count(request)``), the list to work through, and its place in the panel."""

    label: str
    permission: str
    count: Callable
    url: str
    order: int


def work_queue_items(user):
    """The queues the apps register that ``user`` may work on, in their order."""
    items = [item for register in hooks.get_hooks(WORK_QUEUE_HOOK) for item in register()]
    return sorted(
        (item for item in items if user.has_perm(item.permission)), key=lambda item: item.order
    )


class WorkQueuePanel(Component):
    """What is waiting for an editor, each count linking to the list to work through."""

    name = "candor_work_queue"
    template_name = "components/dashboard/work_queue.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "queues": [
                {"label": item.label, "count": item.count(request), "url": item.url}
                for item in work_queue_items(request.user)
            ]
        }


class PermissionMenuItem(MenuItem):
    """A menu item shown to the users who hold ``permission``."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def report_urls(route, view, name):
    """A Wagtail report view's two addresses: the page at ``reports/<route>/`` and the
    results its filters fetch at ``.../results/`` (named ``<name>_results``)."""
    return [
        path(f"reports/{route}/", view.as_view(), name=name),
        path(f"reports/{route}/results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]
