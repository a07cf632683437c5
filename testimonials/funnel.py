"""The invitation funnel for editors: of the customers each campaign invited, how many
answered and how many of the answers were published, per campaign and per product. On
the dashboard as charts with their data, and as a report (Reports menu) that exports
every launched campaign to CSV or XLSX. Shown to whoever may see campaigns (Editors,
Moderators); each figure set is one query however many campaigns and invitations."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from home.charts import CHART_CSS, BarChart, Series
from home.dashboard import PermissionMenuItem, add_panels, report_urls
from testimonials.models import Invitation, InvitationCampaign
from testimonials.querysets import PUBLIC

PERMISSION = "testimonials.view_invitationcampaign"
CAMPAIGNS_SHOWN = 8
STAGES = (("invited", "Invited"), ("answered", "Answered"), ("published", "Published"))
STAGE_COLOURS = ("#2e6b8a", "#c99a00", "#1b7a3d")


def stage_counts(prefix=""):
    """Invited (sent), answered and published, counted once per invitation however
    many rows the join to its testimonials makes."""
    invitation = prefix.removesuffix("__") or "pk"
    testimonial = {f"{prefix}testimonials__{name}": value for name, value in PUBLIC.items()}
    return {
        "invited": Count(
            invitation, distinct=True, filter=Q(**{f"{prefix}sent_at__isnull": False})
        ),
        "answered": Count(
            invitation, distinct=True, filter=Q(**{f"{prefix}answered_at__isnull": False})
        ),
        "bounced": Count(
            invitation, distinct=True, filter=Q(**{f"{prefix}bounced_at__isnull": False})
        ),
        "published": Count(f"{prefix}testimonials", distinct=True, filter=Q(**testimonial)),
    }


def response_rate(row):
    return round(100 * row.answered / row.invited) if row.invited else None


def campaign_funnel():
    """Launched campaigns, newest first, each with its stage counts. One query."""
    return (
        InvitationCampaign.objects.filter(launched_at__isnull=False)
        .select_related("product")
        .annotate(**stage_counts("invitations__"))
        .order_by("-launched_at", "-pk")
    )


def product_funnel():
    """Each product's invitations, whatever the campaign, as (name, counts). One query."""
    rows = (
        Invitation.objects.order_by()
        .values("product_id", "product__name")
        .annotate(**stage_counts())
        .order_by("product__name")
    )
    return [
        {"name": row["product__name"], "counts": [row[stage] for stage, _ in STAGES]}
        for row in rows
    ]


def campaigns_chart(campaigns):
    labels = [date_format(campaign.launched_at, "j M") for campaign in campaigns]
    names = [f"{campaign.name} ({campaign.product})" for campaign in campaigns]
    description = "; ".join(
        f"{name}: {c.invited} invited, {c.answered} answered, {c.published} published"
        for name, c in zip(names, campaigns, strict=True)
    )
    return BarChart(
        name="candor-campaign-funnel-chart",
        title="Invited, answered and published, by campaign",
        description=description or "No campaign launched yet.",
        categories=labels,
        category_names=names,
        series=[
            Series(label, [getattr(c, stage) for c in campaigns], colour)
            for (stage, label), colour in zip(STAGES, STAGE_COLOURS, strict=True)
        ],
    )


def short_names(names):
    """Names without the words they all start with ("Fernhill Desk", "Fernhill Chat":
    "Desk", "Chat"), to fit under a bar."""
    words = [name.split() for name in names]
    shared = 0
    while (
        all(len(each) > shared + 1 for each in words)
        and len({tuple(each[: shared + 1]) for each in words}) == 1
    ):
        shared += 1
    return [" ".join(each[shared:]) for each in words]


def products_chart(products):
    names = [row["name"] for row in products]
    description = "; ".join(
        f"{row['name']}: {invited} invited, {answered} answered, {published} published"
        for row in products
        for invited, answered, published in [row["counts"]]
    )
    return BarChart(
        name="candor-product-funnel-chart",
        title="Invited, answered and published, by product",
        description=description or "Nobody invited yet.",
        categories=short_names(names) if len(names) > 1 else names,
        category_names=names,
        series=[
            Series(label, [row["counts"][n] for row in products], colour)
            for n, ((_, label), colour) in enumerate(zip(STAGES, STAGE_COLOURS, strict=True))
        ],
    )


class CampaignFunnelPanel(Component):
    name = "candor_campaign_funnel"
    template_name = "components/dashboard/campaign_funnel.html"
    order = 99

    class Media:
        css = CHART_CSS

    def get_context_data(self, parent_context):
        campaigns = list(campaign_funnel()[:CAMPAIGNS_SHOWN])
        for campaign in campaigns:
            campaign.response_rate = response_rate(campaign)
        products = product_funnel()
        return {
            "campaigns": campaigns,
            "products": products,
            "stages": [label for _, label in STAGES],
            "campaigns_chart": campaigns_chart(campaigns),
            "products_chart": products_chart(products),
            "report_url": reverse("testimonials_campaign_funnel"),
        }


class CampaignFunnelReportView(ReportView):
    """Every launched campaign's funnel, newest first, exportable."""

    page_title = "Campaign funnel"
    header_icon = "mail"
    index_url_name = "testimonials_campaign_funnel"
    index_results_url_name = "testimonials_campaign_funnel_results"
    permission_policy = ModelPermissionPolicy(InvitationCampaign)
    permission_required = "view"
    # A day is what editors compare; the instant would be a time zone's business.
    custom_field_preprocess = {
        "launched_at": {
            ReportView.FORMAT_CSV: lambda moment: timezone.localdate(moment).isoformat(),
            ReportView.FORMAT_XLSX: lambda moment: timezone.localdate(moment),
        }
    }
    columns = [
        Column("name", label="Campaign"),
        Column("product"),
        DateColumn("launched_at", label="Launched"),
        Column("invited", label="Invited"),
        Column("answered", label="Answered"),
        Column("bounced", label="Bounced"),
        Column("published", label="Published"),
        Column("response_rate", label="Response rate (%)"),
    ]
    list_export = [
        "name",
        "product",
        "launched_at",
        "invited",
        "answered",
        "bounced",
        "published",
        "response_rate",
    ]
    export_headings = {
        "name": "Campaign",
        "product": "Product",
        "launched_at": "Launched",
        "invited": "Invited",
        "answered": "Answered",
        "bounced": "Bounced",
        "published": "Published",
        "response_rate": "Response rate (%)",
    }

    def get_page_subtitle(self):
        return "invited, answered and published"

    def get_queryset(self):
        return campaign_funnel()

    def decorate_paginated_queryset(self, object_list):
        for campaign in object_list:
            campaign.response_rate = response_rate(campaign)
        return object_list

    def to_row_dict(self, item):
        item.response_rate = response_rate(item)
        return super().to_row_dict(item)

    def get_filename(self):
        return "campaign-funnel"


@hooks.register("register_admin_urls")
def register_campaign_funnel_urls():
    return report_urls("campaign-funnel", CampaignFunnelReportView, "testimonials_campaign_funnel")


@hooks.register("register_reports_menu_item")
def register_campaign_funnel_menu_item():
    return PermissionMenuItem(
        "Campaign funnel",
        reverse("testimonials_campaign_funnel"),
        name="campaign-funnel",
        icon_name="mail",
        order=80,
        permission=PERMISSION,
    )


@hooks.register("construct_homepage_panels")
def add_campaign_funnel_panel(request, panels):
    add_panels(request, panels, [(CampaignFunnelPanel, [PERMISSION])])
