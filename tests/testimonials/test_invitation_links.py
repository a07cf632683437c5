"""The links a customer is given: the invitation's link to the testimonial form (product
fixed, details filled in, one answer, recorded as Invited and verified from our list),
the link after the NPS survey (After NPS, whatever the score), and the page that stops
or restarts invitations (only a POST changes anything)."""

from django.test import Client
from django.utils.translation import override

import pytest
from bs4 import BeautifulSoup

from testimonials.links import after_nps_link, invited_link, unsubscribe_link
from testimonials.models import CustomerContact, Invitation, Testimonial
from tests.comparisons.factories import ProductFactory
from tests.testimonials.advocate_factories import NpsInvitationFactory
from tests.testimonials.factories import (
    CustomerContactFactory,
    CustomerFactory,
    InvitationCampaignFactory,
)
from tests.testimonials.test_nps import answer_path
from tests.testimonials.test_submission import valid_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(our_product, submission_page):
    contact = CustomerContactFactory(
        name="Kenji Mori", email="kenji@harbour.example", company="Harbour Books"
    )
    campaign = InvitationCampaignFactory(product=our_product)
    return Invitation.objects.create(
        campaign=campaign, contact=contact, product=our_product, language="en"
    )


def invited_path(page, invitation):
    return invited_link.path(page, invitation)


def sent(client, path, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(path, data)


def test_the_invitation_opens_the_form_with_product_fixed_and_details_filled_in(
    client, invitation, submission_page
):
    response = client.get(invited_path(submission_page, invitation))

    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert "Fernhill Desk" in html.select_one(".fixed-product").get_text()
    assert html.select_one("select#id_product") is None
    assert html.select_one("#id_author_name")["value"] == "Kenji Mori"
    assert html.select_one("#id_email")["value"] == "kenji@harbour.example"
    assert html.select_one("#id_author_company")["value"] == "Harbour Books"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_an_answer_is_recorded_as_invited_verified_from_our_list_and_only_once(
    client, invitation, submission_page, no_typing_delay, django_capture_on_commit_callbacks
):
    other_product = ProductFactory(is_ours=True)
    path = invited_path(submission_page, invitation)

    # A crafted product is ignored: the invitation names the product.
    crafted = valid_form(other_product)
    first = sent(client, path, crafted, django_capture_on_commit_callbacks)
    second = sent(client, path, valid_form(invitation.product), django_capture_on_commit_callbacks)
    visit = client.get(path)

    assert first.status_code == 302 and first["Location"] == submission_page.url + "thanks/"
    testimonial = Testimonial.objects.get()
    assert testimonial.product == invitation.product
    assert (testimonial.source, testimonial.invitation) == (Testimonial.Source.INVITED, invitation)
    assert testimonial.verification == Testimonial.Verification.CUSTOMER_LIST
    assert testimonial.verified_at is not None and testimonial.provenance_errors() == {}
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    for page in (second, visit):
        assert page.status_code == 200
        text = page.content.decode()
        assert "already been answered" in text and "private link" in text
    assert Testimonial.objects.count() == 1


def test_an_altered_or_made_up_invitation_link_is_not_found_and_stores_nothing(
    client, invitation, submission_page, no_typing_delay
):
    token = invited_link.token(invitation)
    base = submission_page.url + "invited/"
    others = [
        token[:-2] + ("xx" if not token.endswith("xx") else "yy"),
        f"{invitation.pk + 1}-{token.partition('-')[2]}",
        after_nps_link.token(invitation),  # another link's signature
        "made-up",
    ]

    for bad in others:
        assert client.get(f"{base}{bad}/").status_code == 404, bad
        response = client.post(f"{base}{bad}/", valid_form(invitation.product))
        assert response.status_code == 404
        assert "private" in response["Cache-Control"]
    assert not Testimonial.objects.exists()
    invitation.refresh_from_db()
    assert invitation.answered_at is None


def test_the_public_form_still_records_organic_testimonials(post, our_product):
    post(valid_form(our_product))

    testimonial = Testimonial.objects.get()
    assert (testimonial.source, testimonial.invitation, testimonial.verification) == (
        Testimonial.Source.FORM,
        None,
        "",
    )


# After the NPS survey ----------------------------------------------------------------


@pytest.mark.parametrize("score", [0, 6, 9, 10])
def test_every_respondent_gets_a_link_recording_after_nps_whatever_the_score(
    client,
    nps_survey,
    submission_page,
    our_product,
    no_typing_delay,
    django_capture_on_commit_callbacks,
    score,
):
    customer = CustomerFactory(name="Harbour Books")
    nps_invitation = NpsInvitationFactory(
        survey=nps_survey, name="Ana Ortiz", email="ana@harbour.example", customer=customer
    )
    thanks = client.post(answer_path(nps_invitation), {"score": str(score)}, follow=True)
    link = BeautifulSoup(thanks.content, "html.parser").select_one(".share-invitation a")["href"]

    form = BeautifulSoup(client.get(link).content, "html.parser")
    response = sent(client, link, valid_form(our_product), django_capture_on_commit_callbacks)

    assert link == after_nps_link.path(submission_page, nps_invitation)
    assert form.select_one("#id_author_name")["value"] == "Ana Ortiz"
    assert form.select_one("#id_author_company")["value"] == "Harbour Books"
    assert response.status_code == 302
    testimonial = Testimonial.objects.get()
    assert testimonial.source == Testimonial.Source.AFTER_NPS
    assert testimonial.nps_invitation == nps_invitation
    assert testimonial.provenance_errors() == {}


def test_the_after_nps_link_takes_an_answered_survey_and_a_genuine_signature(
    client, nps_survey, submission_page
):
    unanswered = NpsInvitationFactory(survey=nps_survey)
    path = after_nps_link.path(submission_page, unanswered)

    assert client.get(path).status_code == 404
    assert client.get(path[:-3] + "xx/").status_code == 404


def test_answering_the_survey_again_shows_the_same_personal_link(client, nps_survey):
    nps_invitation = NpsInvitationFactory(survey=nps_survey)
    client.post(answer_path(nps_invitation), {"score": "3"})

    again = client.get(answer_path(nps_invitation))

    link = BeautifulSoup(again.content, "html.parser").select_one(".share-invitation a")["href"]
    assert link.endswith(f"/after-nps/{after_nps_link.token(nps_invitation)}/")


# Stopping invitations ---------------------------------------------------------------


def unsubscribe_path(contact, language="en"):
    with override(language):
        return unsubscribe_link.path(contact)


def test_opening_the_stop_link_never_unsubscribes(client, home_page):
    contact = CustomerContactFactory()

    page = client.get(unsubscribe_path(contact))

    assert page.status_code == 200 and "Stop invitations" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    contact.refresh_from_db()
    assert contact.unsubscribed_at is None


def test_the_button_unsubscribes_and_another_subscribes_again(client, home_page):
    contact = CustomerContactFactory()
    path = unsubscribe_path(contact)

    stopped = client.post(path, {"action": "stop"})
    contact.refresh_from_db()
    first_stop = contact.unsubscribed_at
    client.post(path, {"action": "stop"})
    contact.refresh_from_db()

    assert "will not send you any more invitations" in stopped.content.decode()
    assert first_stop is not None and contact.unsubscribed_at == first_stop

    restarted = client.post(path, {"action": "subscribe"})
    contact.refresh_from_db()
    assert contact.unsubscribed_at is None
    assert "may receive invitations again" in restarted.content.decode()


def test_one_click_unsubscribe_from_the_mail_program_works_without_a_cookie(home_page):
    contact = CustomerContactFactory()
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(unsubscribe_path(contact), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert CustomerContact.objects.get(pk=contact.pk).unsubscribed_at is not None


def test_an_altered_stop_link_changes_nothing(client, home_page):
    contact = CustomerContactFactory()
    path = unsubscribe_path(contact)

    response = client.post(path[:-3] + "xx/")

    assert response.status_code == 404
    assert CustomerContact.objects.get(pk=contact.pk).unsubscribed_at is None


def test_the_stop_page_speaks_japanese_to_a_japanese_customer(client, home_page):
    contact = CustomerContactFactory(language="ja")

    page = client.get(unsubscribe_path(contact, "ja"))

    assert unsubscribe_path(contact, "ja").startswith("/ja/")
    assert 'lang="ja"' in page.content.decode()
