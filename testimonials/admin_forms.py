from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


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
        if "verification" in self.changed_data:
            instance.verified_by = self.for_user if instance.verification else None
            instance.verified_at = timezone.now() if instance.verification else None
        if commit:
            instance.save()
            self.save_m2m()
        return instance
