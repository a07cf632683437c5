"""What visitors type into the fields of a public form that are not their own words: an
e-mail address, a number (a rating, a score, a team size), a choice, a date.

A Japanese keyboard types full-width letters, digits and spaces (ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ,
５, the ideographic space) as readily as ASCII ones. Unicode's compatibility
normalisation (NFKC) folds them into the characters such a field expects, before it
validates, so a visitor is never told that ５ is not a number. What a visitor writes in
their own words (a testimonial, a name, a comment) is theirs and is kept exactly as
typed: only the fields below are normalised, and a field may say otherwise with a
``normalise_width`` attribute.

Every public form mixes in ``NormalisedInput``: home.anti_abuse.PublicForm does, and so
does any public form that is not one."""

import unicodedata

from django import forms

from home.search_text import normalised as folded

# The kinds of field whose value is a code the site reads, not words a person wrote.
NORMALISED_FIELDS = (
    forms.EmailField,
    forms.URLField,
    forms.IntegerField,  # and its kinds: DecimalField, FloatField
    forms.ChoiceField,  # and its kinds: typed, multiple, model choices
    forms.ModelChoiceField,
    forms.DateField,
    forms.DateTimeField,
    forms.TimeField,
)


# Control and format characters (a NUL, a zero-width space pasted with a number): no
# code, number or choice holds one, and a form sent back must not echo it into the page.
# White space stays: it separates words (a review's text is compared word by word) and
# fields strip it.
UNSEEN = {"Cc", "Cf"}


def normalised(value):
    """``value`` with full-width and other compatibility characters folded (NFKC), and
    without control or format characters other than white space."""
    if not isinstance(value, str):
        return value
    return "".join(
        char for char in folded(value) if char.isspace() or unicodedata.category(char) not in UNSEEN
    )


def is_normalised(field):
    return getattr(field, "normalise_width", isinstance(field, NORMALISED_FIELDS))


class NormalisedInput:
    """A form mixin: the values sent for codes, numbers and choices are normalised
    (NFKC) before any field validates them; free text is left as sent."""

    def full_clean(self):
        if self.is_bound:
            self.data = self.with_normalised_values(self.data)
        super().full_clean()

    def with_normalised_values(self, data):
        keys = [
            self.add_prefix(name) for name, field in self.fields.items() if is_normalised(field)
        ]
        data = data.copy()  # a QueryDict's copy is mutable; the request's own stays as sent
        for key in keys:
            if key not in data:
                continue
            if hasattr(data, "setlist"):
                data.setlist(key, [normalised(value) for value in data.getlist(key)])
            elif isinstance(data[key], list | tuple):
                data[key] = [normalised(value) for value in data[key]]
            else:
                data[key] = normalised(data[key])
        return data
