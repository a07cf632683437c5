"""The advocate program's reports for editors (Reports menu), each exportable to CSV
and XLSX, with their addresses and menu items."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from home.dashboard import PermissionMenuItem, report_urls
from testimonials.advocacy.reconfirmation import needing_reconfirmation
from testimonials.models import Advocate, NpsResponse, Testimonial
from testimonials.program import deadline_after, program_settings


def testimonial_edit_url(testimonial):
    return reverse("wagtailsnippets_testimonials_testimonial:edit", args=[testimonial.pk])


class ReconfirmationDueReportView(ReportView):
    """Published testimonials whose authors have not re-confirmed being customers
    within the period: who has been asked, and when each lapses."""

    page_title = "Re-confirmation due"
    header_icon = "warning"
    index_url_name = "testimonials_reconfirmation_due"
    index_results_url_name = "testimonials_reconfirmation_due_results"
    permission_policy = ModelPermissionPolicy(Testimonial)
    permission_required = "change"
    list_export = [
        "author_name",
        "author_company",
        "product",
        "advocate",
        "customer_confirmed_on",
        "asked_at",
        "lapses_on",
    ]
    export_headings = {
        "customer_confirmed_on": "Last confirmed",
        "asked_at": "Asked on",
        "lapses_on": "Unpublished on, without an answer",
    }

    @cached_property
    def program(self):
        return program_settings(self.request)

    @cached_property
    def columns(self):
        return [
            TitleColumn("author_name", label="Author", get_url=testimonial_edit_url),
            Column("product"),
            Column("advocate"),
            DateColumn("customer_confirmed_on", label="Last confirmed"),
            DateColumn("asked_at", label="Asked on"),
            DateColumn("lapses_on", label="Unpublished on, without an answer"),
        ]

    def get_page_subtitle(self):
        return f"not confirmed as customers for {self.program.reconfirmation_months} months"

    def get_queryset(self):
        return (
            needing_reconfirmation(self.program)
            .select_related("product", "advocate__customer")
            .order_by("customer_confirmed_on", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        for testimonial in object_list:
            testimonial.lapses_on = (
                deadline_after(testimonial.asked_at, self.program) if testimonial.asked_at else None
            )
        return object_list

    def to_row_dict(self, item):
        if not hasattr(item, "lapses_on"):
            self.decorate_paginated_queryset([item])
        return super().to_row_dict(item)

    def get_filename(self):
        return "reconfirmation-due"


def advocate_candidates():
    """Promoters (9 or 10) who are not advocates yet, newest answer first."""
    is_advocate = Advocate.objects.filter(email__iexact=OuterRef("invitation__email"))
    return (
        NpsResponse.objects.promoters()
        .annotate(is_advocate=Exists(is_advocate))
        .filter(is_advocate=False)
        .select_related("invitation__customer")
        .order_by("-answered_at", "-pk")
    )


class AdvocateCandidatesReportView(ReportView):
    """Promoters from the NPS survey, for editors to invite into the program. Everyone
    who answered was already invited to share their experience, whatever their score:
    this list only says whom to ask for more."""

    page_title = "Advocate candidates"
    header_icon = "user"
    index_url_name = "testimonials_advocate_candidates"
    index_results_url_name = "testimonials_advocate_candidates_results"
    permission_policy = ModelPermissionPolicy(Advocate)
    permission_required = "add"
    columns = [
        Column("invitation.name", label="Name"),
        Column("invitation.customer", label="Customer"),
        Column("score", label="Score"),
        Column("comment", label="Comment"),
        DateColumn("answered_at", label="Answered"),
    ]
    list_export = [
        "invitation.name",
        "invitation.email",
        "invitation.customer",
        "score",
        "comment",
        "answered_at",
    ]
    export_headings = {
        "invitation.name": "Name",
        "invitation.email": "E-mail",
        "invitation.customer": "Customer",
    }

    def get_page_subtitle(self):
        return "promoters (9 or 10) who are not advocates yet"

    def get_queryset(self):
        return advocate_candidates()

    def get_filename(self):
        return "advocate-candidates"


REPORTS = [
    ("reconfirmation-due", "testimonials_reconfirmation_due", ReconfirmationDueReportView),
    ("advocate-candidates", "testimonials_advocate_candidates", AdvocateCandidatesReportView),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [url for slug, name, view in REPORTS for url in report_urls(slug, view, name)]


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
