"""Testimonials of each provenance, and our replies to them."""

import datetime

from django.utils import timezone

import factory

from testimonials.models import Invitation, Testimonial, TestimonialReply
from tests.testimonials.advocate_factories import NpsInvitationFactory
from tests.testimonials.factories import InvitationCampaignFactory, TestimonialFactory


class InvitationFactory(factory.django.DjangoModelFactory):
    campaign = factory.SubFactory(InvitationCampaignFactory)
    contact = None
    product = factory.SelfAttribute("campaign.product")
    language = "en"
    sent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Invitation


def invited(product, sent_at, **fields):
    """A published testimonial that answered an invitation sent at ``sent_at``."""
    invitation = InvitationFactory(campaign__product=product, sent_at=sent_at)
    return TestimonialFactory(
        approved=True,
        product=product,
        source=Testimonial.Source.INVITED,
        invitation=invitation,
        **fields,
    )


def after_nps(product, **fields):
    return TestimonialFactory(
        approved=True,
        product=product,
        source=Testimonial.Source.AFTER_NPS,
        nps_invitation=NpsInvitationFactory(sent_at=timezone.now()),
        **fields,
    )


def imported(product, **fields):
    values = {
        "platform": Testimonial.Platform.G2,
        "original_url": "https://www.g2.com/products/fernhill-desk/reviews/fernhill-desk-review-42",
        "original_posted_on": datetime.date(2026, 3, 3),
        "import_basis": Testimonial.ImportBasis.AUTHOR_CONSENT,
        "email": "",
    } | fields
    return TestimonialFactory(
        approved=True, product=product, source=Testimonial.Source.IMPORT, **values
    )


class TestimonialReplyFactory(factory.django.DjangoModelFactory):
    testimonial = factory.SubFactory(TestimonialFactory, approved=True)
    text = "Thank you: we read every review."
    replier_name = "Hana Sato"
    replier_role = "Head of Support"

    class Meta:
        model = TestimonialReply
