from django import forms
from django.utils.translation import gettext_lazy as _

NPS_SCORES = [(score, str(score)) for score in range(11)]
COMMENT_MAX_LENGTH = 1000


class NpsAnswerForm(forms.Form):
    """The survey's one question, 0 to 10, and room to say why."""

    score = forms.TypedChoiceField(
        choices=NPS_SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("0 means not at all likely, 10 extremely likely."),
        error_messages={"required": _("Choose a number from 0 to 10.")},
    )
    comment = forms.CharField(
        label=_("What is the main reason for your score? (optional)"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].label = question
