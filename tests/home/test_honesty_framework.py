"""The honesty-check framework on its own: registering checks for a page type, running
them (blocking ones first), and the refusal's words."""

from types import SimpleNamespace

import pytest

from home import honesty
from home.honesty import PublishingRefused, Severity, blocking, warning


class ReviewPage:
    pass


class LongReviewPage(ReviewPage):
    pass


class OtherPage:
    pass


@pytest.fixture(autouse=True)
def own_registry(monkeypatch):
    """Checks registered here stay out of the site's registry."""
    monkeypatch.setattr(honesty, "_checks", {})


def test_checks_run_for_their_page_type_and_its_subclasses_blocking_first():
    honesty.register(ReviewPage, lambda page: [warning("Old facts", field="facts")])
    honesty.register(LongReviewPage, lambda page: [blocking("One-sided")])

    problems = honesty.run_checks(LongReviewPage())

    assert [(p.message, p.severity) for p in problems] == [
        ("One-sided", Severity.BLOCKS),
        ("Old facts", Severity.WARNING),
    ]
    assert [p.message for p in honesty.run_checks(ReviewPage())] == ["Old facts"]
    assert honesty.run_checks(OtherPage()) == []


def test_blocking_problems_leave_out_warnings():
    honesty.register(ReviewPage, lambda page: [warning("Old facts"), blocking("One-sided")])

    assert [p.message for p in honesty.blocking_problems(ReviewPage())] == ["One-sided"]


def test_registering_a_check_twice_runs_it_once():
    def check(page):
        return [warning("Once")]

    honesty.register(ReviewPage, check)
    honesty.register(ReviewPage, check)

    assert len(honesty.run_checks(ReviewPage())) == 1


def test_the_refusal_names_the_page_and_every_reason():
    page = SimpleNamespace(title="Fernhill vs Tidewell")

    refusal = PublishingRefused(page, [blocking("One-sided."), blocking("Says “best”.")])

    assert str(refusal) == "“Fernhill vs Tidewell” was not published: One-sided. Says “best”."
