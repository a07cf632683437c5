from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class CorrectionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, change):
        return _("%(date)s, %(plan)s: %(old)s → %(new)s. %(reason)s") % {
            "date": change.changed_at.date().isoformat(),
            "plan": change.plan,
            "old": change.old_value,
            "new": change.new_value or _("removed"),
            "reason": change.reason,
        }


class InaccuracyReportAdminForm(WagtailAdminModelForm):
    """The editor's decision on a report. The report itself is read-only (see the
    model's panels); deciding records who decided and when."""

    corrections_made = CorrectionChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Corrections made"),
        help_text=_(
            "The changes to this product's value for this criterion that settle the "
            "report. The public corrections log says they followed a reader's report."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        report = self.instance
        self.status_before = report.status
        if "corrections_made" in self.fields:
            fact_changes = report._meta.get_field("corrections").related_model.objects
            field = self.fields["corrections_made"]
            field.queryset = fact_changes.filter(
                Q(report__isnull=True) | Q(report=report) if report.pk else Q(report__isnull=True),
                product_id=report.product_id,
                criterion_id=report.criterion_id,
            )
            if report.pk:
                field.initial = list(report.corrections.values_list("pk", flat=True))

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        Status = type(self.instance).Status
        if status == Status.NEW and self.status_before != Status.NEW:
            self.add_error("status", _("A decided report stays decided: accept or decline it."))
        if status in (Status.ACCEPTED, Status.DECLINED) and not cleaned_data.get("editor_response"):
            self.add_error(
                "editor_response",
                _("Say why you accepted or declined the report, and what you checked."),
            )
        if cleaned_data.get("corrections_made") and status != Status.ACCEPTED:
            self.add_error("corrections_made", _("Only an accepted report settles a correction."))
        return cleaned_data

    def save(self, commit=True):
        report = super().save(commit=False)
        if report.status != self.status_before:
            report.decided_at = timezone.now()
            report.decided_by = self.for_user
        if commit:
            report.save()
            self.save_m2m()
            self.link_corrections(report)
        return report

    def link_corrections(self, report):
        if "corrections_made" not in self.cleaned_data:
            return
        chosen = [change.pk for change in self.cleaned_data["corrections_made"]]
        report.corrections.exclude(pk__in=chosen).update(report=None)
        report.corrections.model.objects.filter(pk__in=chosen).update(report=report)
