"""Corrections of published values, recorded as editors make them.

An editor who changes what a fact claims gives the reason on the fact's form (see
``FactForm``); when the product is saved each change is stored as a ``FactChange``
with the value before and after, as readers saw them. Removing a fact is recorded
too; removing one and adding another for the same criterion and plan in one save is
a change of value, and needs a reason like any other."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from comparisons.table import plan_key


@dataclass(frozen=True)
class Claim:
    """What a fact said to readers before this save."""

    criterion: object
    plan: str
    display: str

    @classmethod
    def of(cls, fact):
        return cls(fact.criterion, fact.plan, fact.claim_display)

    @property
    def key(self):
        return (self.criterion.pk, plan_key(self.plan))


def _is_new(form):
    data = getattr(form, "cleaned_data", None) or {}
    return form.instance.pk is None and data.get("criterion") and not data.get("DELETE")


def _reason(*forms):
    for form in forms:
        reason = (getattr(form, "cleaned_data", None) or {}).get("change_reason")
        if reason:
            return reason
    return ""


def match_replacements(formset):
    """Pair each fact removed in this save with a new one for the same criterion and
    plan, so the pair is recorded as one change of value, which needs a reason."""
    removed = {}
    for form in formset.forms:
        form.is_valid()
        claim = getattr(form, "claim_before", None)
        if claim is not None and form.cleaned_data.get("DELETE"):
            removed[claim.key] = form
    if not removed:
        return
    for form in formset.forms:
        if not _is_new(form):
            continue
        data = form.cleaned_data
        old = removed.get((data["criterion"].pk, plan_key(data.get("plan", ""))))
        if old is None:
            continue
        form.replaces, old.replaced_by = old, form
        if not _reason(form, old):
            message = _(
                "This replaces a fact you removed for the same criterion and plan, so "
                "the value changes: give the reason. Readers see it in the corrections log."
            )
            form.add_error("change_reason", message)
            raise ValidationError(message)


def record_fact_changes(formset, editor=None):
    """Store the changes the saved formset made to published claims."""
    editor = editor if getattr(editor, "pk", None) else None
    # Through the product: the models use this module's forms.
    FactChange = formset.instance.fact_changes.model
    changes = []
    for form in formset.forms:
        if getattr(form, "replaced_by", None) is not None:
            continue  # recorded with the fact that replaces it
        old = getattr(form, "replaces", None)
        claim = old.claim_before if old else getattr(form, "claim_before", None)
        if claim is None:
            continue
        fact = form.instance
        removed = bool(form.cleaned_data.get("DELETE"))
        after = "" if removed else fact.claim_display
        if after == claim.display:
            continue
        changes.append(
            FactChange(
                product=formset.instance,
                criterion=claim.criterion,
                plan=claim.plan,
                fact=None if removed else fact,
                old_value=claim.display,
                new_value=after,
                reason=_reason(form, old),
                editor=editor,
            )
        )
    FactChange.objects.bulk_create(changes)
    return changes
