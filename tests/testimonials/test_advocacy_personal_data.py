"""What the advocate program keeps about someone is exported and erased with the rest
of their data; erasing keeps the program's numbers."""

import pytest

from home.personal_data import erase_personal_data, export_personal_data
from testimonials.models import Advocate, DemoRequestSubmission, NpsResponse
from tests.testimonials.advocate_factories import (
    AdvocateActivityFactory,
    AdvocateFactory,
    NpsInvitationFactory,
    NpsResponseFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def grace(demo_page):
    advocate = AdvocateFactory(
        name="Grace Hopper",
        email="grace@customer.example",
        phone="+1 555 0100",
        referral_code="grace",
    )
    AdvocateActivityFactory(advocate=advocate, description="Talk at the user meeting")
    NpsResponseFactory(
        score=10,
        comment="Grace here: great support.",
        invitation=NpsInvitationFactory(name="Grace Hopper", email="Grace@Customer.example"),
    )
    DemoRequestSubmission.objects.create(
        page=demo_page,
        form_data={"your_name": "Grace Hopper", "work_e_mail": "GRACE@customer.example"},
    )
    DemoRequestSubmission.objects.create(
        page=demo_page,
        form_data={"your_name": "Alan", "work_e_mail": "alan@customer.example"},
        referred_by=advocate,
    )
    return advocate


def test_export_finds_everything_under_the_address(grace):
    data = export_personal_data("grace@CUSTOMER.example")["data"]["advocate_program"]

    assert data["advocate_profiles"][0]["phone"] == "+1 555 0100"
    assert data["advocate_profiles"][0]["activities"][0]["about"] == "Talk at the user meeting"
    assert data["nps_invitations"][0]["answer"]["score"] == 10
    assert [request["answers"]["your_name"] for request in data["demo_requests"]] == [
        "Grace Hopper"
    ], "only requests where she gave her address"


def test_erasure_removes_who_they_were_and_keeps_the_numbers(grace):
    erase_personal_data("grace@customer.example")

    advocate = Advocate.objects.with_referral_counts().get(pk=grace.pk)
    assert (advocate.name, advocate.phone, advocate.referral_code) == ("(erased)", "", None)
    assert advocate.email == "erased@erased.invalid" and not advocate.accepts_requests
    assert advocate.referral_conversions == 1, "Alan's request still counts"
    answer = NpsResponse.objects.get()
    assert (answer.score, answer.comment, answer.invitation.email) == (
        10,
        "",
        "erased@erased.invalid",
    )
    assert DemoRequestSubmission.objects.filter(form_data={}).count() == 1
    assert DemoRequestSubmission.objects.filter(form_data__your_name="Alan").exists()
    assert export_personal_data("grace@customer.example")["data"]["advocate_program"] == {
        "advocate_profiles": [],
        "nps_invitations": [],
        "reconfirmation_requests": [],
        "demo_requests": [],
    }
