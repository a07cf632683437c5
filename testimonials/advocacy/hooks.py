"""The advocate program's admin hooks: its reports and the entries it writes in a
testimonial's history. Imported by testimonials/wagtail_hooks.py."""

from django.urls import path, reverse

from wagtail import hooks

from home.dashboard import PermissionMenuItem
from testimonials.advocacy.reconfirmation import LAPSED_ACTION, NO_LONGER_CUSTOMER_ACTION
from testimonials.advocacy.reports import AdvocateCandidatesReportView, ReconfirmationDueReportView

REPORTS = [
    ("reconfirmation-due", "testimonials_reconfirmation_due", ReconfirmationDueReportView),
    ("advocate-candidates", "testimonials_advocate_candidates", AdvocateCandidatesReportView),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for slug, name, view in REPORTS:
        urls += [
            path(f"reports/{slug}/", view.as_view(), name=name),
            path(
                f"reports/{slug}/results/",
                view.as_view(results_only=True),
                name=f"{name}_results",
            ),
        ]
    return urls


@hooks.register("register_reports_menu_item")
def register_reconfirmation_due_menu_item():
    return PermissionMenuItem(
        "Re-confirmation due",
        reverse("testimonials_reconfirmation_due"),
        name="reconfirmation-due",
        icon_name="warning",
        order=60,
        permission="testimonials.change_testimonial",
    )


@hooks.register("register_reports_menu_item")
def register_advocate_candidates_menu_item():
    return PermissionMenuItem(
        "Advocate candidates",
        reverse("testimonials_advocate_candidates"),
        name="advocate-candidates",
        icon_name="user",
        order=70,
        permission="testimonials.add_advocate",
    )


@hooks.register("register_log_actions")
def register_reconfirmation_log_actions(actions):
    actions.register_action(
        LAPSED_ACTION,
        "Unpublish: customer status not re-confirmed",
        "Unpublished: the author did not re-confirm being a customer in time",
    )
    actions.register_action(
        NO_LONGER_CUSTOMER_ACTION,
        "Unpublish: no longer a customer",
        "Unpublished: the author said they are no longer a customer",
    )
