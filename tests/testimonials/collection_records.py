"""Records of how reviews were collected, made the way the site makes them: customers
on our list, launched campaigns, invitations sent, and testimonials of every
provenance in any state."""

import datetime

from testimonials.models import CustomerContact, Invitation, InvitationCampaign, Testimonial
from tests.testimonials.factories import TestimonialFactory

Source, Status, Reason = Testimonial.Source, Testimonial.Status, Testimonial.RejectionReason


def at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


def contact(product, name, **fields):
    person = CustomerContact.objects.create(
        name=name,
        email=f"{name.lower()}@customer.example",
        lawful_basis=CustomerContact.LawfulBasis.CONTRACT,
        **fields,
    )
    person.products.add(product)
    return person


def campaign(product, launched_at, name=None):
    """Launched at ``launched_at``, or a draft (None)."""
    name = name or (f"Campaign {launched_at:%Y-%m}" if launched_at else "Draft campaign")
    return InvitationCampaign.objects.create(name=name, product=product, launched_at=launched_at)


def invite(campaign, person, sent_at, **fields):
    return Invitation.objects.create(
        campaign=campaign,
        contact=person,
        product=campaign.product,
        language="en",
        created_at=sent_at,
        sent_at=sent_at,
        **fields,
    )


def received(product, submitted_at, rating, source=Source.FORM, state="pending", **fields):
    traits = {"approved": {"approved": True}, "withdrawn": {"withdrawn": True}}.get(state, {})
    if state in Reason.values:
        traits = {"status": Status.REJECTED, "rejection_reason": state}
    if source == Source.IMPORT:
        fields = {
            "email": "",
            "original_url": "https://reviews.example/r/1",
            "original_posted_on": submitted_at.date(),
            "import_basis": Testimonial.ImportBasis.AUTHOR_CONSENT,
            **fields,
        }
    return TestimonialFactory(
        product=product, submitted_at=submitted_at, rating=rating, source=source, **traits, **fields
    )
