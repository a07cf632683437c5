"""One fatigue limit per advocate, from site settings, counts everything we asked of
them in the quarter together; assigning past it is refused with the reason."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from bs4 import BeautifulSoup

from testimonials.models import Advocate, AdvocateActivity, ReferenceRequest
from testimonials.program import quarter_of
from tests.testimonials.advocate_factories import (
    AdvocateActivityFactory,
    AdvocateFactory,
    ReferenceRequestFactory,
)
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/testimonials/referencerequest/"


def edit_url(request):
    return f"{LIST_URL}edit/{request.pk}/"


def decision(request, **values):
    return {
        "product": request.product_id,
        "industry": request.industry,
        "prospect_need": request.prospect_need,
        "needed_by": request.needed_by.isoformat(),
        "status": "approved",
        "advocate": "",
        "editor_note": "",
    } | values


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        ("2026-01-01", "2026-01-01", "2026-03-31"),
        ("2026-05-15", "2026-04-01", "2026-06-30"),
        ("2026-09-30", "2026-07-01", "2026-09-30"),
        ("2026-12-31", "2026-10-01", "2026-12-31"),
    ],
)
def test_quarters_are_calendar_quarters(day, start, end):
    parse = datetime.date.fromisoformat
    assert quarter_of(parse(day)) == (parse(start), parse(end))


def test_load_counts_testimonials_and_every_kind_of_activity_in_the_quarter():
    advocate = AdvocateFactory()
    today = timezone.localdate()
    start, _ = quarter_of(today)
    TestimonialFactory(advocate=advocate)
    TestimonialFactory(advocate=advocate, rejected=True)  # not an ask that counted
    for kind in AdvocateActivity.Kind.values:
        AdvocateActivityFactory(advocate=advocate, kind=kind, date=today)
    AdvocateActivityFactory(advocate=advocate, date=start - datetime.timedelta(days=1))
    AdvocateActivityFactory()  # someone else's

    assert Advocate.objects.with_load(today).get(pk=advocate.pk).load == 1 + 4


def test_assigning_an_advocate_at_the_limit_is_refused_with_the_reason(admin_client, site_settings):
    tired = AdvocateFactory(name="Maya Okafor")
    AdvocateActivityFactory(advocate=tired, kind="event")
    TestimonialFactory(advocate=tired)
    request = ReferenceRequestFactory()

    response = admin_client.post(edit_url(request), decision(request, advocate=tired.pk))

    assert response.status_code == 200
    errors = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Maya Okafor has already been asked 2 times" in errors
    assert "The fatigue limit is 2 a quarter" in errors
    request.refresh_from_db()
    assert (request.status, request.advocate) == (ReferenceRequest.Status.REQUESTED, None)
    assert not AdvocateActivity.objects.filter(kind="reference_call").exists()


def test_the_limit_comes_from_site_settings(admin_client, site_settings):
    site_settings.fatigue_limit = 3
    site_settings.save()
    advocate = AdvocateFactory()
    AdvocateActivityFactory.create_batch(2, advocate=advocate)
    request = ReferenceRequestFactory()

    response = admin_client.post(edit_url(request), decision(request, advocate=advocate.pk))

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.advocate == advocate and request.decided_at is not None
    assert Advocate.objects.with_load().get(pk=advocate.pk).load == 3


def test_an_approved_request_is_a_reference_call_that_counts(admin_client, site_settings):
    advocate = AdvocateFactory()
    first, second, third = ReferenceRequestFactory.create_batch(3)

    for request in (first, second):
        response = admin_client.post(edit_url(request), decision(request, advocate=advocate.pk))
        assert response.status_code == 302
    refused = admin_client.post(edit_url(third), decision(third, advocate=advocate.pk))

    calls = AdvocateActivity.objects.filter(advocate=advocate, kind="reference_call")
    assert {call.reference_request for call in calls} == {first, second}
    assert refused.status_code == 200 and "fatigue limit" in refused.content.decode()


def test_saving_an_approved_request_again_does_not_count_it_twice(admin_client, site_settings):
    advocate = AdvocateFactory()
    request = ReferenceRequestFactory()
    AdvocateActivityFactory(advocate=advocate)
    admin_client.post(edit_url(request), decision(request, advocate=advocate.pk))

    # At the limit now, but it is the same assignment: editing the note is fine.
    response = admin_client.post(
        edit_url(request), decision(request, advocate=advocate.pk, editor_note="Call on Tuesday")
    )

    assert response.status_code == 302
    assert AdvocateActivity.objects.filter(reference_request=request).count() == 1


def test_declining_removes_the_planned_call(admin_client, site_settings):
    advocate = AdvocateFactory()
    request = ReferenceRequestFactory()
    admin_client.post(edit_url(request), decision(request, advocate=advocate.pk))

    admin_client.post(
        edit_url(request),
        decision(request, status="declined", editor_note="The prospect chose another vendor."),
    )

    assert not AdvocateActivity.objects.filter(reference_request=request).exists()


def test_approving_needs_an_advocate(admin_client, site_settings):
    request = ReferenceRequestFactory()

    response = admin_client.post(edit_url(request), decision(request))

    assert response.status_code == 200
    assert "Choose the advocate to approve the request." in response.content.decode()


def test_the_chooser_shows_each_load_and_lists_the_least_asked_first(admin_client, site_settings):
    busy = AdvocateFactory(name="Busy Bea")
    AdvocateActivityFactory.create_batch(2, advocate=busy)
    some = AdvocateFactory(name="Some Sam")
    AdvocateActivityFactory(advocate=some)
    fresh = AdvocateFactory(name="Fresh Fay")
    AdvocateFactory(name="Resting Rex", accepts_requests=False)
    request = ReferenceRequestFactory()

    soup = BeautifulSoup(admin_client.get(edit_url(request)).content, "html.parser")
    options = [
        option.get_text(strip=True)
        for option in soup.select("select[name=advocate] option")
        if option.get("value")
    ]

    assert [option.split(",")[0] for option in options] == ["Fresh Fay", "Some Sam", "Busy Bea"]
    assert options[0].endswith("0 of 2 this quarter")
    assert options[2].endswith("2 of 2 this quarter, at the limit")
    assert fresh.customer.name in options[0]


ADVOCATE_URL = "/admin/snippets/testimonials/advocate/"


def activity_data(activity=None, **values):
    data = {"kind": "event", "date": "", "description": "", "link": "", "case_study": ""}
    if activity is not None:
        data |= {
            "id": activity.pk,
            "kind": activity.kind,
            "date": activity.date.isoformat(),
            "description": activity.description,
        }
    return data | values


def log_activity(client, advocate, **values):
    """The advocate's edit form as saved with one more activity, as an editor logs it."""
    logged = [activity_data(activity) for activity in advocate.activities.all()]
    new = activity_data(**values)
    form = nested_form_data(
        {
            "name": advocate.name,
            "role": advocate.role,
            "email": advocate.email,
            "customer": advocate.customer_id,
            "advocate_type": advocate.advocate_type,
            "recognition": advocate.recognition,
            "recognition_note": "",
            "contact_channel": advocate.contact_channel,
            "phone": "",
            "contact_notes": "",
            "accepts_requests": "on",
            "customer_as_of": advocate.customer_as_of.isoformat(),
            "reconfirmed_on": "",
            "referral_code": "",
            "referral_page": "",
            "activities": inline_formset([*logged, new], initial=len(logged)),
        }
    )
    return client.post(f"{ADVOCATE_URL}edit/{advocate.pk}/", form, follow=True)


def messages_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(message.get_text(" ", strip=True) for message in soup.select(".messages li"))


@pytest.fixture
def editors_client(client, django_user_model):
    editor = user_in_group(django_user_model, "edna", Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def test_logging_an_activity_past_the_limit_is_recorded_with_a_warning(
    editors_client, site_settings, today
):
    """The activity happened, so it is kept; the editor is told the advocate is now
    asked more than the limit this quarter."""
    advocate = AdvocateFactory(name="Maya Okafor")
    AdvocateActivityFactory.create_batch(2, advocate=advocate, date=today)

    response = log_activity(
        editors_client, advocate, date=today.isoformat(), description="Customer panel"
    )

    assert response.status_code == 200
    assert advocate.activities.count() == 3
    warning = messages_of(response)
    assert "Maya Okafor has now been asked 3 times between 1 October and 31 December 2026" in (
        warning
    )
    assert "over the fatigue limit of 2 a quarter" in warning


def test_an_activity_in_an_earlier_quarter_counts_against_that_quarter(
    editors_client, site_settings, today
):
    advocate = AdvocateFactory(name="Maya Okafor")
    AdvocateActivityFactory.create_batch(2, advocate=advocate, date=today)

    response = log_activity(editors_client, advocate, date="2026-05-04")

    assert advocate.activities.count() == 3
    assert "fatigue limit" not in messages_of(response)


def test_logging_within_the_limit_gives_no_warning(editors_client, site_settings, today):
    advocate = AdvocateFactory()
    AdvocateActivityFactory(advocate=advocate, date=today)

    response = log_activity(editors_client, advocate, date=today.isoformat())

    assert advocate.activities.count() == 2
    assert "fatigue limit" not in messages_of(response)


def test_the_activity_tab_warns_before_one_more_is_logged(editors_client, site_settings, today):
    advocate = AdvocateFactory(name="Maya Okafor")
    AdvocateActivityFactory.create_batch(2, advocate=advocate, date=today)

    form = BeautifulSoup(
        editors_client.get(f"{ADVOCATE_URL}edit/{advocate.pk}/").content, "html.parser"
    )

    warning = form.select_one(".help-warning").get_text(" ", strip=True)
    assert "at the fatigue limit" in warning
    assert "another activity this quarter puts them over it" in warning
