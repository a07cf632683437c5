"""The registry behind data-subject requests: every app that keeps personal data
answers through it, and nothing runs on an address that is not one."""

import io
import json

from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

import pytest

from home import personal_data
from home.personal_data import (
    erase_personal_data,
    export_personal_data,
    register,
    scrub,
    unregister,
)

pytestmark = pytest.mark.django_db


class Notebook:
    """A stand-in app that keeps notes about people by address."""

    def __init__(self):
        self.notes = {"grace@example.com": ["Asked about SSO"], "alan@example.com": ["Hi"]}
        self.asked = []

    def export(self, email):
        self.asked.append(("export", email))
        return [
            {"note": note}
            for address, notes in self.notes.items()
            if address.lower() == email.lower()
            for note in notes
        ]

    def erase(self, email):
        self.asked.append(("erase", email))
        found = [address for address in self.notes if address.lower() == email.lower()]
        return sum(len(self.notes.pop(address)) for address in found)


@pytest.fixture
def notebook():
    notebook = Notebook()
    register("notebook", export=notebook.export, erase=notebook.erase)
    yield notebook
    unregister("notebook")


def test_testimonials_are_registered_by_their_app():
    assert "testimonials" in [source.name for source in personal_data.sources()]


def test_export_gathers_every_registered_source(notebook):
    data = export_personal_data("  Grace@Example.com ")

    assert data["email"] == "Grace@Example.com"
    assert data["exported_at"]
    assert data["data"]["notebook"] == [{"note": "Asked about SSO"}]
    assert data["data"]["testimonials"] == []


def test_erase_runs_every_source_and_reports_counts(notebook):
    erased = erase_personal_data("GRACE@example.com")

    assert erased["notebook"] == 1
    assert erased["testimonials"] == 0
    assert notebook.notes == {"alan@example.com": ["Hi"]}


def test_one_failing_source_erases_nothing_anywhere(notebook, our_product):
    from tests.testimonials.factories import TestimonialFactory

    testimonial = TestimonialFactory(product=our_product, email="grace@example.com")

    def broken(email):
        raise RuntimeError("storage offline")

    register("broken", export=lambda email: [], erase=broken)
    try:
        with pytest.raises(RuntimeError):
            erase_personal_data("grace@example.com")
    finally:
        unregister("broken")

    testimonial.refresh_from_db()
    assert testimonial.email == "grace@example.com"


@pytest.mark.parametrize("email", ["", "   ", "not-an-address", "%@%", "erased"])
def test_nothing_runs_on_something_that_is_not_an_address(notebook, email):
    with pytest.raises(ValueError):
        export_personal_data(email)
    with pytest.raises(ValueError):
        erase_personal_data(email)
    assert notebook.asked == []


def test_a_name_cannot_be_taken_twice(notebook):
    register("notebook", export=notebook.export, erase=notebook.erase)  # the same again is fine
    with pytest.raises(ImproperlyConfigured):
        register("notebook", export=lambda email: [], erase=lambda email: 0)


def test_commands_refuse_something_that_is_not_an_address(notebook):
    with pytest.raises(CommandError):
        call_command("export_personal_data", "nobody", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("erase_personal_data", "nobody", yes=True, stdout=io.StringIO())


def test_export_command_includes_every_source(notebook):
    stdout = io.StringIO()

    call_command("export_personal_data", "alan@example.com", stdout=stdout)

    assert json.loads(stdout.getvalue())["data"]["notebook"] == [{"note": "Hi"}]


def test_erase_command_without_an_answer_erases_nothing(notebook, monkeypatch):
    def no_terminal(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", no_terminal)

    with pytest.raises(CommandError):
        call_command("erase_personal_data", "alan@example.com", stdout=io.StringIO())

    assert ("erase", "alan@example.com") not in notebook.asked


def test_scrub_replaces_secrets_in_any_field_whatever_their_case():
    stored = {
        "label": "Ada Lovelace on Fernhill Desk",
        "data": {"notes": ["Called ADA LOVELACE", 3, None], "title": "Almost Ada"},
        "name": "山田太郎です",
    }

    assert scrub(stored, {"Ada Lovelace", "Ada", "山田太郎"}) == {
        "label": " on Fernhill Desk",
        "data": {"notes": ["Called ", 3, None], "title": "Almost "},
        "name": "です",
    }
