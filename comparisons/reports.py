"""Receiving an inaccuracy report: stored first, then the editors are told."""

from django.db import transaction

from comparisons.models.corrections import InaccuracyReport
from comparisons.models.facts import Fact
from comparisons.notifications import send_report_email
from comparisons.table import find_fact, index_facts


def shown_value(column, criterion):
    """The value the comparison showed for this cell when the report was sent."""
    facts = Fact.objects.filter(product=column.product, criterion=criterion).select_related(
        "criterion"
    )
    fact = find_fact(index_facts(facts), column.product, criterion, column.plan)
    return fact.claim_display if fact else ""


def save_report(form, page):
    data = form.cleaned_data
    column, criterion = data["product"], data["criterion"]
    with transaction.atomic():
        report = InaccuracyReport.objects.create(
            page=page,
            product=column.product,
            criterion=criterion,
            plan=column.plan,
            shown_value=shown_value(column, criterion),
            claimed_value=data["claimed_value"],
            evidence_url=data["evidence_url"],
            explanation=data["explanation"],
            reporter_name=data["reporter_name"],
            reporter_organisation=data["reporter_organisation"],
            email=data["email"],
        )
        send_report_email(report)  # queued once the report is committed
    return report
