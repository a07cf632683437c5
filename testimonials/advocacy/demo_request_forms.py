from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from home.anti_abuse import PublicForm


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


class DemoRequestFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("DemoRequestForm", (DemoRequestForm,), self.formfields)
