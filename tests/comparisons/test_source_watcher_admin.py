"""Editors work through the facts whose source changed since they were verified: a
report listing them, a count on the dashboard, every watched source's state; and they
clear a flag by re-verifying the fact on its product. Moderators and Sales see none of it."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from bs4 import BeautifulSoup

from comparisons.models import Fact, FactVerification, SourceFlag, SourceState, WatchedSource
from tests.comparisons.factories import FactFactory, ProductFactory
from tests.testimonials.advocate_fixtures import user_in_group

pytestmark = pytest.mark.django_db

QUEUE = "/admin/reports/sources-changed/"
SOURCES = "/admin/reports/watched-sources/"


def client_for(client, django_user_model, group):
    client.force_login(
        user_in_group(django_user_model, group.lower(), Group.objects.get(name=group))
    )
    return client


def flagged(fact, flag, days_ago=2):
    Fact.objects.filter(pk=fact.pk).update(
        source_flag=flag, source_flagged_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    fact.refresh_from_db()
    return fact


@pytest.fixture
def facts(site_settings):
    tidewell = ProductFactory(name="Tidewell Desk")
    return {
        "changed": flagged(
            FactFactory(product=tidewell, source_url="https://tidewell.example/pricing"),
            SourceFlag.CHANGED,
            days_ago=5,
        ),
        "gone": flagged(
            FactFactory(product=tidewell, source_url="https://tidewell.example/old"),
            SourceFlag.GONE,
        ),
        "fine": FactFactory(product=tidewell, source_url="https://tidewell.example/fine"),
    }


def test_the_queue_lists_flagged_facts_oldest_flag_first(editors_client, facts):
    response = editors_client.get(QUEUE)

    assert response.status_code == 200
    assert list(response.context["object_list"]) == [facts["changed"], facts["gone"]]
    html = response.content.decode()
    assert "The excerpt is no longer on the source" in html and "The source is gone" in html
    assert 'href="https://tidewell.example/pricing"' in html
    assert f"/admin/snippets/comparisons/product/edit/{facts['gone'].product_id}/" in html
    assert "https://tidewell.example/fine" not in html


def test_the_queue_is_in_the_reports_menu_and_counted_on_the_dashboard(editors_client, facts):
    soup = BeautifulSoup(editors_client.get("/admin/").content, "html.parser")

    section = soup.find(id="candor-work-queue-section")
    counts = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in section.select("tbody tr")
    }
    assert counts["Facts whose source changed"] == "2"
    assert QUEUE in str(soup) and SOURCES in str(soup)


def test_watched_sources_are_listed_with_their_state(editors_client, site_settings):
    WatchedSource.objects.create(
        url="https://tidewell.example/pricing",
        state=SourceState.TOO_LARGE,
        checked_at=timezone.now(),
        http_status=200,
        detail="<script>alert(1)</script>",
    )

    response = editors_client.get(SOURCES)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Too large to read" in html and "https://tidewell.example/pricing" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_only_web_addresses_are_links_in_the_watched_sources(editors_client, site_settings):
    """A row stored before the watcher refused such targets still links nothing."""
    WatchedSource.objects.create(
        url="https://tidewell.example/pricing",
        state=SourceState.MOVED,
        checked_at=timezone.now(),
        http_status=301,
        final_url="javascript:alert(document.domain)//",
    )

    response = editors_client.get(SOURCES)

    soup = BeautifulSoup(response.content, "html.parser")
    links = {link["href"] for link in soup.select("td a[href]")}
    assert "https://tidewell.example/pricing" in links
    assert not any(href.lstrip().lower().startswith("javascript") for href in links)
    assert "javascript:alert(document.domain)//" in soup.get_text()


def test_a_watched_sources_export_keeps_a_formula_as_text(editors_client, site_settings):
    WatchedSource.objects.create(
        url="https://tidewell.example/pricing",
        state=SourceState.UNREACHABLE,
        detail="=cmd|' /C calc'!A0",
    )

    response = editors_client.get(SOURCES + "?export=csv")

    body = b"".join(response.streaming_content).decode()
    assert "'=cmd|' /C calc'!A0" in body


@pytest.mark.parametrize("group", ["Moderators", "Sales"])
def test_moderators_and_sales_cannot_see_the_watcher(client, django_user_model, facts, group):
    client = client_for(client, django_user_model, group)

    for url in (QUEUE, SOURCES):
        assert client.get(url).status_code in {302, 403}
    dashboard = client.get("/admin/").content.decode()
    assert QUEUE not in dashboard and SOURCES not in dashboard
    assert "Facts whose source changed" not in dashboard


def fact_data(fact, **changes):
    data = {
        "id": fact.pk,
        "criterion": fact.criterion_id,
        "plan": fact.plan,
        "support": fact.support,
        "number": "",
        "text": fact.text,
        "availability": fact.availability,
        "note": fact.note,
        "addon_price": "",
        "addon_per_seat": "on",
        "source_url": fact.source_url,
        "verified_on": fact.verified_on.isoformat(),
        "evidence_excerpt": fact.evidence_excerpt,
        "change_reason": "",
    }
    return data | changes


def test_re_verifying_a_fact_on_its_product_clears_the_flag(editors_client, facts, today):
    fact = facts["changed"]
    product = fact.product
    others = [fact_data(f) for f in product.facts.exclude(pk=fact.pk)]
    excerpt = "SAML SSO is now part of the Business plan."

    response = editors_client.post(
        f"/admin/snippets/comparisons/product/edit/{product.pk}/",
        nested_form_data(
            {
                "name": product.name,
                "vendor": product.vendor,
                "website": product.website,
                "summary": product.summary,
                "facts": inline_formset(
                    [
                        fact_data(fact, verified_on=today.isoformat(), evidence_excerpt=excerpt),
                        *others,
                    ],
                    initial=1 + len(others),
                ),
            }
        ),
    )

    assert response.status_code == 302
    fact.refresh_from_db()
    assert (fact.source_flag, fact.source_flagged_at) == (SourceFlag.NONE, None)
    verification = fact.verifications.latest()
    assert (verification.verified_on, verification.excerpt) == (today, excerpt)
    assert verification.editor.groups.get().name == "Editors", "who verified it"
    assert FactVerification.objects.filter(fact=facts["gone"]).count() == 1
    facts["gone"].refresh_from_db()
    assert facts["gone"].source_flag == SourceFlag.GONE  # not re-verified, still flagged
    assert list(editors_client.get(QUEUE).context["object_list"]) == [facts["gone"]]


def product_form(product, **fact_changes):
    facts = [fact_data(fact, **fact_changes) for fact in product.facts.all()]
    return nested_form_data(
        {
            "name": product.name,
            "vendor": product.vendor,
            "website": product.website,
            "summary": product.summary,
            "facts": inline_formset(facts, initial=len(facts)),
        }
    )


def test_reverting_a_product_to_an_earlier_revision_is_no_re_verification(editors_client):
    product = ProductFactory(name="Tidewell Desk")
    fact = FactFactory(product=product, evidence_excerpt="SSO is included.")
    edit = f"/admin/snippets/comparisons/product/edit/{product.pk}/"
    assert editors_client.post(edit, product_form(product)).status_code == 302
    revision = product.revisions.latest("created_at")
    flagged(fact, SourceFlag.CHANGED)
    verifications = fact.verifications.count()

    revert = (
        f"/admin/snippets/comparisons/product/history/{product.pk}/revisions/{revision.pk}/revert/"
    )
    response = editors_client.post(revert, product_form(product))

    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.source_flag == SourceFlag.CHANGED, "the watcher's finding stands"
    assert fact.source_flagged_at is not None
    assert fact.verifications.count() == verifications


def test_reverting_to_a_revision_with_another_source_is_a_re_verification(editors_client):
    product = ProductFactory(name="Tidewell Desk")
    fact = FactFactory(product=product, source_url="https://tidewell.example/old")
    edit = f"/admin/snippets/comparisons/product/edit/{product.pk}/"
    assert editors_client.post(edit, product_form(product)).status_code == 302
    revision = product.revisions.latest("created_at")
    new_source = product_form(product, source_url="https://tidewell.example/new")
    assert editors_client.post(edit, new_source).status_code == 302
    flagged(fact, SourceFlag.GONE)

    revert = (
        f"/admin/snippets/comparisons/product/history/{product.pk}/revisions/{revision.pk}/revert/"
    )
    editors_client.post(revert, product_form(product, source_url="https://tidewell.example/old"))

    fact.refresh_from_db()
    assert (fact.source_url, fact.source_flag) == ("https://tidewell.example/old", "")
    assert fact.verifications.latest().source_url == "https://tidewell.example/old"


def test_the_product_form_says_which_fact_the_watcher_flagged(editors_client):
    product = ProductFactory(name="Tidewell Desk")
    gone = FactFactory(product=product)
    FactFactory(product=product)
    flagged(gone, SourceFlag.GONE)

    response = editors_client.get(f"/admin/snippets/comparisons/product/edit/{product.pk}/")

    html = response.content.decode()
    assert html.count("The source is gone") == 1
    assert "that clears this" in html
