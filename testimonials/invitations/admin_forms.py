"""The campaign form editors fill in: a product, and a segment made of neutral facts
only (customer since, plans, languages, regions), offered as fields and stored in the
campaign's ``segment``. There is no field for anything else, and a crafted POST that
sends one anyway (``segment`` as JSON, or ``segment_<key>``) is refused with the
reason, by the same rule as every other path (testimonials.segments)."""

import json

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from testimonials.models import CustomerContact
from testimonials.models.campaigns import LAUNCHED_REFUSAL
from testimonials.segments import NEUTRAL, validate_segment

PREFIX = "segment_"


def listed(field_name):
    """The values customers on the list have for ``field_name``, as choices."""
    values = (
        CustomerContact.objects.exclude(**{field_name: ""})
        .order_by(field_name)
        .values_list(field_name, flat=True)
        .distinct()
    )
    return [(value, value) for value in values]


class InvitationCampaignForm(WagtailAdminModelForm):
    segment_customer_since_from = forms.DateField(
        label=_("Customers since, from"), required=False, widget=AdminDateInput
    )
    segment_customer_since_to = forms.DateField(
        label=_("Customers since, up to"), required=False, widget=AdminDateInput
    )
    segment_plans = forms.MultipleChoiceField(
        label=_("Plans"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every plan."),
    )
    segment_languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every language."),
    )
    segment_regions = forms.MultipleChoiceField(
        label=_("Regions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every region."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        segment = self.instance.segment or {}
        for key, source in (("plans", "plan"), ("regions", "region")):
            # Also what a stored segment names that the list no longer has.
            choices = dict(listed(source))
            choices.update((value, value) for value in segment.get(key) or [])
            self.fields[PREFIX + key].choices = sorted(choices.items())
        for key in NEUTRAL:
            self.initial.setdefault(PREFIX + key, segment.get(key))
        if self.instance.is_launched:
            for name in ("product", *(PREFIX + key for key in NEUTRAL)):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = LAUNCHED_REFUSAL

    def clean(self):
        cleaned_data = super().clean()
        segment = {} if self.instance.is_launched else self.chosen_segment(cleaned_data)
        try:
            crafted = self.crafted_segment()
            segment.update(crafted)
            validate_segment(segment)
        except ValidationError as refusal:
            self.add_error(None, refusal)
            return cleaned_data
        if not self.instance.is_launched:
            self.instance.segment = segment
        return cleaned_data

    def chosen_segment(self, cleaned_data):
        segment = {}
        for key in NEUTRAL:
            value = cleaned_data.get(PREFIX + key)
            if value:
                segment[key] = value.isoformat() if NEUTRAL[key] == "date" else list(value)
        return segment

    def crafted_segment(self):
        """What was sent for the segment besides its fields: nothing, unless the POST
        was made by hand."""
        crafted = {}
        raw = self.data.get("segment")
        if raw:
            try:
                crafted = json.loads(raw)
            except ValueError:
                crafted = None
            if not isinstance(crafted, dict):
                raise ValidationError(_("A segment is a set of neutral facts."))
        for name in self.data:
            key = name.removeprefix(PREFIX)
            if name.startswith(PREFIX) and key not in NEUTRAL:
                crafted[key] = self.data.get(name)
        return crafted
