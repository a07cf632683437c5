"""Columns for the admin's listings that say what they show in words an editor reads:
a day as a date, yes or no for a true-or-false value.

Wagtail's DateColumn says how long ago a moment was ("3 days ago"), which for a day
still to come reads "Just now"; its BooleanColumn draws an icon titled "True" or
"False"."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column

YES = _("Yes")
NO = _("No")


class DayColumn(Column):
    """A day, e.g. "17 December 2026"."""

    def get_value(self, instance):
        day = super().get_value(instance)
        return date_format(day) if day else None


class YesNoColumn(Column):
    """ "Yes" or "No"; empty when the value is not known."""

    def __init__(self, name, *, yes=YES, no=NO, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)
        self.yes, self.no = yes, no

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return None
        return self.yes if value else self.no
