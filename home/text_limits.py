"""Limits on what a visitor may type, enforced on the server and shown as they type.

A browser given ``maxlength`` cuts a longer paste short without a word, and the
visitor's text is lost: the fields here tell the browser nothing of the limit. The
help text says it before the visitor reaches it, a count under the field
(static/js/character-count.js) follows as they type, and the error says how much
shorter the text must be, with the text kept in the field."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def characters(count):
    """A number of characters as the page's language writes it: 2,000."""
    return number_format(count, force_grouping=True)


class LimitedTextField(forms.CharField):
    """A limit the server enforces and the browser is not told about (see above)."""

    def __init__(self, *, max_length, **kwargs):
        super().__init__(max_length=max_length, **kwargs)
        self.validators = [
            validate_length(max_length) if isinstance(v, MaxLengthValidator) else v
            for v in self.validators
        ]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


def validate_length(limit):
    def validate(value):
        if len(value) > limit:
            raise ValidationError(
                _(
                    "This is %(count)s characters long, %(over)s more than the %(limit)s "
                    "allowed. Please shorten it; your text is kept here."
                ),
                code="max_length",
                params={
                    "count": characters(len(value)),
                    "over": characters(len(value) - limit),
                    "limit": characters(limit),
                },
            )

    return validate


def _up_to(limit):
    return gettext("Up to %(limit)s characters.") % {"limit": characters(limit)}


def _count_sentence(over):
    """For site/static/js/character-count.js, which fills in the numbers as it counts."""
    numbers = {"count": "{count}", "limit": "{limit}", "over": "{over}"}
    if over:
        return gettext("%(count)s of %(limit)s characters: %(over)s too many") % numbers
    return gettext("%(count)s of %(limit)s characters") % numbers


# In the language of the page the form is shown on.
up_to = lazy(_up_to, str)
count_sentence = lazy(_count_sentence, str)


def counted_textarea(limit, rows):
    """A textarea that shows how many characters it holds of how many (the script)."""
    return forms.Textarea(
        attrs={
            "rows": rows,
            "data-character-limit": limit,
            "data-count": count_sentence(over=False),
            "data-count-over": count_sentence(over=True),
        }
    )
