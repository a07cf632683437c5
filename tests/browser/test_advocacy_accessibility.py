"""WCAG 2.2 AA on the advocate program's public pages in each of their states: the
NPS question, a demo request with errors, and the re-confirmation question."""

import pytest

from testimonials.links import reconfirmation_link
from testimonials.models import (
    DemoRequestPage,
    NpsInvitation,
    NpsSurveyPage,
    ReconfirmationRequest,
    Testimonial,
)
from tests.browser.test_accessibility import blocking_violations, in_english

# demo_site (tests/browser/conftest.py) serves the demo content, loaded once per module.
pytestmark = pytest.mark.browser


def test_the_nps_question_and_its_errors(demo_site, open_page):
    survey = in_english(NpsSurveyPage)
    invitation = NpsInvitation.objects.create(survey=survey, email="new@customer.example")
    page = open_page(demo_site + survey.url + invitation.token + "/", width=375)

    assert not blocking_violations(page)
    page.get_by_role("button", name="Send my answer").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").first.is_visible()
    assert not blocking_violations(page)
    page.get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Send my answer").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Share your experience").first.is_visible()
    assert not blocking_violations(page)


def test_a_demo_request_with_errors(demo_site, open_page):
    page = open_page(demo_site + in_english(DemoRequestPage).url, width=1280)
    page.get_by_role("button", name="Request a demo").click()
    page.wait_for_load_state()

    assert page.get_by_role("alert").first.is_visible()
    assert not blocking_violations(page)


def test_the_reconfirmation_question(demo_site, open_page):
    request = ReconfirmationRequest.objects.create(email="henrik@customer.example")
    request.testimonials.set(Testimonial.objects.public()[:2])
    page = open_page(demo_site + reconfirmation_link.path(request), width=375)

    assert not blocking_violations(page)
    page.get_by_role("button", name="Yes, I am still a customer").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").is_visible()
