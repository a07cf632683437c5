from django import forms

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from home.anti_abuse import PublicForm

# The longest answer a visitor may give in a text field, checked on the server; the
# error says how long theirs is. The page sets no maxlength: a browser would cut a
# longer paste short without a word.
SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 5000


class DemoRequestForm(BaseForm, PublicForm):
    """The fields editors build, plus the checks every public form makes."""

    min_seconds_setting = "DEMO_REQUEST_MIN_SECONDS"
    rate_limit_setting = "DEMO_REQUEST_RATE_LIMIT"
    rate_limit_group = "demo-request"

    def clean(self):
        cleaned_data = super().clean()
        # The checks' own fields are not answers: neither stored nor e-mailed.
        for name in PublicForm.base_fields:
            cleaned_data.pop(name, None)
        return cleaned_data


class LimitedTextField(forms.CharField):
    """A limit the server enforces and the browser is not told about (see above)."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class DemoRequestFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("DemoRequestForm", (DemoRequestForm,), self.formfields)

    def create_singleline_field(self, field, options):
        return LimitedTextField(max_length=SINGLE_LINE_MAX, **options)

    def create_multiline_field(self, field, options):
        options.setdefault("widget", forms.Textarea)
        return LimitedTextField(max_length=MULTI_LINE_MAX, **options)

    def create_hidden_field(self, field, options):
        options.setdefault("widget", forms.HiddenInput)
        return LimitedTextField(max_length=SINGLE_LINE_MAX, **options)
