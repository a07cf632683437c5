"""The demo's review collection: a customer list, one launched campaign per product of
ours with what became of its invitations, invited, imported and After-NPS testimonials
whose provenance holds, our public replies, and a report per product that has
something to say. Loading the demo again adds nothing."""

from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from comparisons.models import Product
from testimonials.models import (
    CustomerContact,
    Invitation,
    InvitationCampaign,
    Testimonial,
    TestimonialReply,
    TestimonialWallPage,
)

MODELS = [CustomerContact, InvitationCampaign, Invitation, Testimonial, TestimonialReply]
Source = Testimonial.Source


def counts():
    return {model: model.objects.count() for model in MODELS}


def test_the_demo_collects_reviews_every_way(demo_site):
    public = Testimonial.objects.public()
    invited = public.filter(source=Source.INVITED)

    assert CustomerContact.objects.count() >= 40
    assert set(CustomerContact.objects.values_list("language", flat=True)) == {"en", "ja"}
    assert CustomerContact.objects.filter(unsubscribed_at__isnull=False).count() == 1
    launched = InvitationCampaign.objects.filter(launched_at__isnull=False)
    assert sorted(launched.values_list("product__name", flat=True)) == sorted(
        Product.objects.ours().values_list("name", flat=True)
    )
    bounced = Invitation.objects.filter(bounced_at__isnull=False)
    assert bounced.values("contact").distinct().count() == 1  # one address, every campaign
    assert Invitation.objects.filter(answered_at__isnull=False).count() == invited.count() >= 6
    assert invited.filter(rating__lte=2).exists() and invited.filter(language="ja").exists()
    assert set(invited.values_list("verification", flat=True)) == {"customer_list"}
    imported = public.filter(source=Source.IMPORT)
    assert set(imported.values_list("platform", flat=True)) == {"g2", "capterra"}
    assert public.filter(source=Source.AFTER_NPS).count() == 1
    for testimonial in Testimonial.objects.exclude(source=Source.FORM):
        assert testimonial.provenance_errors() == {}, testimonial


def test_the_demo_replies_in_public_in_both_languages(demo_site):
    replies = TestimonialReply.objects.select_related("testimonial")

    assert {reply.testimonial.language for reply in replies} == {"en", "ja"}
    assert any(reply.testimonial.rating <= 2 for reply in replies)
    assert all(reply.replier_name and reply.replier_role for reply in replies)
    assert all(reply.testimonial.live for reply in replies)


@pytest.mark.parametrize(
    ("slug", "sentence"),
    [
        ("fernhill-desk", "Every one of our"),
        ("fernhill-chat", "Not every customer was invited: 6 of our 20 customers"),
    ],
)
def test_each_demo_product_has_a_report_that_says_something(client, demo_site, slug, sentence):
    wall = TestimonialWallPage.objects.get(locale__language_code="en")

    response = client.get(f"{wall.url}how-collected/{slug}/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert sentence in soup.select_one(".collection-report__coverage").get_text(" ", strip=True)
    assert len(soup.select(".collection-report__quarters tbody tr")) >= 2


def test_the_japanese_wall_has_the_reports_too(client, demo_site):
    wall = TestimonialWallPage.objects.get(locale__language_code="ja")

    response = client.get(f"{wall.url}how-collected/fernhill-desk/")

    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "ja"


def test_loading_again_adds_nothing_to_the_collection(demo_site):
    before = counts()

    call_command("load_demo_content", verbosity=0)

    assert counts() == before
