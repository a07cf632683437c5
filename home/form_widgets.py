"""Widgets of the public forms that render in one pass: a select, and a number.

Django renders a select's every option through a template of its own (an include,
and another for its attributes). The public listings' filters offer every product
of ours: at ten times the benchmark's data (40 products) the case study index spent
more on its two selects than on its twelve cards (docs/benchmark.md). Django's own
one-pass route (``get_context``, then ``format_html`` for each option) still made a
dictionary of attributes per option and escaped each piece through Django's wrapping:
a twentieth of the wall's render. The markup is Django's: the same elements,
attributes and escaped text (tests/home/test_form_widgets.py)."""

from django import forms
from django.utils.safestring import SafeString

from home.markup import escape, flat_attributes, safe


class Select(forms.Select):
    """``forms.Select``, its options written without a template each."""

    def render(self, name, value, attrs=None, renderer=None):
        attributes = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attributes["multiple"] = True
        options = Options(self.format_value(value), self.allow_multiple_selected)
        parts = []
        # As ChoiceWidget.optgroups reads the choices: a group's options under its name.
        for option_value, option_label in self.choices:
            if isinstance(option_label, (list, tuple)):
                inner = "".join(options.option(*choice) for choice in option_label)
                # A group without a name is its options alone, as Django's template has it.
                if option_value:
                    inner = f'<optgroup label="{safe(option_value)}">{inner}</optgroup>'
                parts.append(inner)
            else:
                parts.append(
                    options.option("" if option_value is None else option_value, option_label)
                )
        opening = f'<select name="{escape(name)}"{flat_attributes(attributes)}>'
        return SafeString(f"{opening}{''.join(parts)}</select>")  # every piece escaped


class Options:
    """Options in order, the first whose value was chosen selected (every one, for a
    select of several), as Django selects them."""

    def __init__(self, chosen, multiple):
        self.chosen = set(chosen)
        self.multiple = multiple
        self.has_selected = False

    def option(self, value, label):
        value = str(value)
        selected = (not self.has_selected or self.multiple) and value in self.chosen
        self.has_selected |= selected
        flag = " selected" if selected else ""
        return f'<option value="{escape(value)}"{flag}>{safe(label)}</option>'


class NumberInput(forms.NumberInput):
    """``forms.NumberInput``, written without Django's two templates (the input, and
    its attributes one by one): the comparison's cost calculator asks for seats on the
    largest page there is."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"']
        if widget["value"] is not None:
            parts.append(f' value="{escape(widget["value"])}"')
        # In the order given, as Django's attrs.html writes them (not sorted).
        for attribute, setting in widget["attrs"].items():
            if setting is True:
                parts.append(f" {escape(attribute)}")
            elif setting is not False:
                parts.append(f' {escape(attribute)}="{escape(setting)}"')
        parts.append(">")
        return SafeString("".join(parts))  # every piece escaped
