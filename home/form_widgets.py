"""Widgets of the public forms that render in one pass.

Django renders a select's every option through a template of its own (an include,
and another for its attributes). The public listings' filters offer every product
of ours: at ten times the benchmark's data (40 products) the case study index spent
more on its two selects than on its twelve cards (docs/benchmark.md). The markup is
Django's own, written by ``format_html``, which escapes every value and label."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class Select(forms.Select):
    """``forms.Select``, its options written without a template each."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            written = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], flatatt(option["attrs"]), option["label"])
                    for option in options
                ),
            )
            if group_name:
                written = format_html('<optgroup label="{}">{}</optgroup>', group_name, written)
            groups.append(written)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(groups)),  # noqa: S308 (each part written by format_html)
        )
