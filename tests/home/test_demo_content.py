"""The demo content a person trying Candor sees, loaded by `make run`."""

import re
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page

import pytest

from comparisons.models import Criterion, Fact, Product

# A vendor publishing comparisons of its own products may never present itself so.
SELF_PRAISE = re.compile(r"\b(independent|neutral|unbiased|impartial|objective)\b", re.I)
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def counts():
    return {model: model.objects.count() for model in (Page, Product, Criterion, Fact)}


def test_demo_content_loads_twice_without_duplicating(demo_site):
    before = counts()

    call_command("load_demo_content", verbosity=0)

    assert counts() == before


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


def test_no_template_calls_the_site_neutral():
    for template in TEMPLATES.rglob("*.html"):
        assert not SELF_PRAISE.search(template.read_text()), template


def test_the_demo_site_answers_on_the_port_it_is_served_on(demo_site):
    call_command("load_demo_content", "--port", "8080", verbosity=0)

    demo_site.refresh_from_db()
    assert demo_site.root_url == "http://localhost:8080"
