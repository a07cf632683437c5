"""Each app registers its part of the demo; the loader runs them in the order the parts
declare, never in whatever order INSTALLED_APPS happens to list the apps."""

from django.core.exceptions import ImproperlyConfigured

import pytest

from home import demo


def nothing(site):
    pass


@pytest.fixture
def no_parts(monkeypatch):
    """An empty registry, once every app's demo module is imported (and registered in
    the real one), so the apps' own registrations do not land in this one."""
    demo.parts()
    monkeypatch.setattr(demo, "_parts", {})


def test_home_loads_first_then_comparisons_then_testimonials():
    assert [part.app for part in demo.parts()] == ["home", "comparisons", "testimonials"]


def test_the_order_does_not_follow_the_order_of_registration(monkeypatch):
    demo.parts()  # every app's demo module imported, so every part registered
    monkeypatch.setattr(demo, "_parts", dict(reversed(demo._parts.items())))

    assert [part.app for part in demo.parts()] == ["home", "comparisons", "testimonials"]


def test_a_part_after_one_no_app_registers_is_refused(no_parts):
    demo.register("extra", nothing, after=["nowhere"])

    with pytest.raises(ImproperlyConfigured, match="nowhere"):
        demo.parts()


def test_parts_waiting_on_each_other_are_refused(no_parts):
    demo.register("first", nothing, after=["second"])
    demo.register("second", nothing, after=["first"])

    with pytest.raises(ImproperlyConfigured, match="wait on each other"):
        demo.parts()
