"""The upload forms of the imports: the file, and what a row that leaves a column blank
means (a default the editor chooses for the whole file). The choices travel with the
file to the confirmation, where they are read again by the same form without the file."""

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from comparisons.models import Product
from testimonials.choices import ImportBasis, LawfulBasis, Platform

from .csv_files import MAX_BYTES

BLANK = [("", "---------")]


class CustomerListOptions(forms.Form):
    language = forms.ChoiceField(
        label=_("Language, where a row gives none"),
        choices=BLANK + list(settings.LANGUAGES),
        required=False,
        help_text=_("Otherwise the site's default language."),
    )
    lawful_basis = forms.ChoiceField(
        label=_("Lawful basis, where a row gives none"),
        choices=BLANK + list(LawfulBasis.choices),
        required=False,
        help_text=_("Otherwise every row must give its own."),
    )

    def options(self):
        return {name: self.cleaned_data[name] for name in CustomerListOptions.base_fields}


class ReviewOptions(forms.Form):
    platform = forms.ChoiceField(
        label=_("Platform, where a row gives none"),
        choices=BLANK + list(Platform.choices),
        required=False,
    )
    basis = forms.ChoiceField(
        label=_("Basis for showing them, where a row gives none"),
        choices=BLANK + list(ImportBasis.choices),
        required=False,
    )
    product = forms.ModelChoiceField(
        label=_("Product, where a row gives none"),
        queryset=Product.objects.ours(),
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language, where a row gives none"),
        choices=BLANK + list(settings.LANGUAGES),
        required=False,
        help_text=_("Otherwise the site's default language."),
    )

    def options(self):
        data = {name: self.cleaned_data[name] for name in ReviewOptions.base_fields}
        data["product"] = data["product"].pk if data["product"] else None
        return data


def upload_form(options_form):
    """The options form with the file to upload before them."""

    class UploadForm(options_form):
        file = forms.FileField(
            label=_("CSV file"),
            help_text=format_lazy(
                _("UTF-8 or Shift_JIS, at most {size} MB."), size=MAX_BYTES // (1024 * 1024)
            ),
        )
        field_order = ["file"]

    return UploadForm
