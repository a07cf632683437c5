"""Public forms of comparisons: the cost calculator's situation.

The calculator is a GET form, so a situation has a URL that can be shared and cached; it
changes nothing and has no CSRF token."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from comparisons.costs import MONTHLY, YEARLY, Situation
from home.form_input import NormalisedInput
from home.form_widgets import NumberInput

MAX_SEATS = 100_000

SEATS_MESSAGE = _("Enter a whole number of seats from 1 to 100,000, e.g. 10.")


class CostCalculatorForm(NormalisedInput, forms.Form):
    """How many seats, billed how, with which of the page's features."""

    seats = forms.IntegerField(
        label=_("Seats (people who sign in)"),
        min_value=1,
        max_value=MAX_SEATS,
        error_messages={
            "required": SEATS_MESSAGE,
            "invalid": SEATS_MESSAGE,
            "min_value": SEATS_MESSAGE,
            "max_value": SEATS_MESSAGE,
        },
        widget=NumberInput(attrs={"min": 1, "max": MAX_SEATS, "inputmode": "numeric"}),
    )
    billing = forms.ChoiceField(
        label=_("Billing"),
        choices=[
            (MONTHLY, pgettext_lazy("billing period", "Monthly")),
            (YEARLY, pgettext_lazy("billing period", "Yearly")),
        ],
        initial=MONTHLY,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose monthly or yearly billing.")},
    )
    features = forms.TypedMultipleChoiceField(
        label=_("Features you need"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose features from the list.")},
    )

    def __init__(self, features, *args, **kwargs):
        """``features``: the criteria a reader may need, in the page's language."""
        super().__init__(*args, **kwargs)
        self.criteria = {criterion.pk: criterion for criterion in features}
        self.fields["features"].choices = [(criterion.pk, criterion.name) for criterion in features]

    @classmethod
    def asked(cls, query):
        """Whether the reader submitted a situation (a page without one shows only the
        form)."""
        return any(name in query for name in cls.base_fields)

    def _post_clean(self):
        super()._post_clean()
        # A screen reader reads a field's message with the field.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"

    def clean_billing(self):
        return self.cleaned_data["billing"] or MONTHLY

    def situation(self):
        data = self.cleaned_data
        return Situation(
            seats=data["seats"],
            billing=data["billing"],
            # In the page's order, however the query lists them.
            features=[self.criteria[pk] for pk in self.criteria if pk in data["features"]],
        )

    def field_errors(self):
        """Each field's messages, for tools: {"seats": ["…"]}."""
        return {name: [str(message) for message in errors] for name, errors in self.errors.items()}
