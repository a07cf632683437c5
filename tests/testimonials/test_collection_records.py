"""The records review collection rests on: a campaign's segment holds neutral facts
only, whichever path saves it; a launched campaign keeps what it was sent for; a
testimonial's provenance is only what its record backs up."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from testimonials.models import CustomerContact, Invitation, InvitationCampaign, Testimonial
from testimonials.segments import validate_segment
from tests.comparisons.factories import ProductFactory
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


def contact(email, product, **fields):
    person = CustomerContact.objects.create(
        name=email.split("@")[0],
        email=email,
        lawful_basis=CustomerContact.LawfulBasis.CONTRACT,
        **fields,
    )
    person.products.add(product)
    return person


@pytest.mark.parametrize(
    ("segment", "reason"),
    [
        ({"nps_min": 9}, "review gating"),
        ({"min_rating": 4}, "review gating"),
        ({"sentiment": "positive"}, "review gating"),
        ({"support_tickets_max": 0}, "review gating"),
        ({"emails": ["happy@example.com"]}, "hand-picked"),
        ({"contact_ids": [1, 2]}, "hand-picked"),
        ({"favourite_colour": "blue"}, "not one of the neutral facts"),
    ],
)
def test_a_segment_that_picks_whom_to_ask_is_refused_with_the_reason(segment, reason):
    with pytest.raises(ValidationError) as refused:
        validate_segment(segment)

    assert reason in " ".join(refused.value.messages)


def test_neutral_facts_make_a_valid_segment():
    validate_segment(
        {
            "customer_since_from": "2024-01-01",
            "customer_since_to": "2025-12-31",
            "plans": ["Team"],
            "languages": ["ja"],
            "regions": ["JP"],
        }
    )


def test_a_neutral_fact_of_the_wrong_kind_is_refused():
    with pytest.raises(ValidationError, match="must be a date"):
        validate_segment({"customer_since_from": "last spring"})
    with pytest.raises(ValidationError, match="list of names"):
        validate_segment({"plans": "Team"})


def test_code_cannot_save_a_gating_campaign_either():
    """Not only the admin form: save() itself refuses, so no path stores one."""
    product = ProductFactory(is_ours=True)

    with pytest.raises(ValidationError, match="review gating"):
        InvitationCampaign.objects.create(name="Fans", product=product, segment={"nps": ">=9"})

    assert not InvitationCampaign.objects.exists()


def test_a_segment_reaches_every_customer_of_the_product_matching_its_facts():
    product, other = ProductFactory(is_ours=True), ProductFactory(is_ours=True)
    old = contact("old@example.com", product, customer_since=datetime.date(2022, 5, 1))
    recent_ja = contact(
        "new@example.jp", product, customer_since=datetime.date(2025, 5, 1), language="ja"
    )
    contact("elsewhere@example.com", other, customer_since=datetime.date(2025, 5, 1))
    everyone = InvitationCampaign.objects.create(name="All", product=product)
    recent = InvitationCampaign.objects.create(
        name="Recent", product=product, segment={"customer_since_from": "2025-01-01"}
    )
    japanese = InvitationCampaign.objects.create(
        name="Japanese", product=product, segment={"languages": ["ja"]}
    )

    assert set(everyone.contacts()) == {old, recent_ja}
    assert list(recent.contacts()) == [recent_ja]
    assert list(japanese.contacts()) == [recent_ja]


def test_a_launched_campaign_keeps_its_product_and_segment(django_user_model):
    product = ProductFactory(is_ours=True)
    campaign = InvitationCampaign.objects.create(
        name="Spring", product=product, segment={"languages": ["en"]}
    )
    campaign.segment = {"languages": ["ja"]}
    campaign.save()  # not launched yet: still the editor's to change
    InvitationCampaign.objects.filter(pk=campaign.pk).update(
        launched_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
    )
    campaign.refresh_from_db()

    campaign.name = "Spring 2026"
    campaign.save()
    campaign.segment = {}
    with pytest.raises(ValidationError, match="cannot change"):
        campaign.full_clean()
    with pytest.raises(ValidationError, match="cannot change"):
        campaign.save()

    campaign.refresh_from_db()
    assert campaign.segment == {"languages": ["ja"]}
    assert campaign.name == "Spring 2026"


def test_one_address_is_one_customer_however_it_is_spelt():
    product = ProductFactory(is_ours=True)
    person = contact("Aiko.Sato@Example.JP ", product)

    assert person.email == "aiko.sato@example.jp"
    with pytest.raises(Exception):  # noqa: B017 (the database's unique constraint)
        contact("AIKO.SATO@example.jp", product)


def test_only_an_invitations_link_makes_a_testimonial_invited():
    testimonial = TestimonialFactory(source=Testimonial.Source.INVITED)

    with pytest.raises(ValidationError) as refused:
        testimonial.full_clean()

    assert "invitation" in " ".join(refused.value.message_dict["source"])


def test_an_invited_testimonial_with_its_invitation_is_valid():
    testimonial = TestimonialFactory()
    campaign = InvitationCampaign.objects.create(name="All", product=testimonial.product)
    invitation = Invitation.objects.create(
        campaign=campaign,
        contact=contact("a@example.com", testimonial.product),
        product=testimonial.product,
        language="en",
    )
    testimonial.source, testimonial.invitation = Testimonial.Source.INVITED, invitation

    testimonial.full_clean()


def test_after_nps_needs_the_survey_answer_it_followed():
    testimonial = TestimonialFactory(source=Testimonial.Source.AFTER_NPS)

    with pytest.raises(ValidationError, match="survey"):
        testimonial.full_clean()


def test_an_imported_review_says_where_when_and_on_what_basis():
    testimonial = TestimonialFactory(source=Testimonial.Source.IMPORT, email="")

    with pytest.raises(ValidationError) as refused:
        testimonial.full_clean()

    assert set(refused.value.message_dict) == {
        "platform",
        "original_url",
        "original_posted_on",
        "import_basis",
    }
    testimonial.platform = Testimonial.Platform.G2
    testimonial.original_url = "https://www.g2.com/products/candor-desk/reviews/1"
    testimonial.original_posted_on = datetime.date(2026, 3, 3)
    testimonial.import_basis = Testimonial.ImportBasis.PLATFORM_LICENCE
    testimonial.full_clean()  # and it needs no e-mail address


def test_only_an_imported_review_may_lack_an_email_or_carry_import_details():
    testimonial = TestimonialFactory(email="", platform=Testimonial.Platform.G2)

    with pytest.raises(ValidationError) as refused:
        testimonial.full_clean()

    assert set(refused.value.message_dict) == {"email", "platform"}
