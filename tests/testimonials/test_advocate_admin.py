"""Editors keep advocates as snippets: who they are, what motivates them, how to
reach them, and everything they have done for us in one list with dates."""

import datetime

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from testimonials.models import Advocate
from tests.testimonials.advocate_factories import (
    AdvocateActivityFactory,
    AdvocateFactory,
    ReferenceRequestFactory,
)
from tests.testimonials.factories import CaseStudyPageFactory, CustomerFactory, TestimonialFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/testimonials/advocate/"


def advocate_form(customer, activities=(), **values):
    return nested_form_data(
        {
            "name": "Grace Hopper",
            "role": "Head of Support",
            "email": "grace@customer.example",
            "customer": customer.pk,
            "advocate_type": "educator",
            "recognition": "speaking",
            "recognition_note": "",
            "contact_channel": "video",
            "phone": "",
            "contact_notes": "Tuesdays only",
            "accepts_requests": "on",
            "customer_as_of": "2026-01-15",
            "reconfirmed_on": "",
            "referral_code": "",
            "referral_page": "",
            "activities": inline_formset(list(activities)),
        }
        | values
    )


def test_an_editor_adds_an_advocate_with_their_activity(editor_client):
    customer = CustomerFactory()

    response = editor_client.post(
        f"{BASE}add/",
        advocate_form(
            customer,
            activities=[
                {
                    "kind": "external_review",
                    "date": "2026-02-01",
                    "description": "Review on a software review site",
                    "link": "https://reviews.example/grace",
                    "case_study": "",
                }
            ],
            referral_code="Grace-H",
        ),
    )

    assert response.status_code == 302
    advocate = Advocate.objects.get()
    assert (advocate.customer, advocate.advocate_type) == (customer, "educator")
    assert advocate.referral_code == "grace-h", "codes are matched without regard to case"
    assert advocate.activities.get().kind == "external_review"


def test_referral_codes_are_unique_whatever_their_case(editor_client):
    AdvocateFactory(referral_code="maya")

    response = editor_client.post(
        f"{BASE}add/", advocate_form(CustomerFactory(), referral_code="MAYA")
    )

    assert response.status_code == 200
    assert Advocate.objects.count() == 1


def test_two_advocates_may_both_have_no_referral_code(editor_client):
    AdvocateFactory(referral_code=None)

    response = editor_client.post(f"{BASE}add/", advocate_form(CustomerFactory()))

    assert response.status_code == 302
    assert Advocate.objects.filter(referral_code=None).count() == 2


def test_everything_an_advocate_did_is_listed_in_one_place_with_dates(
    editor_client, case_study_index
):
    advocate = AdvocateFactory()
    today = timezone.localdate()
    TestimonialFactory(advocate=advocate, rating=5, product__name="Fernhill Desk")
    case_study = CaseStudyPageFactory(parent=case_study_index, title="Harbour Books halves replies")
    AdvocateActivityFactory(
        advocate=advocate,
        kind="case_study",
        case_study=case_study,
        description="",
        date=today - datetime.timedelta(days=40),
    )
    AdvocateActivityFactory(
        advocate=advocate, kind="event", description="Spring user meeting panel", date=today
    )
    AdvocateActivityFactory(
        advocate=advocate,
        kind="external_review",
        description="Review on a software review site",
        date=today - datetime.timedelta(days=3),
    )
    request = ReferenceRequestFactory(status="approved", advocate=advocate)
    AdvocateActivityFactory(
        advocate=advocate, kind="reference_call", reference_request=request, description="Call"
    )

    page = editor_client.get(f"{BASE}edit/{advocate.pk}/").content.decode()
    load = Advocate.objects.with_load().get(pk=advocate.pk).load

    for text in (
        "Testimonial",
        "Fernhill Desk: 5 out of 5, pending",
        "Case study",
        "Harbour Books halves replies",
        "Event or webinar",
        "Spring user meeting panel",
        "Review on another site",
        "Reference call",
        today.strftime("%-d %b %Y"),
        f"Asked this quarter: {load}, of at most 2",
    ):
        assert text in page, text
    order = [page.index(text) for text in ("Spring user", "Review on a software", "Harbour Books")]
    assert order == sorted(order), "newest first"


def test_the_advocate_list_filters_and_exports(editor_client):
    AdvocateFactory(name="Eda Educator", advocate_type="educator")
    AdvocateFactory(name="Val Validator", advocate_type="validator")

    educators = editor_client.get(f"{BASE}?advocate_type=educator").content.decode()
    export = editor_client.get(f"{BASE}?export=xlsx")

    assert "Eda Educator" in educators and "Val Validator" not in educators
    assert export.status_code == 200
