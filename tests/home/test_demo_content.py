"""The demo content a person trying Candor sees, loaded by `make run`."""

import re
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page

import pytest

from comparisons.models import ComparisonPage, Criterion, Fact, Product, ProductPage
from home.models import SiteSettings
from testimonials.models import CaseStudyPage, Customer, Testimonial

# A vendor publishing comparisons of its own products may never present itself so.
SELF_PRAISE = re.compile(r"\b(independent|neutral|unbiased|impartial|objective)\b", re.I)
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def counts():
    return {model: model.objects.count() for model in (Page, Product, Criterion, Fact)}


def test_demo_content_loads_twice_without_duplicating(demo_site):
    before = counts()

    call_command("load_demo_content", verbosity=0)

    assert counts() == before


def test_demo_content_covers_what_a_prospect_needs(demo_site):
    assert Product.objects.ours().count() >= 3
    assert Product.objects.competitors().count() >= 3
    assert Criterion.objects.count() >= 12
    assert Criterion.objects.values("group").distinct().count() >= 3
    assert Fact.objects.count() >= Product.objects.count() * 12
    freshness = SiteSettings.for_site(demo_site).freshness_limit_days
    assert Fact.objects.stale(freshness).exists()
    for product in Product.objects.all():
        assert set(product.facts.values_list("criterion", flat=True)) == set(
            Criterion.objects.values_list("pk", flat=True)
        ), product
    assert ProductPage.objects.live().count() >= 3


def test_every_demo_comparison_has_rows_competitors_win(demo_site):
    comparisons = ComparisonPage.objects.live()
    assert comparisons.count() >= 2
    for comparison in comparisons:
        table = comparison.build_table(SiteSettings.for_site(demo_site).freshness_limit_days)
        assert len(table.columns) >= 3 and len(table.rows) >= 10
        assert len(table.groups) >= 3
        assert table.competitor_wins, f"{comparison} shows our product winning every row"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/products/",
        "/compare/",
        "/how-we-compare/",
        "/testimonials/",
        "/case-studies/",
        "/share-your-experience/",
        "/how-we-collect-testimonials/",
        "/no-such-page/",
    ],
)
def test_demo_pages_are_served_and_never_claim_neutrality(client, demo_site, path):
    response = client.get(path)

    assert response.status_code == (404 if path == "/no-such-page/" else 200)
    assert not SELF_PRAISE.search(response.content.decode())


def test_demo_product_and_comparison_pages_never_claim_neutrality(client, demo_site):
    pages = list(ProductPage.objects.live()) + list(ComparisonPage.objects.live())
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert not SELF_PRAISE.search(response.content.decode()), page.url


def test_no_template_calls_the_site_neutral():
    for template in TEMPLATES.rglob("*.html"):
        assert not SELF_PRAISE.search(template.read_text()), template


def test_demo_advocacy_content_shows_the_whole_picture(client, demo_site):
    public = Testimonial.objects.public()
    assert Testimonial.objects.count() >= 30
    assert set(public.exclude(rating=None).values_list("rating", flat=True)) == {1, 2, 3, 4, 5}
    assert public.exclude(incentive="none").exists()
    assert public.filter(relationship="employee").exists()
    assert public.filter(verification="").exists()
    assert Testimonial.objects.filter(status=Testimonial.Status.PENDING).count() >= 3
    assert Customer.objects.exists()
    assert CaseStudyPage.objects.live().count() == 3
    for path in ("/testimonials/", "/case-studies/", "/share-your-experience/"):
        assert client.get(path).status_code == 200, path
    for case_study in CaseStudyPage.objects.live():
        assert case_study.public_quotes().exists(), case_study


def test_the_demo_site_answers_on_the_port_it_is_served_on(demo_site):
    call_command("load_demo_content", "--port", "8080", verbosity=0)

    demo_site.refresh_from_db()
    assert demo_site.root_url == "http://localhost:8080"
