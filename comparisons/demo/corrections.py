"""Demo corrections: values Fernhill Labs changed after checking them again, one of
them after a competitor's report, and reports still open or declined. Every person,
address and page here is invented."""

import datetime
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Locale

from comparisons.models import ComparisonPage, Fact, FactChange, InaccuracyReport

# Changes to facts: product, criterion, the number it said before and the number it
# said after (the demo's value, see FACTS), the reason, how many days ago, and the
# report (in REPORTS) that prompted it, if any.
CHANGES = [
    (
        "Tidewell Desk",
        "Audit log retention",
        Decimal(365),
        Decimal(730),
        "Tidewell doubled audit log retention on its Business plan; its changelog and "
        "security page both say two years.",
        210,
        "tidewell-retention",
    ),
    (
        "Fernhill Desk",
        "Median first reply",
        Decimal("1.5"),
        Decimal(2),
        "Our own test tickets took longer to answer this quarter. We show the slower "
        "figure, although it now ranks behind Tidewell Desk and Bramblecall.",
        12,
        None,
    ),
]

# Reports: key, comparison slug, product, criterion, value shown, value claimed,
# evidence, explanation, reporter (name, organisation, e-mail), days ago, then the
# decision (status, response) or None while it waits.
REPORTS = [
    (
        "tidewell-retention",
        "fernhill-desk-vs-tidewell-desk-vs-quillory",
        "Tidewell Desk",
        "Audit log retention",
        "365 days",
        "730 days",
        "https://tidewell.example/desk/changelog/audit-log-retention",
        "Business plans keep the audit log for two years since our spring release.",
        ("Priya Nair", "Tidewell Systems", "priya.nair@tidewell.example"),
        212,
        (
            InaccuracyReport.Status.ACCEPTED,
            "Confirmed on Tidewell's changelog and security page; corrected the same week.",
        ),
    ),
    (
        "bramblecall-setup",
        "fernhill-chat-vs-quillory-vs-bramblecall",
        "Bramblecall",
        "Setup effort (our test)",
        "3 / 5",
        "4.5 / 5",
        "https://bramblecall.example/onboarding",
        "Our new onboarding wizard sets up chat in ten minutes.",
        ("", "Bramblecall Ltd", "marketing@bramblecall.example"),
        30,
        (
            InaccuracyReport.Status.DECLINED,
            "This row is the result of our own set-up test, described on How we compare; "
            "we do not take ratings from vendors. We will repeat the test with the new "
            "wizard at the next review.",
        ),
    ),
    (
        "quillory-sso",
        "fernhill-desk-vs-tidewell-desk-vs-quillory",
        "Quillory Support Suite",
        "SAML single sign-on",
        "Yes (Paid add-on; Security add-on, 5 USD / agent)",
        "Yes, included in Pro",
        "https://quillory.example/support/pricing",
        "The pricing page lists single sign-on in the Pro plan now.",
        ("", "", ""),
        3,
        None,
    ),
]


def load_corrections(products, criteria):
    """Create the demo reports and the changes to facts. The facts already say the
    new value: a change only records what they said before."""
    reports = load_reports(products, criteria)
    now = timezone.now()
    for product, criterion, old_number, new_number, reason, days_ago, report in CHANGES:
        product, criterion = products[product], criteria[criterion]
        fact = Fact.objects.filter(product=product, criterion=criterion).first()
        FactChange.objects.create(
            product=product,
            criterion=criterion,
            plan=fact.plan if fact else "",
            fact=fact,
            old_value=Fact(criterion=criterion, number=old_number).claim_display,
            new_value=Fact(criterion=criterion, number=new_number).claim_display,
            reason=reason,
            changed_at=now - datetime.timedelta(days=days_ago),
            report=reports.get(report),
        )


def load_reports(products, criteria):
    """The demo reports by key."""
    now = timezone.now()
    locale = Locale.get_default()
    reports = {}
    for (
        key,
        slug,
        product,
        criterion,
        shown,
        claimed,
        evidence,
        explanation,
        (name, organisation, email),
        days_ago,
        decision,
    ) in REPORTS:
        product, criterion = products[product], criteria[criterion]
        submitted_at = now - datetime.timedelta(days=days_ago)
        status, response = decision or (InaccuracyReport.Status.NEW, "")
        reports[key] = InaccuracyReport.objects.create(
            product=product,
            criterion=criterion,
            claimed_value=claimed,
            page=ComparisonPage.objects.filter(slug=slug, locale=locale).first(),
            plan=product.facts.values_list("plan", flat=True).first(),
            shown_value=shown,
            evidence_url=evidence,
            explanation=explanation,
            reporter_name=name,
            reporter_organisation=organisation,
            email=email,
            submitted_at=submitted_at,
            notified_at=submitted_at,
            status=status,
            editor_response=response,
            decided_at=submitted_at + datetime.timedelta(days=2) if decision else None,
        )
    return reports
