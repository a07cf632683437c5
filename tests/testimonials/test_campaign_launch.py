"""Launching a campaign invites every customer of its neutral segment who may be asked:
never the unsubscribed, never anyone asked about the same product within the site's
interval (whichever campaign asked), and only once however often it is launched."""

import datetime
import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from testimonials.invitations.launch import launch, plan
from testimonials.invitations.sending import collection_settings
from testimonials.models import Invitation, InvitationCampaign
from tests.comparisons.factories import ProductFactory
from tests.testimonials.factories import CustomerContactFactory, InvitationCampaignFactory
from tests.testimonials.test_invitation_links import unsubscribe_path

pytestmark = pytest.mark.django_db


def invited(campaign):
    return set(
        Invitation.objects.filter(campaign=campaign).values_list("contact__email", flat=True)
    )


def test_a_neutral_segment_reaches_exactly_the_customers_who_match_it(our_product):
    other_product = ProductFactory(is_ours=True)

    def customer(email, products=(our_product,), **facts):
        return CustomerContactFactory(email=email, products=list(products), **facts)

    customer("match@list.example", customer_since=datetime.date(2025, 3, 1), plan="Pro")
    customer("match-ja@list.example", customer_since=datetime.date(2025, 6, 1), language="ja")
    customer("too-early@list.example", customer_since=datetime.date(2024, 12, 31))
    customer("too-late@list.example", customer_since=datetime.date(2026, 1, 1))
    customer("other-plan@list.example", customer_since=datetime.date(2025, 3, 1), plan="Free")
    customer("other-region@list.example", customer_since=datetime.date(2025, 3, 1), region="US")
    customer("other-product@list.example", products=[other_product])
    campaign = InvitationCampaignFactory(
        product=our_product,
        segment={
            "customer_since_from": "2025-01-01",
            "customer_since_to": "2025-12-31",
            "plans": ["Team", "Pro"],
            "languages": ["en", "ja"],
            "regions": ["EU"],
        },
    )

    assert {contact.email for contact in campaign.contacts()} == {
        "match@list.example",
        "match-ja@list.example",
    }
    assert launch(campaign) == 2
    assert invited(campaign) == {"match@list.example", "match-ja@list.example"}


def test_launching_invites_every_askable_customer_once_and_records_who_and_when(
    our_product, admin_user
):
    for n in range(3):
        CustomerContactFactory(email=f"c{n}@list.example", products=[our_product])
    campaign = InvitationCampaignFactory(product=our_product)

    first = launch(campaign, by=admin_user)
    second = launch(campaign, by=admin_user)

    campaign.refresh_from_db()
    assert (first, second) == (3, None)
    assert Invitation.objects.filter(campaign=campaign).count() == 3
    assert campaign.launched_at == Invitation.objects.first().created_at
    assert campaign.launched_by == admin_user
    languages = set(Invitation.objects.values_list("language", "product"))
    assert languages == {("en", our_product.pk)}


def test_the_unsubscribed_are_skipped_and_the_plan_says_so(our_product):
    CustomerContactFactory(email="yes@list.example", products=[our_product])
    CustomerContactFactory(
        email="no@list.example", products=[our_product], unsubscribed_at=timezone.now()
    )
    campaign = InvitationCampaignFactory(product=our_product)

    expected = plan(campaign)
    launch(campaign)

    assert (expected.invited, expected.unsubscribed, expected.recently_invited) == (1, 1, 0)
    assert invited(campaign) == {"yes@list.example"}


def test_nobody_is_asked_about_a_product_twice_within_the_interval_whatever_the_campaign(
    our_product, home_page, frozen_clock
):
    settings = collection_settings()
    settings.invitation_interval_days = 90
    settings.save()
    other_product = ProductFactory(is_ours=True)
    contact = CustomerContactFactory(products=[our_product, other_product])
    launch(InvitationCampaignFactory(product=our_product))

    frozen_clock.shift(datetime.timedelta(days=89))
    again = InvitationCampaignFactory(product=our_product)
    other = InvitationCampaignFactory(product=other_product)
    refused = plan(again)
    assert (launch(again), launch(other)) == (0, 1)
    assert (refused.recently_invited, refused.interval_days) == (1, 90)

    frozen_clock.shift(datetime.timedelta(days=2))
    later = InvitationCampaignFactory(product=our_product)
    assert launch(later) == 1
    assert invited(later) == {contact.email}


def test_an_unsubscribed_customer_is_skipped_until_they_subscribe_again(client, our_product):
    contact = CustomerContactFactory(products=[our_product])
    client.post(unsubscribe_path(contact))

    skipped = InvitationCampaignFactory(product=our_product)
    assert launch(skipped) == 0

    client.post(unsubscribe_path(contact), {"action": "subscribe"})
    assert launch(InvitationCampaignFactory(product=our_product)) == 1


def test_the_launch_takes_the_same_queries_for_3_or_60_customers(our_product):
    collection_settings()  # made on first use

    def queries_to_launch(customers):
        for _n in range(customers):
            CustomerContactFactory(products=[our_product])
        campaign = InvitationCampaignFactory(product=our_product)
        with CaptureQueriesContext(connection) as queries:
            plan(campaign)
            launch(campaign)
        Invitation.objects.all().delete()
        InvitationCampaign.objects.all().delete()
        return len(queries)

    assert queries_to_launch(3) == queries_to_launch(60)


def test_the_command_launches_once(our_product):
    CustomerContactFactory(products=[our_product])
    campaign = InvitationCampaignFactory(product=our_product, name="Autumn")
    out = io.StringIO()

    call_command("launch_campaign", str(campaign.pk), stdout=out)
    call_command("launch_campaign", str(campaign.pk), stdout=out)

    assert "Launched “Autumn”: 1 invited" in out.getvalue()
    assert "already launched" in out.getvalue()
    assert Invitation.objects.count() == 1
