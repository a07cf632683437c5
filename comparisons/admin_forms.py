"""Admin forms: products and their facts, comparison pages, and the editor's decision
on an inaccuracy report. Checks of one fact, and checks of a whole page or product at
once, where one inline row cannot see the others."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from comparisons.fact_changes import Claim, match_replacements, record_fact_changes
from comparisons.table import comparable, plan_key
from home.honesty import HonestyCheckedPageForm


def live_forms(formset):
    """The inline forms that will be saved: filled in and not marked for deletion."""
    return [
        form
        for form in formset.forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def reject_repeats(formset, key, field, message):
    seen = set()
    for form in live_forms(formset):
        value = key(form.cleaned_data)
        if value in seen:
            form.add_error(field, message)
            raise ValidationError(message)
        seen.add(value)


class FactForm(WagtailAdminModelForm):
    """One fact on the product form. Changing what an existing fact claims takes a
    reason, which readers see in the corrections log; a new source or verified-on date
    only re-verifies the claim and needs none."""

    change_reason = forms.CharField(
        label=_("Reason for change"),
        max_length=300,
        required=False,
        help_text=_(
            "Required when you change the value, availability or note of an existing "
            "fact. Shown to readers in the corrections log of every comparison with this "
            "fact. Not needed for a new source or verified-on date."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        # The claim as published, read before the form's values are copied onto the fact.
        self.claim_before = None
        if self.instance.pk is None:
            return cleaned_data
        removing = bool(cleaned_data.get("DELETE"))
        changed = set(self.changed_data)
        if not removing:
            for field in sorted({"criterion", "plan"} & changed):
                self.add_error(
                    field,
                    _(
                        "A fact stays about one criterion and plan, so its corrections "
                        "stay with it. To record another, add a new fact (and remove this "
                        "one if it no longer holds)."
                    ),
                )
        if removing or changed & set(self.instance.CLAIM_FIELDS):
            self.claim_before = Claim.of(self.instance)
            if not removing and not cleaned_data.get("change_reason"):
                self.add_error(
                    "change_reason",
                    _(
                        "You changed what this fact says: give the reason. Readers see it "
                        "in the corrections log."
                    ),
                )
        return cleaned_data


class ProductForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        reject_repeats(
            self.formsets["facts"],
            key=lambda data: (data.get("criterion"), plan_key(data.get("plan", ""))),
            field="plan",
            message="This product already has a fact for this criterion and plan. "
            "Edit that one instead of adding a second.",
        )
        match_replacements(self.formsets["facts"])
        return cleaned_data

    def save(self, commit=True):
        # Whoever saves the form verified what it re-verifies (Fact.save records it).
        for form in self.formsets["facts"].forms:
            form.instance.verified_by = self.for_user
        product = super().save(commit=commit)
        if commit:
            record_fact_changes(self.formsets["facts"], editor=self.for_user)
        return product


class CriterionForm(WagtailAdminModelForm):
    """A criterion with the values that rank it, when it is short text. The list must
    rank: short text, "higher is better", no value twice, and every value that facts
    of the criterion hold already."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets["ranked_values"]
        reject_repeats(
            formset,
            key=lambda data: comparable(data.get("value", "")),
            field="value",
            message="Each value can appear only once in the ranking.",
        )
        ranked = [form.cleaned_data["value"] for form in live_forms(formset)]
        if not ranked:
            return cleaned_data
        Kind, Direction = self.instance.Kind, self.instance.Direction
        if cleaned_data.get("kind") != Kind.TEXT:
            raise ValidationError(
                "Only short-text criteria are ranked by a list of values: remove the "
                "ranked values, or make the criterion short text."
            )
        if cleaned_data.get("direction") == Direction.UNRANKED:
            self.add_error(
                "direction",
                "You listed ranked values: choose “Higher is better” to rank the row by "
                "them (the first wins), or remove them to leave it unranked.",
            )
        self.reject_values_facts_hold(ranked)
        return cleaned_data

    def reject_values_facts_hold(self, ranked):
        if self.instance.pk is None:
            return
        allowed = {comparable(value) for value in ranked}
        outside = [
            f"{fact.product} ({fact.plan}): “{fact.text}”"
            for fact in self.instance.facts.select_related("product").order_by("product__name")
            if comparable(fact.text) not in allowed
        ]
        if outside:
            raise ValidationError(
                "These facts hold values the ranking leaves out: %(facts)s. Add the values "
                "to the ranking, or change those facts first.",
                params={"facts": "; ".join(outside)},
            )


class ComparisonPageForm(HonestyCheckedPageForm):
    """Rules of the form itself; the honesty checks (comparisons.checks) run when the
    editor publishes or approves, through HonestyCheckedPageForm."""

    def clean(self):
        cleaned_data = super().clean()
        reject_repeats(
            self.formsets["compared_products"],
            key=lambda data: data.get("product"),
            field="product",
            message="Each product can appear only once in a comparison.",
        )
        reject_repeats(
            self.formsets["compared_criteria"],
            key=lambda data: data.get("criterion"),
            field="criterion",
            message="Each criterion can appear only once in a comparison.",
        )
        products = [
            form.cleaned_data["product"]
            for form in live_forms(self.formsets["compared_products"])
            if form.cleaned_data.get("product")
        ]
        if products and not any(product.is_ours for product in products):
            raise ValidationError(
                "Compare at least one of our own products: this site publishes "
                "comparisons as one of the vendors, and says so."
            )
        return cleaned_data


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
