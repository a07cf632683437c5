"""Reference requests: sales ask for a customer to talk to a prospect; an editor
approves by choosing an advocate, never one past the fatigue limit. An approved request
is an ask of its advocate: it is recorded as their reference call, so it counts towards
their fatigue limit like everything else."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm

from testimonials.program import check_fatigue_limit, load_label, program_settings


def record_reference_call(reference_request):
    """Keep the advocate's reference-call activity in step with the request: one while
    it is approved, moved if another advocate is chosen, removed if it is not."""
    # Imported here: the reference request model uses this module's admin form.
    from testimonials.models import AdvocateActivity

    activity = AdvocateActivity.objects.filter(reference_request=reference_request).first()
    approved = reference_request.status == reference_request.Status.APPROVED
    if not (approved and reference_request.advocate_id):
        if activity:
            activity.delete()
        return None
    description = (
        f"Reference for a prospect in {reference_request.get_industry_display().lower()} "
        f"({reference_request.product})"
    )
    if activity is None:
        return AdvocateActivity.objects.create(
            advocate_id=reference_request.advocate_id,
            kind=AdvocateActivity.Kind.REFERENCE_CALL,
            date=timezone.localdate(),
            description=description,
            reference_request=reference_request,
        )
    if activity.advocate_id != reference_request.advocate_id:
        activity.advocate_id = reference_request.advocate_id
        activity.date = timezone.localdate()
        activity.description = description
        activity.save(update_fields=["advocate", "date", "description"])
    return activity


class AdvocateChoiceField(forms.ModelChoiceField):
    """Advocates least asked first, each with how often they were asked this quarter."""

    def __init__(self, *args, limit, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit = limit

    def label_from_instance(self, advocate):
        return (
            f"{advocate.name}, {advocate.customer} "
            f"({advocate.customer.get_industry_display()}) · "
            f"{load_label(advocate.load, self.limit)}"
        )


class ReferenceRequestAdminForm(WagtailAdminModelForm):
    """Sales fill in the request; editors (who alone see the decision fields) approve
    it by choosing an advocate, never one past the fatigue limit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program_settings()
        if "advocate" in self.fields:
            Advocate = self._meta.model._meta.get_field("advocate").related_model
            available = Advocate.objects.filter(accepts_requests=True)
            if self.instance.advocate_id:
                available |= Advocate.objects.filter(pk=self.instance.advocate_id)
            self.fields["advocate"] = AdvocateChoiceField(
                queryset=available.select_related("customer").least_asked_first(),
                limit=self.program.fatigue_limit,
                required=False,
                widget=forms.Select,
                help_text=f"Least asked first. At most {self.program.fatigue_limit} asks "
                "per advocate per quarter.",
            )

    def clean(self):
        cleaned_data = super().clean()
        advocate = cleaned_data.get("advocate")
        if advocate and advocate.pk != self.instance.advocate_id:
            try:
                check_fatigue_limit(advocate, self.program.fatigue_limit)
            except ValidationError as error:
                self.add_error("advocate", error)
        return cleaned_data

    def save(self, commit=True):
        instance = super().save(commit=False)
        if instance.requested_by_id is None and instance._state.adding:
            instance.requested_by = self.for_user
        if {"status", "advocate"} & set(self.changed_data):
            decided = instance.status != instance.Status.REQUESTED
            instance.decided_by = self.for_user if decided else None
            instance.decided_at = timezone.now() if decided else None
        if commit:
            instance.save()
            self.save_m2m()
            record_reference_call(instance)
        return instance
