"""What Candor keeps about someone who reported an inaccuracy, found by the e-mail
address they chose to give: their reports.

Erasing removes who sent a report (name, organisation and address; the name and
address also wherever the explanation or the editor's response or reason repeats them) and keeps
what it says about the product: the cell, the value claimed and the evidence, which
editors and the corrections log may still rely on."""

from home.personal_data import scrub

from .models import InaccuracyReport

PERSONAL_FIELDS = ["reporter_name", "reporter_organisation", "email"]


def reports_of(email):
    return InaccuracyReport.objects.filter(email__iexact=email).select_related(
        "product", "criterion", "page"
    )


def export(email):
    return [
        {
            "id": report.pk,
            "comparison": report.page.title if report.page else None,
            "product": report.product.name,
            "criterion": report.criterion.name,
            "plan": report.plan,
            "value_shown": report.shown_value,
            "value_claimed": report.claimed_value,
            "evidence_url": report.evidence_url,
            "explanation": report.explanation,
            "reporter": {
                "name": report.reporter_name,
                "organisation": report.reporter_organisation,
                "email": report.email,
            },
            "submitted_at": report.submitted_at,
            "status": report.status,
            "decided_at": report.decided_at,
            "editor_response": report.editor_response,
            "reason_for_the_reporter": report.public_reason,
        }
        for report in reports_of(email)
    ]


def erase(email):
    reports = list(reports_of(email))
    # The organisation is often a vendor the explanation has to name, so only the
    # person's name and address are taken out of the text.
    secrets = {email} | {report.reporter_name for report in reports}
    for report in reports:
        for name in PERSONAL_FIELDS:
            setattr(report, name, "")
        report.explanation = scrub(report.explanation, secrets)
        report.editor_response = scrub(report.editor_response, secrets)
        report.public_reason = scrub(report.public_reason, secrets)
        report.save(
            update_fields=[*PERSONAL_FIELDS, "explanation", "editor_response", "public_reason"]
        )
    return len(reports)
