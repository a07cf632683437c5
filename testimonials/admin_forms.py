"""The editors' forms: a testimonial, whose customer's answers are read-only once
stored, and a reference request, which sales fill in and an editor approves by
choosing an advocate, never one past the fatigue limit."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from home.languages import language_of
from testimonials.program import check_fatigue_limit, load_label, program_settings


class TestimonialAdminForm(WagtailAdminModelForm):
    """The editor's form: the customer's answers are read-only once stored, and
    marking a testimonial verified records who did it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_rejection_reason = self.instance.rejection_reason
        # A new testimonial (an interview, an import) is typed in by an editor; once
        # stored, what the customer said is theirs.
        self.read_only_answers = [
            name
            for name in self.instance.CUSTOMER_OWNED_FIELDS
            if self.instance.pk and name in self.fields
        ]
        for name in self.read_only_answers:
            self.fields[name].disabled = True
        if self.read_only_answers and "quote" in self.fields:
            self.fields["quote"].help_text = _("The customer's words, exactly as given.")
        if "language" in self.fields:
            # A request without it (a script, an older form) leaves the language as it is.
            self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language

    def clean(self):
        cleaned_data = super().clean()
        for name in self.read_only_answers:
            if self.was_sent_changed(name):
                self.add_error(name, self.instance.customer_answer_refusal(name))
            elif name not in self.errors:
                # Exactly as stored: a read-only date shown without its seconds'
                # fractions must not come back as a different value.
                cleaned_data[name] = getattr(self.instance, name)
        return cleaned_data

    def was_sent_changed(self, name):
        """Whether the request carries a value for read-only ``name`` that differs from
        the stored one. A browser sends nothing for a disabled field, so such a value
        was typed into a crafted request. An empty one is taken as "not sent": it
        changes nothing either way, as a disabled field keeps its stored value."""
        key = self.add_prefix(name)
        if key not in self.data:
            return False
        field = self.fields[name]
        sent = field.widget.value_from_datadict(self.data, self.files, key)
        if sent in field.empty_values:
            return False
        try:
            return field.to_python(sent) != field.to_python(self[name].initial)
        except ValidationError:
            return True

    def save(self, commit=True):
        instance = super().save(commit=False)
        # The reason is read from the form by Reject (testimonials.moderation) and
        # stored only as part of a decision: saving an edit never changes the record.
        instance.rejection_reason = self.stored_rejection_reason
        if instance._state.adding and "language" not in self.changed_data:
            # Typed in from an interview or an import: Japanese words are marked Japanese
            # unless the editor said otherwise.
            instance.language = language_of(instance.quote, otherwise=instance.language)
        if "verification" in self.changed_data:
            instance.verified_by = self.for_user if instance.verification else None
            instance.verified_at = timezone.now() if instance.verification else None
        if commit:
            instance.save()
            self.save_m2m()
        return instance


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
            instance.record_reference_call()
        return instance
