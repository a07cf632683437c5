"""A row's choice of a record (home/chosen_rows.py) is cleaned as Django's
``ModelChoiceField`` cleans it: the same record or the same error, whether the field
finds it among what its formset's rows chose or on its own. What a formset saves in
queries is asserted where it is used: tests/comparisons/test_comparison_preview.py and
test_fact_validation.py."""

from django.core.exceptions import ValidationError

from wagtail.models import Locale

import pytest

from home.chosen_rows import ChosenOnceField

pytestmark = pytest.mark.django_db


@pytest.fixture
def locales():
    return Locale.objects.get_or_create(language_code="ja")[0], Locale.get_default()


def invalid_choice(field, value):
    with pytest.raises(ValidationError) as refused:
        field.clean(value)
    return refused.value.code


def test_a_field_outside_a_formset_finds_its_record_as_django_does(locales):
    japanese, default = locales
    field = ChosenOnceField(Locale.objects.exclude(pk=default.pk), required=False)

    assert field.clean(str(japanese.pk)) == japanese
    assert field.clean("") is None
    assert invalid_choice(field, str(default.pk)) == "invalid_choice"
    assert invalid_choice(field, "not a key") == "invalid_choice"


def test_a_field_given_what_its_rows_chose_asks_no_query(locales, django_assert_num_queries):
    japanese, default = locales
    field = ChosenOnceField(Locale.objects.all())
    field.chosen = lambda asking: {str(japanese.pk): japanese}

    with django_assert_num_queries(0):
        assert field.clean(str(japanese.pk)) is japanese
        # A form given the record itself, as code may give it, finds it too.
        assert field.clean(japanese) is japanese
        # What no row chose is refused as Django refuses a record outside the choices.
        assert invalid_choice(field, str(default.pk)) == "invalid_choice"
