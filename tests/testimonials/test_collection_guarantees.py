"""What review collection promises holds on every path, not only on the button: a
launched campaign is kept, provenance stays what the customer's link recorded, a
segment can't hide gating in a plan's name, one answer per link, the invited customer
signs their own answer, a reply keeps its signature, and cached reports follow writes
made without signals."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from testimonials.imports.personal_data import erase
from testimonials.invitations.launch import launch
from testimonials.invitations.sending import send_batch
from testimonials.links import after_nps_link, invited_link
from testimonials.models import CustomerContact, Invitation, InvitationCampaign, Testimonial
from testimonials.segments import validate_segment
from testimonials.transparency import collection_report
from tests.testimonials.advocate_factories import NpsResponseFactory
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.collection_records import at, campaign, contact, invite
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.reply_factories import TestimonialReplyFactory, invited
from tests.testimonials.test_role_matrix import form_data_of
from tests.testimonials.test_submission import valid_form

pytestmark = pytest.mark.django_db


def editor(client, django_user_model, group="Editors"):
    user = user_in_group(django_user_model, group.lower(), Group.objects.get(name=group))
    client.force_login(user)
    return client


# A launched campaign is kept --------------------------------------------------------


def test_a_launched_campaign_cannot_be_deleted_so_nobody_is_asked_again_at_once(our_product):
    spring = campaign(our_product, None)
    contact(our_product, "Ada")
    launch(spring)

    with pytest.raises(ValidationError, match="kept"):
        spring.delete()

    again = campaign(our_product, None, name="Again")
    assert launch(again) == 0  # Ada was invited within the interval
    assert Invitation.objects.filter(contact__name="Ada").count() == 1


def test_an_editor_is_told_why_a_launched_campaign_stays(client, django_user_model, our_product):
    launched, draft = campaign(our_product, at(2026, 9, 1)), campaign(our_product, None)
    client = editor(client, django_user_model)
    delete = InvitationCampaign.snippet_viewset.get_url_name("delete")

    refused = client.post(reverse(delete, args=[launched.pk]), follow=True)
    client.post(reverse(delete, args=[draft.pk]))

    assert "it is kept" in refused.content.decode()
    assert list(InvitationCampaign.objects.all()) == [launched]


# Provenance stays what the link recorded -------------------------------------------


def test_without_its_invitation_nothing_claims_the_customer_list(our_product):
    orphan = TestimonialFactory(
        product=our_product, source=Testimonial.Source.INVITED, approved=True
    )

    assert orphan.provenance.verification == "Not verified"


@pytest.mark.parametrize("relabel", [Testimonial.Source.INTERVIEW, Testimonial.Source.FORM])
def test_an_invited_answer_cannot_be_relabelled_from_code(our_product, relabel):
    testimonial = invited(our_product, at(2026, 9, 1), rating=1)
    testimonial.source = relabel

    with pytest.raises(ValidationError, match="stays “Invited”"):
        testimonial.save()

    testimonial.refresh_from_db()
    assert testimonial.source == Testimonial.Source.INVITED


def test_a_moderator_cannot_relabel_an_invited_one_star_review(
    client, django_user_model, our_product
):
    testimonial = invited(our_product, at(2026, 9, 1), rating=1)
    client = editor(client, django_user_model, "Moderators")
    edit = reverse("wagtailsnippets_testimonials_testimonial:edit", args=[testimonial.pk])

    response = client.post(edit, form_data_of(testimonial, source="interview"))

    assert "stays “Invited”" in response.content.decode()
    testimonial.refresh_from_db()
    assert testimonial.source == Testimonial.Source.INVITED


# A segment's values are neutral too -----------------------------------------------


@pytest.mark.parametrize("plans", [["Promoters"], ["Happy customers"], ["NPS 9-10"], ["VIP"]])
def test_a_plan_named_for_happiness_is_refused(plans):
    with pytest.raises(ValidationError, match="review gating|hand-picked"):
        validate_segment({"plans": plans})


def test_real_plan_and_region_names_are_neutral():
    validate_segment({"plans": ["Starter", "Premium Support", "Team"], "regions": ["EU"]})


# One answer per link, signed by whom it was sent to ---------------------------------


def test_one_survey_answer_gives_one_after_nps_testimonial(
    client, submission_page, our_product, no_typing_delay, django_capture_on_commit_callbacks
):
    response = NpsResponseFactory(invitation__email="ana@harbour.example")
    path = after_nps_link.path(submission_page, response.invitation)

    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(path, valid_form(our_product))

    assert Testimonial.objects.filter(source=Testimonial.Source.AFTER_NPS).count() == 1
    assert "already been answered" in client.get(path).content.decode()


def test_an_invited_answer_is_signed_by_the_invited_customer(
    client, submission_page, our_product, no_typing_delay, django_capture_on_commit_callbacks
):
    kenji = contact(our_product, "Kenji", company="Harbour Books")
    invitation = invite(campaign(our_product, at(2026, 9, 1)), kenji, at(2026, 9, 1))
    data = valid_form(our_product) | {
        "author_name": "Somebody Else",
        "author_company": "Rival Inc",
        "email": "forwarded@elsewhere.example",
    }

    with django_capture_on_commit_callbacks(execute=True):
        client.post(invited_link.path(submission_page, invitation), data)

    testimonial = Testimonial.objects.get()
    assert (testimonial.author_name, testimonial.author_company, testimonial.email) == (
        "Kenji",
        "Harbour Books",
        "kenji@customer.example",
    )


# A reply keeps its signature --------------------------------------------------------


def test_a_published_reply_keeps_who_signed_it():
    reply = TestimonialReplyFactory(replier_name="Jane Roe", replier_role="CEO")
    reply.replier_name, reply.replier_role = "Intern", "Support"

    with pytest.raises(ValidationError, match="signed with"):
        reply.save()

    reply.refresh_from_db()
    assert (reply.replier_name, reply.replier_role) == ("Jane Roe", "CEO")


# The report counts every invitation, and follows writes made without signals -------


def test_a_bounced_invitation_counts_as_invited(our_product):
    spring = campaign(our_product, at(2026, 9, 1))
    invite(spring, contact(our_product, "Ada"), at(2026, 9, 1))
    bounced = invite(spring, contact(our_product, "Ben"), at(2026, 9, 1))
    # As sending records a refused address: bounced, never sent.
    Invitation.objects.filter(pk=bounced.pk).update(sent_at=None, bounced_at=at(2026, 9, 1))

    report = collection_report(our_product)

    assert report["totals"]["invited"] == 2
    assert report["totals"]["bounced"] == 1


def test_a_cached_report_shows_a_launch_and_its_sending(
    client,
    settings,
    our_product,
    wall_page,
    submission_page,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    settings.PAGE_CACHE_SECONDS = 600
    contact(our_product, "Ada")
    url = f"{wall_page.url}how-collected/fernhill-desk/?format=json"
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        launch(campaign(our_product, None))
    send_batch("invitation")

    response = client.get(url)
    assert Invitation.objects.sent().count() == 1, "sent"
    assert response["X-Cache"] == "miss"
    assert response.json()["totals"]["invited"] == 1


def test_erasing_someone_who_stopped_invitations_keeps_them_stopped(our_product):
    """However they came to be unsubscribed, erasure keeps only a keyed hash of the
    address, and a later listing of them is unsubscribed from the start."""
    ada = contact(our_product, "Ada")
    CustomerContact.objects.filter(pk=ada.pk).update(unsubscribed_at=at(2026, 10, 1))

    erase("ada@customer.example")
    again = contact(our_product, "Ada")

    assert again.unsubscribed_at == at(2026, 10, 1)
    assert launch(campaign(our_product, None)) == 0


def test_what_came_through_the_public_form_is_not_relabelled_an_interview(
    our_product, submission_page
):
    testimonial = TestimonialFactory(product=our_product, submitted_via=submission_page)
    testimonial.source = Testimonial.Source.INTERVIEW

    with pytest.raises(ValidationError, match="stays “Organic”"):
        testimonial.full_clean()
