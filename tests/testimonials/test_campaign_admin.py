"""Campaigns in the admin, as the people who run them: an editor chooses a product and
neutral facts only; anything else (a score, ratings, tickets, a hand-picked list) is
refused with the reason, through the form, a crafted POST or code. The form says how
many customers the segment reaches; Editors launch, after a page saying who will be
invited and who is skipped, and nobody else can."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from testimonials.invitations.launch import launch as launch_campaign
from testimonials.models import Invitation, InvitationCampaign
from tests.comparisons.factories import ProductFactory
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import CustomerContactFactory, InvitationCampaignFactory

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_testimonials_invitationcampaign:add"
EDIT_URL = "wagtailsnippets_testimonials_invitationcampaign:edit"
LAUNCH_URL = "wagtailsnippets_testimonials_invitationcampaign:launch"

GATING = "review gating"
FORBIDDEN = [
    ("nps_min", "9", "how happy they seem"),
    ("min_rating", "4", "how happy they seem"),
    ("support_tickets_max", "0", "how happy they seem"),
    ("emails", "ana@list.example", "hand-picked"),
]


@pytest.fixture
def editor_user(django_user_model):
    return user_in_group(django_user_model, "eddie", Group.objects.get(name="Editors"))


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


def form_data(product, **overrides):
    data = {
        "name": "Spring: everyone on Team",
        "product": str(product.pk),
        "segment_customer_since_from": "2025-01-01",
        "segment_customer_since_to": "",
        "segment_plans": ["Team"],
        "segment_languages": ["en", "ja"],
        "reminder_after_days": "7",
    }
    data.update(overrides)
    return data


def errors(response):
    html = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        node.get_text(" ", strip=True)
        for node in html.select(".messages, .error-message, .help-critical, [role=alert]")
    )


def test_an_editor_creates_a_campaign_from_neutral_facts(editor_client, our_product):
    CustomerContactFactory(plan="Team", region="EU", products=[our_product])
    CustomerContactFactory(plan="Pro", region="APAC", products=[our_product])

    form = editor_client.get(reverse(ADD_URL))
    response = editor_client.post(reverse(ADD_URL), form_data(our_product))

    html = BeautifulSoup(form.content, "html.parser")
    plans = {box["value"] for box in html.select("input[name=segment_plans]")}
    regions = {box["value"] for box in html.select("input[name=segment_regions]")}
    assert (plans, regions) == ({"Pro", "Team"}, {"APAC", "EU"})
    assert response.status_code == 302
    campaign = InvitationCampaign.objects.get()
    assert campaign.segment == {
        "customer_since_from": "2025-01-01",
        "plans": ["Team"],
        "languages": ["en", "ja"],
    }


@pytest.mark.parametrize(("key", "value", "reason"), FORBIDDEN)
def test_a_crafted_post_with_a_forbidden_segment_is_refused_with_the_reason(
    editor_client, our_product, key, value, reason
):
    response = editor_client.post(
        reverse(ADD_URL), form_data(our_product, **{f"segment_{key}": value})
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert GATING in text and reason in text and key in text
    assert not InvitationCampaign.objects.exists()


def test_a_crafted_segment_as_json_is_refused_too(editor_client, our_product):
    crafted = '{"emails": ["ana@list.example"], "nps": {"min": 9}}'

    response = editor_client.post(reverse(ADD_URL), form_data(our_product, segment=crafted))

    text = response.content.decode()
    assert "hand-picked" in text and "how happy they seem" in text
    assert not InvitationCampaign.objects.exists()


@pytest.mark.parametrize(("key", "value", "reason"), FORBIDDEN)
def test_code_cannot_store_a_forbidden_segment_either(our_product, key, value, reason):
    campaign = InvitationCampaign(name="Happy ones", product=our_product, segment={key: value})

    with pytest.raises(ValidationError, match=reason):
        campaign.save()
    with pytest.raises(ValidationError, match=GATING):
        campaign.full_clean()
    assert not InvitationCampaign.objects.exists()


def test_the_form_says_how_many_customers_the_segment_reaches_now(editor_client, our_product):
    for plan in ("Team", "Team", "Pro"):
        CustomerContactFactory(plan=plan, products=[our_product])
    CustomerContactFactory(plan="Team", products=[ProductFactory(is_ours=True)])
    campaign = InvitationCampaignFactory(product=our_product, segment={"plans": ["Team"]})

    response = editor_client.get(reverse(EDIT_URL, args=[campaign.pk]))

    assert "The segment reaches 2 customers of Fernhill Desk now." in response.content.decode()


def test_an_editor_launches_after_reading_who_is_invited_and_who_is_skipped(
    editor_client, editor_user, our_product, home_page
):
    for _n in range(2):
        CustomerContactFactory(products=[our_product])
    CustomerContactFactory(products=[our_product], unsubscribed_at=timezone.now())
    campaign = InvitationCampaignFactory(product=our_product)
    url = reverse(LAUNCH_URL, args=[campaign.pk])

    edit = editor_client.get(reverse(EDIT_URL, args=[campaign.pk])).content.decode()
    confirmation = editor_client.get(url).content.decode()
    launched = editor_client.post(url)
    again = editor_client.post(url, follow=True)

    assert url in edit
    assert "2 customers of Fernhill Desk will be invited" in confirmation
    assert "1 customer skipped" in confirmation and "unsubscribed: 1" in confirmation
    assert "within the last 180 days: 0" in confirmation
    assert launched.status_code == 302
    campaign.refresh_from_db()
    assert campaign.launched_by == editor_user and Invitation.objects.count() == 2
    assert "already been launched" in again.content.decode()
    assert Invitation.objects.count() == 2


@pytest.mark.parametrize("group", ["Moderators", "Sales"])
def test_only_editors_launch(client, django_user_model, our_product, group):
    client.force_login(user_in_group(django_user_model, "someone", Group.objects.get(name=group)))
    CustomerContactFactory(products=[our_product])
    campaign = InvitationCampaignFactory(product=our_product)
    url = reverse(LAUNCH_URL, args=[campaign.pk])

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    campaign.refresh_from_db()
    assert campaign.launched_at is None and not Invitation.objects.exists()


def test_once_launched_the_form_says_product_and_segment_cannot_change(editor_client, our_product):
    campaign = InvitationCampaignFactory(
        product=our_product, segment={"plans": ["Team"]}, launched_at=timezone.now()
    )
    other = ProductFactory(is_ours=True)
    url = reverse(EDIT_URL, args=[campaign.pk])

    form = BeautifulSoup(editor_client.get(url).content, "html.parser")
    editor_client.post(url, form_data(other, name="Renamed", segment_plans=["Pro"]))

    assert form.select_one("[name=product]").has_attr("disabled")
    assert "cannot change" in form.get_text()
    assert LAUNCH_URL not in str(form) and "/launch/" not in str(form)
    campaign.refresh_from_db()
    assert (campaign.name, campaign.product, campaign.segment) == (
        "Renamed",
        our_product,
        {"plans": ["Team"]},
    )


def test_moderators_read_campaigns_and_their_figures_without_a_launch_button(
    client, django_user_model, our_product
):
    moderator = user_in_group(django_user_model, "mona", Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    for _n in range(2):
        CustomerContactFactory(products=[our_product])
    launched = InvitationCampaignFactory(product=our_product, name="Launched one")
    launch_campaign(launched)
    InvitationCampaignFactory(product=our_product, name="Draft one")

    listing = client.get(reverse("wagtailsnippets_testimonials_invitationcampaign:list"))

    html = BeautifulSoup(listing.content, "html.parser")
    row = next(tr for tr in html.select("tbody tr") if "Launched one" in tr.get_text())
    assert listing.status_code == 200
    assert "2" in [td.get_text(strip=True) for td in row.select("td")]
    assert "/launch/" not in str(html)
