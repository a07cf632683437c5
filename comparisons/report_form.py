from django import forms
from django.utils.translation import gettext_lazy as _

from comparisons.models.corrections import InaccuracyReport
from comparisons.models.facts import plan_label
from comparisons.validators import validate_web_url
from home.anti_abuse import PublicForm


def field_max_length(name):
    return InaccuracyReport._meta.get_field(name).max_length


class InaccuracyReportForm(PublicForm):
    """Anyone, a competitor included, tells us a value on a comparison is wrong. The
    choices are the products and criteria of that comparison; everything typed is
    untrusted, limited in length, stored as text and escaped wherever it is shown."""

    min_seconds_setting = "INACCURACY_REPORT_MIN_SECONDS"
    rate_limit_setting = "INACCURACY_REPORT_RATE_LIMIT"
    rate_limit_group = "inaccuracy-report"

    product = forms.ChoiceField(
        label=_("Product"),
        error_messages={
            "required": _("Choose the product whose value is wrong."),
            "invalid_choice": _("Choose one of the products compared on this page."),
        },
    )
    criterion = forms.ChoiceField(
        label=_("Row of the table"),
        error_messages={
            "required": _("Choose the row whose value is wrong."),
            "invalid_choice": _("Choose one of the rows compared on this page."),
        },
    )
    claimed_value = forms.CharField(
        label=_("The value you believe is correct"),
        max_length=field_max_length("claimed_value"),
        help_text=_("As it should read in the table, e.g. “Yes”, “49 USD” or “730 days”."),
        error_messages={
            "required": _("Tell us the value you believe is correct: this field is empty.")
        },
    )
    evidence_url = forms.CharField(
        label=_("Evidence"),
        max_length=field_max_length("evidence_url"),
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
        max_length=field_max_length("explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    reporter_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=field_max_length("reporter_name"),
        required=False,
    )
    reporter_organisation = forms.CharField(
        label=_("Your organisation (optional)"),
        max_length=field_max_length("reporter_organisation"),
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
