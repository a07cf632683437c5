"""Inaccuracy reports from the public: anyone, a competitor included, tells us a value
on a comparison is wrong. The form; the report stored first; then the e-mail to the
editors, sent only after the report is safely stored, by a background task. A failure
is logged and retried later (send_inaccuracy_report_emails), and never loses the
report.

The reporter, if they gave an address, hears once from us per decision an editor
records (the model's save, whoever decides): what was decided, the reason the editor
wrote for them, never the editor's own notes, and where the correction is listed, in
the language of the page they reported from. The decision is stored first; the e-mail
follows by the same background task and retry."""

import logging

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from comparisons.table import find_fact, index_facts, plan_label
from comparisons.validators import validate_web_url
from home.anti_abuse import PublicForm
from home.form_widgets import Select
from home.models.site_settings import SiteSettings
from home.notifications import deliver, deliver_unsent

logger = logging.getLogger(__name__)

WHAT = "the e-mail for inaccuracy report"
DECISION = "the decision e-mail for inaccuracy report"
RETRY = "send_inaccuracy_report_emails"


# How much a reporter may type, field by field: the form's limits, and the lengths the
# report's model stores.
MAX_LENGTHS = {
    "claimed_value": 200,
    "evidence_url": 500,
    "explanation": 2000,
    "reporter_name": 120,
    "reporter_organisation": 120,
}


class InaccuracyReportForm(PublicForm):
    """Anyone, a competitor included, tells us a value on a comparison is wrong. The
    choices are the products and criteria of that comparison; everything typed is
    untrusted, limited in length, stored as text and escaped wherever it is shown."""

    min_seconds_setting = "INACCURACY_REPORT_MIN_SECONDS"
    rate_limit_setting = "INACCURACY_REPORT_RATE_LIMIT"
    rate_limit_group = "inaccuracy-report"

    product = forms.ChoiceField(
        label=_("Product"),
        widget=Select,
        error_messages={
            "required": _("Choose the product whose value is wrong."),
            "invalid_choice": _("Choose one of the products compared on this page."),
        },
    )
    criterion = forms.ChoiceField(
        label=_("Row of the table"),
        widget=Select,
        error_messages={
            "required": _("Choose the row whose value is wrong."),
            "invalid_choice": _("Choose one of the rows compared on this page."),
        },
    )
    claimed_value = forms.CharField(
        label=_("The value you believe is correct"),
        max_length=MAX_LENGTHS["claimed_value"],
        help_text=_("As it should read in the table, e.g. “Yes”, “49 USD” or “730 days”."),
        error_messages={
            "required": _("Tell us the value you believe is correct: this field is empty.")
        },
    )
    evidence_url = forms.CharField(
        label=_("Evidence"),
        max_length=MAX_LENGTHS["evidence_url"],
        validators=[validate_web_url],
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
        help_text=_(
            "A public page that shows the correct value, such as the vendor's pricing or "
            "documentation, starting with https://."
        ),
        error_messages={
            "required": _("Give the address of a public page that shows the correct value.")
        },
    )
    explanation = forms.CharField(
        label=_("Anything else we should know (optional)"),
        max_length=MAX_LENGTHS["explanation"],
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    reporter_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=MAX_LENGTHS["reporter_name"],
        required=False,
    )
    reporter_organisation = forms.CharField(
        label=_("Your organisation (optional)"),
        max_length=MAX_LENGTHS["reporter_organisation"],
        required=False,
        help_text=_("If you work for one of the vendors compared, please say so."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_(
            "Never shown. Only for questions about your evidence and to tell you what we decided."
        ),
    )

    def __init__(self, columns, criteria, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = {str(column.product.pk): column for column in columns}
        self.criteria = {str(criterion.pk): criterion for criterion in criteria}
        self.fields["product"].choices = [("", _("Choose a product"))] + [
            (key, f"{column.product.name} ({plan_label(column.plan)})")
            for key, column in self.columns.items()
        ]
        groups = {}
        for key, criterion in self.criteria.items():
            groups.setdefault(criterion.group, []).append((key, criterion.name))
        self.fields["criterion"].choices = [("", _("Choose a row"))] + list(groups.items())

    def clean_product(self):
        return self.columns[self.cleaned_data["product"]]

    def clean_criterion(self):
        return self.criteria[self.cleaned_data["criterion"]]


def shown_value(column, criterion):
    """The value the comparison showed for this cell when the report was sent."""
    facts = criterion.facts.filter(product=column.product).select_related("criterion")
    fact = find_fact(index_facts(facts), column.product, criterion, column.plan)
    return fact.claim_display if fact else ""


def save_report(form, page):
    data = form.cleaned_data
    column, criterion = data["product"], data["criterion"]
    with transaction.atomic():
        report = page.inaccuracy_reports.create(
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
            language=page.locale.language_code,
        )
        send_report_email(report)  # queued once the report is committed
    return report


def corrections_address(report):
    site = report.page.get_site() if report.page else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).corrections_email if site else ""


def report_email(report, recipient):
    """In the site's own language, whichever language the report was sent in."""
    with override(settings.LANGUAGE_CODE):
        return _report_email(report, recipient)


def _report_email(report, recipient):
    context = {
        "report": report,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailsnippets_comparisons_inaccuracyreport:edit", args=[report.pk]),
    }
    return EmailMessage(
        subject=gettext("Inaccuracy reported: %(product)s, %(criterion)s")
        % {"product": report.product.name, "criterion": report.criterion.name},
        body=render_to_string("emails/inaccuracy_report.txt", context),
        to=[recipient],
        reply_to=[report.email] if report.email else None,
    )


def report_emails(report):
    recipient = corrections_address(report)
    return [report_email(report, recipient)] if recipient else []


def send_report_email(report):
    """Queue the editors' e-mail, sent once the report is committed."""
    if not corrections_address(report):
        logger.warning(
            "Inaccuracy report %s is stored, but no corrections e-mail is set in the site "
            "settings, so no editor was told.",
            report.pk,
        )
        return
    deliver(report, report_emails, what=WHAT, retry=RETRY)


def send_unsent_report_emails(reports):
    """Returns (sent, waiting): the editors' e-mails, then the reporters' decisions. A
    report an editor has already decided needs no announcement."""
    Status = reports.model.Status
    editors = deliver_unsent(
        reports.filter(status=Status.NEW), report_emails, what=WHAT, retry=RETRY
    )
    reporters = deliver_unsent(
        reports.exclude(status=Status.NEW).exclude(email=""),
        decision_emails,
        what=DECISION,
        retry=RETRY,
        sent_field="decision_notified_at",
    )
    return editors[0] + reporters[0], editors[1] + reporters[1]


# The decision, to the reporter ------------------------------------------------------


def send_decision_email(report):
    """Queue the reporter's e-mail about the decision just stored, sent once it is
    committed; nothing for a reporter who left no address."""
    if report.email:
        deliver(
            report, decision_emails, what=DECISION, retry=RETRY, sent_field="decision_notified_at"
        )


def reporters_language(report):
    if report.language:
        return report.language
    return report.page.locale.language_code if report.page else settings.LANGUAGE_CODE


def decision_emails(report):
    if not report.email or report.status == report.Status.NEW:
        return []
    with override(reporters_language(report)):
        return [decision_email(report)]


def decision_email(report):
    # Anyone can type anyone's address: nothing the reporter typed is repeated, only
    # what the page showed and what the editor wrote for them.
    accepted = report.status == report.Status.ACCEPTED
    page = report.page if report.page and report.page.live else None
    corrections = corrections_address(report)
    context = {
        "report": report,
        "accepted": accepted,
        "comparison": page.title if page else "",
        "corrections_url": f"{page.full_url}#corrections" if accepted and page else "",
        "can_reply": bool(corrections),
    }
    values = {"product": report.product.name, "criterion": report.criterion.name}
    if accepted:
        subject = gettext("We corrected %(product)s, %(criterion)s after your report") % values
    else:
        subject = gettext("Our decision on your report about %(product)s, %(criterion)s") % values
    return EmailMessage(
        subject=subject,
        body=render_to_string("emails/inaccuracy_decision.txt", context),
        to=[report.email],
        reply_to=[corrections] if corrections else None,
    )
