"""Testimonials' part of the demo: testimonials across the whole picture, case studies,
and an advocate program with something to see in every part of it."""

from django.core.management import call_command
from django.db.models.functions import TruncMonth

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from comparisons.models import Product
from home.models import SiteSettings
from testimonials.advocacy.nps import net_promoter_score
from testimonials.advocacy.reconfirmation import needing_reconfirmation
from testimonials.models import (
    Advocate,
    AdvocateActivity,
    CaseStudyPage,
    Customer,
    DemoRequestSubmission,
    NpsInvitation,
    NpsResponse,
    ReconfirmationRequest,
    ReferenceRequest,
    ReferralVisitDay,
    Testimonial,
    TestimonialTally,
    TestimonialWallPage,
)
from tests.testimonials.test_demo_fatigue_limit import over_the_limit

MODELS = [
    Advocate,
    AdvocateActivity,
    ReferenceRequest,
    NpsInvitation,
    NpsResponse,
    ReferralVisitDay,
    DemoRequestSubmission,
    ReconfirmationRequest,
    Testimonial,
]


def counts():
    return {model: model.objects.count() for model in MODELS}


def test_demo_advocacy_content_shows_the_whole_picture(client, demo_site):
    public = Testimonial.objects.public()
    assert Testimonial.objects.count() >= 30
    assert set(public.exclude(rating=None).values_list("rating", flat=True)) == {1, 2, 3, 4, 5}
    assert public.exclude(incentive="none").exists()
    assert public.filter(relationship="employee").exists()
    assert public.filter(verification="").exists()
    assert Testimonial.objects.filter(status=Testimonial.Status.PENDING).count() >= 3
    assert Customer.objects.exists()
    assert CaseStudyPage.objects.live().filter(locale=Locale.get_default()).count() == 3
    for path in ("/testimonials/", "/case-studies/", "/share-your-experience/"):
        assert client.get(path).status_code == 200, path
    for case_study in CaseStudyPage.objects.live():
        assert case_study.public_quotes().exists(), case_study


def test_the_demo_has_japanese_testimonials_the_japanese_wall_shows_first(client, demo_site):
    written_in_japanese = Testimonial.objects.public().filter(language="ja")
    assert written_in_japanese.count() >= 3
    assert written_in_japanese.filter(rating__lte=2).exists()
    assert written_in_japanese.exclude(incentive="none").exists()
    wall = TestimonialWallPage.objects.get(locale__language_code="ja")

    soup = BeautifulSoup(client.get(wall.url).content, "html.parser")

    languages = [quote["lang"] for quote in soup.select("figure.testimonial blockquote")]
    count = written_in_japanese.count()
    assert languages[:count] == ["ja"] * count
    assert set(languages[count:]) == {"en"}


def test_loading_again_duplicates_nothing(demo_site):
    before = counts()

    call_command("load_demo_content", verbosity=0)

    assert counts() == before


def test_the_demo_program_has_something_in_every_part(demo_site):
    settings = SiteSettings.for_site(demo_site)
    answers = NpsResponse.objects.all()
    nps = net_promoter_score(answers)

    assert Advocate.objects.count() >= 4
    assert set(Advocate.objects.values_list("advocate_type", flat=True)) == set(
        Advocate.Type.values
    )
    assert Testimonial.objects.filter(advocate__isnull=False).exists()
    assert set(ReferenceRequest.objects.values_list("status", flat=True)) == set(
        ReferenceRequest.Status.values
    )
    assert nps.promoters and nps.passives and nps.detractors and nps.answers >= 30
    months = answers.annotate(month=TruncMonth("answered_at")).values("month").distinct()
    assert months.count() >= 4
    assert NpsInvitation.objects.filter(response=None).exists()
    assert Advocate.objects.at_fatigue_limit(settings.fatigue_limit).exists()
    assert needing_reconfirmation(settings).count() >= 2
    assert ReferralVisitDay.objects.values("day__month").distinct().count() >= 3
    assert DemoRequestSubmission.objects.filter(referred_by__isnull=False).exists()


@pytest.mark.parametrize(
    ("path", "status"), [("/how-are-we-doing/", 200), ("/request-a-demo/", 200)]
)
def test_the_demo_pages_are_served(client, demo_site, path, status):
    assert client.get(path).status_code == status


def test_a_demo_referral_link_leads_to_the_demo_request_page(client, demo_site):
    response = client.get("/r/maya/")

    assert response.status_code == 302 and response["Location"] == "/request-a-demo/"


def test_the_dashboard_shows_the_demo_program(admin_client, demo_site):
    page = admin_client.get("/admin/").content.decode()

    assert "Net Promoter Score" in page and "Maya Okafor" in page
    assert "Testimonials up for re-confirmation" in page and "Henrik Lund" in page


def test_no_demo_advocate_is_asked_past_the_fatigue_limit(demo_site):
    limit = SiteSettings.for_site(demo_site).fatigue_limit

    assert over_the_limit(limit) == []


def test_every_demo_reference_request_names_the_salesperson_who_made_it(demo_site):
    requesters = {request.requested_by for request in ReferenceRequest.objects.all()}

    assert None not in requesters
    for user in requesters:
        assert user.get_full_name() and user.groups.filter(name="Sales").exists()
        assert not user.has_usable_password(), "nobody logs in as a demo salesperson"


def test_the_japanese_case_study_quotes_the_same_approved_testimonials(client, demo_japanese):
    japanese_page = CaseStudyPage.objects.get(locale=demo_japanese)
    english = japanese_page.get_translation(Locale.get_default())
    quoted = [quote.testimonial for quote in japanese_page.quotes.all()]

    html = client.get(japanese_page.url).content.decode()

    assert quoted == [quote.testimonial for quote in english.quotes.all()]
    assert quoted and all(testimonial in Testimonial.objects.public() for testimonial in quoted)
    for testimonial in quoted:
        assert testimonial.author_name in html
    assert "最初の返信までの時間(中央値)" in html


def test_every_products_figures_are_counted_once_the_demo_is_loaded(demo_site):
    products = Product.objects.filter(testimonials__isnull=False).distinct()

    assert products.exists()
    for product in products:
        assert TestimonialTally.objects.filter(product=product).exists(), product
        assert product.testimonials.summary() == (
            Testimonial.objects.filter(product=product).summary()
        )
