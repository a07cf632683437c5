"""Inline rows that each choose a record: a comparison's 60 criteria, a product's 220
facts and their criteria. Django looks each row's choice up in a query of its own when
the form is cleaned, and so does the hidden field naming each row, and then the model
asks again whether the chosen record exists; Wagtail cleans the form twice for every
preview (once when the editor's changes are posted, once when the preview is shown).
For the largest comparison that was 400 of the preview's 520 queries. Here the first
row to be cleaned looks up what every row of its formset chose, in one query; the
others find theirs in it, and the model's check is not repeated.

Use ``ChosenOncePanelMixin`` before an ``InlinePanel`` (or a subclass such as
``MultipleChooserPanel``) in the panel's bases."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms.models import WagtailAdminModelForm, formfield_for_dbfield
from wagtail.models import TranslatableMixin


class ChosenOnceField(forms.ModelChoiceField):
    """A row's choice of a record: found among the records its formset's rows chose
    (``chosen``, given by the formset) when it has them, else as Django finds it. The
    choices are the field's own (its ``limit_choices_to`` included): a record they
    leave out is an invalid choice either way."""

    chosen = None

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if self.chosen is None:
            return super().to_python(value)
        key = self.to_field_name or "pk"
        if isinstance(value, self.queryset.model):
            value = getattr(value, key)
        found = self.chosen(self).get(str(value))
        if found is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found


def chosen_once_formfield(db_field, **kwargs):
    """Wagtail's form fields (choosers included), with a foreign key's field found once
    per formset."""
    if isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", ChosenOnceField)
    return formfield_for_dbfield(db_field, **kwargs)


class ChosenOnceFormSet(BaseChildFormSet):
    """Gives each of its forms' ``ChosenOnceField`` the records every row chose; the
    hidden field naming the row itself is one of them. The rows already saved come
    with the records they chose before and, when translatable, their language: what
    their checks read (a fact's earlier claim, whether a row is in the default
    language), in the query that loads them."""

    def __init__(self, *args, queryset=None, instance=None, **kwargs):
        # {field name: {posted value: record}}, filled as each field is first cleaned.
        self.chosen_records = {}
        if queryset is None and instance is not None:
            queryset = getattr(instance, self.fk.remote_field.get_accessor_name()).all()
            related = [
                name
                for name, field in self.form.base_fields.items()
                if isinstance(field, ChosenOnceField)
            ]
            if issubclass(self.model, TranslatableMixin):
                related.append("locale")
            queryset = queryset.select_related(*related)
        super().__init__(*args, queryset=queryset, instance=instance, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if not self.is_bound:
            return form
        row = self.model._meta.pk.name
        field = form.fields.get(row)
        if type(field) is forms.ModelChoiceField:
            form.fields[row] = ChosenOnceField(
                field.queryset, initial=field.initial, required=False, widget=field.widget
            )
        for name, field in form.fields.items():
            if isinstance(field, ChosenOnceField):
                field.chosen = ChosenRecords(self, name).get
        return form


class ChosenRecords:
    """The records the rows of ``formset`` chose in the field ``name``."""

    def __init__(self, formset, name):
        self.formset, self.name = formset, name

    def get(self, field):
        found = self.formset.chosen_records.get(self.name)
        if found is None:
            found = self.formset.chosen_records[self.name] = self.load(field)
        return found

    def load(self, field):
        key = field.to_field_name or "pk"
        values = {
            str(value)
            for i in range(self.formset.total_form_count())
            if (value := self.formset.data.get(f"{self.formset.add_prefix(i)}-{self.name}"))
            not in field.empty_values
        }
        try:
            records = list(field.queryset.filter(**{f"{key}__in": values}))
        except (ValueError, TypeError, ValidationError):
            # A value that is no key at all (a tampered form): each row on its own, as
            # Django would, so that row alone gets the error.
            return _RowByRow(field)
        return {str(getattr(record, key)): record for record in records}


class _RowByRow:
    def __init__(self, field):
        self.field = field

    def get(self, value):
        try:
            return forms.ModelChoiceField.to_python(self.field, value)
        except ValidationError:
            return None


class ChosenOnceForm:
    """A row's form, before Wagtail's: a foreign key whose record was found among the
    formset's is left out of the model's own check of it (a query a row), which
    asks the same of the same limited choices. Uniqueness checks keep it."""

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        if getattr(self, "_checking_unique", False):
            return exclude
        return exclude | {
            name
            for name, field in self.fields.items()
            if isinstance(field, ChosenOnceField)
            and field.chosen is not None
            and isinstance(self._meta.model._meta.get_field(name), models.ForeignKey)
        }

    def validate_unique(self):
        self._checking_unique = True
        try:
            super().validate_unique()
        finally:
            self._checking_unique = False


class ChosenOncePanelMixin:
    """For an inline panel: its rows' choices of records found once per formset."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        base = formset.get("form", WagtailAdminModelForm)
        formset["form"] = type(base)(f"ChosenOnce{base.__name__}", (ChosenOnceForm, base), {})
        formset["formset"] = ChosenOnceFormSet
        formset["formfield_callback"] = chosen_once_formfield
        return options
