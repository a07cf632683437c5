"""The public forms' select and number, written in one pass, are Django's to a reader, a
screen reader and a browser: the same elements, attributes and escaped text."""

from django import forms

import pytest
from bs4 import BeautifulSoup

from home.form_widgets import NumberInput, Select

HOSTILE = '<script>alert("x")</script> & "Fernhill"'


def elements(html):
    """Each element's name, attributes and own text, in document order: the
    whitespace between elements aside, which Django's templates add."""
    return [
        (tag.name, tag.attrs, "".join(tag.find_all(string=True, recursive=False)).strip())
        for tag in BeautifulSoup(html, "html.parser").find_all(True)
    ]


class Choices(forms.Form):
    product = forms.ChoiceField(
        choices=[("", "All products"), ("1", "Fernhill Desk"), ('2"><b>', HOSTILE)],
        required=False,
    )
    grouped = forms.ChoiceField(
        choices=[
            ("", "Any plan"),
            ("Ours", [("desk", "Fernhill Desk"), ("chat", "Fernhill Chat")]),
            ("Theirs", [("halo", HOSTILE)]),
            (None, [("none", "A group without a name: its options alone")]),
        ]
    )


def both(form, name, **attrs):
    """``form[name]`` rendered by Django's select and by ours."""
    field = form[name]
    choices = field.field.choices
    theirs = field.as_widget(widget=forms.Select(attrs=attrs, choices=choices))
    ours = field.as_widget(widget=Select(attrs=attrs, choices=choices))
    return theirs, ours


@pytest.mark.parametrize(
    "data",
    [{}, {"product": "1"}, {"product": '2"><b>'}, {"grouped": "halo"}, {"product": "nothing"}],
)
@pytest.mark.parametrize("name", ["product", "grouped"])
def test_the_markup_is_djangos(data, name):
    form = Choices(data=data or None)
    form.is_valid()

    theirs, ours = both(form, name, **{"aria-describedby": "hint", "class": "narrow"})

    assert elements(ours) == elements(theirs)
    assert len(elements(ours)) >= 4


def test_the_chosen_option_is_selected_and_text_stays_text():
    form = Choices(data={"product": '2"><b>'})
    form.is_valid()

    select = BeautifulSoup(both(form, "product")[1], "html.parser").select_one("select")

    assert select["name"] == "product" and select["id"] == "id_product"
    assert [option["value"] for option in select.select("option[selected]")] == ['2"><b>']
    assert select.find("script") is None and select.find("b") is None
    assert select.select("option")[2].get_text() == HOSTILE


def test_a_required_select_says_so():
    form = Choices()

    html = both(form, "grouped")[1]

    assert BeautifulSoup(html, "html.parser").select_one("select").has_attr("required")
    assert [group["label"] for group in BeautifulSoup(html, "html.parser").select("optgroup")] == [
        "Ours",
        "Theirs",
    ]


class Seats(forms.Form):
    seats = forms.IntegerField(min_value=1, required=False)


@pytest.mark.parametrize("data", [{}, {"seats": "12"}, {"seats": HOSTILE}])
def test_a_number_is_djangos_number_in_the_same_attribute_order(data):
    form = Seats(data=data or None)
    form.is_valid()
    attrs = {"min": 1, "inputmode": "numeric", "data-note": HOSTILE, "autofocus": True}
    attrs["hidden"] = False

    theirs = form["seats"].as_widget(widget=forms.NumberInput(attrs=attrs))
    ours = form["seats"].as_widget(widget=NumberInput(attrs=attrs))

    assert ours == theirs.strip()
