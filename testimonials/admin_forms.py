from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm


class TestimonialAdminForm(WagtailAdminModelForm):
    """The editor's form: the customer's words are read-only once stored, and
    marking a testimonial verified records who did it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "quote" in self.fields:
            self.fields["quote"].disabled = True
            self.fields["quote"].help_text = "The customer's words, exactly as given."

    def save(self, commit=True):
        instance = super().save(commit=False)
        if "verification" in self.changed_data:
            instance.verified_by = self.for_user if instance.verification else None
            instance.verified_at = timezone.now() if instance.verification else None
        if commit:
            instance.save()
            self.save_m2m()
        return instance
