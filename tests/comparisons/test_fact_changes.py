"""When an editor changes what a published fact says, the change is recorded with the
value before and after and the editor's reason, and readers see it on every
comparison that shows the fact."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from bs4 import BeautifulSoup

from comparisons.models import Fact, FactChange
from tests.comparisons.factories import (
    CriterionFactory,
    FactChangeFactory,
    InaccuracyReportFactory,
    ProductFactory,
)

pytestmark = pytest.mark.django_db


def edit_url(product):
    return f"/admin/snippets/comparisons/product/edit/{product.pk}/"


def fact_data(fact, **changes):
    data = {
        "id": fact.pk,
        "criterion": fact.criterion_id,
        "plan": fact.plan,
        "support": fact.support,
        "number": "" if fact.number is None else str(fact.number),
        "text": fact.text,
        "availability": fact.availability,
        "note": fact.note,
        "source_url": fact.source_url,
        "verified_on": fact.verified_on.isoformat(),
        "change_reason": "",
    }
    return data | changes


def product_form(product, facts, new_facts=()):
    """The product's edit form as the admin posts it: its facts, changed or not."""
    return nested_form_data(
        {
            "name": product.name,
            "vendor": product.vendor,
            "website": product.website,
            "summary": product.summary,
            "facts": inline_formset([*facts, *new_facts], initial=len(facts)),
        }
    )


def other_facts(product, *edited):
    return [fact_data(fact) for fact in product.facts.exclude(pk__in=[f.pk for f in edited])]


def test_changing_a_value_with_a_reason_records_the_correction(
    admin_client, admin_user, reported_comparison
):
    fact = reported_comparison.rival_retention
    reason = "Tidewell now keeps audit logs for two years on Business plans."

    response = admin_client.post(
        edit_url(fact.product),
        product_form(
            fact.product,
            [
                fact_data(fact, number="730", change_reason=reason),
                *other_facts(fact.product, fact),
            ],
        ),
    )

    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.display_value == "730 days"
    change = FactChange.objects.get()
    assert (change.product, change.criterion, change.plan, change.fact) == (
        reported_comparison.rival,
        reported_comparison.retention,
        "Business",
        fact,
    )
    assert (change.old_value, change.new_value) == ("365 days", "730 days")
    assert (change.reason, change.editor) == (reason, admin_user)


def test_a_changed_qualification_is_a_correction_too(admin_client, reported_comparison):
    fact = reported_comparison.rival_phone

    admin_client.post(
        edit_url(fact.product),
        product_form(
            fact.product,
            [
                fact_data(
                    fact,
                    availability="paid_addon",
                    note="Phone add-on, 15 USD / agent",
                    change_reason="Phone moved to a paid add-on in May.",
                ),
                *other_facts(fact.product, fact),
            ],
        ),
    )

    change = FactChange.objects.get()
    assert (change.old_value, change.new_value) == (
        "Yes",
        "Yes (Paid add-on; Phone add-on, 15 USD / agent)",
    )


def test_changing_a_value_without_a_reason_is_refused(admin_client, reported_comparison):
    fact = reported_comparison.rival_retention

    response = admin_client.post(
        edit_url(fact.product),
        product_form(
            fact.product, [fact_data(fact, number="730"), *other_facts(fact.product, fact)]
        ),
    )

    assert response.status_code == 200
    assert "You changed what this fact says: give the reason." in response.content.decode()
    fact.refresh_from_db()
    assert fact.number == 365
    assert not FactChange.objects.exists()


def test_a_new_source_or_date_only_re_verifies_and_needs_no_reason(
    admin_client, reported_comparison, today
):
    fact = reported_comparison.rival_retention

    response = admin_client.post(
        edit_url(fact.product),
        product_form(
            fact.product,
            [
                fact_data(
                    fact,
                    source_url="https://tidewell.example/security/audit-log",
                    verified_on=today.isoformat(),
                ),
                *other_facts(fact.product, fact),
            ],
        ),
    )

    assert response.status_code == 302
    fact.refresh_from_db()
    assert (fact.source_url, fact.verified_on) == (
        "https://tidewell.example/security/audit-log",
        today,
    )
    assert not FactChange.objects.exists()


def test_a_fact_cannot_be_moved_to_another_criterion(admin_client, reported_comparison):
    fact = reported_comparison.rival_phone
    other = CriterionFactory(name="Live chat", group="Channels")

    response = admin_client.post(
        edit_url(fact.product),
        product_form(
            fact.product,
            [
                fact_data(fact, criterion=other.pk, change_reason="Wrong row"),
                *other_facts(fact.product, fact),
            ],
        ),
    )

    assert response.status_code == 200
    assert "A fact stays about one criterion and plan" in response.content.decode()
    fact.refresh_from_db()
    assert fact.criterion == reported_comparison.phone


def test_removing_a_fact_is_recorded(admin_client, reported_comparison):
    fact = reported_comparison.rival_phone

    response = admin_client.post(
        edit_url(fact.product),
        product_form(
            fact.product,
            [
                fact_data(fact, DELETE="1", change_reason="Tidewell retired its phone channel."),
                *other_facts(fact.product, fact),
            ],
        ),
    )

    assert response.status_code == 302
    assert not Fact.objects.filter(pk=fact.pk).exists()
    change = FactChange.objects.get()
    assert (change.old_value, change.new_value, change.fact) == ("Yes", "", None)
    assert change.is_removal


def test_removing_and_adding_the_same_fact_again_is_a_change_of_value(
    admin_client, reported_comparison
):
    fact = reported_comparison.rival_retention
    replacement = fact_data(fact, id="", number="730")
    facts = [fact_data(fact, DELETE="1"), *other_facts(fact.product, fact)]

    refused = admin_client.post(
        edit_url(fact.product), product_form(fact.product, facts, [replacement])
    )
    replacement["change_reason"] = "Two years since March."
    accepted = admin_client.post(
        edit_url(fact.product), product_form(fact.product, facts, [replacement])
    )

    assert refused.status_code == 200
    assert "This replaces a fact you removed" in refused.content.decode()
    assert accepted.status_code == 302
    change = FactChange.objects.get()
    assert (change.old_value, change.new_value, change.reason) == (
        "365 days",
        "730 days",
        "Two years since March.",
    )
    assert change.fact == Fact.objects.get(product=fact.product, criterion=fact.criterion)


def test_adding_a_product_with_facts_records_no_corrections(admin_client, today):
    criterion = CriterionFactory(name="SSO")

    response = admin_client.post(
        "/admin/snippets/comparisons/product/add/",
        nested_form_data(
            {
                "name": "Quillory",
                "vendor": "Quillory Ltd",
                "website": "https://quillory.example",
                "summary": "A support suite.",
                "facts": inline_formset(
                    [
                        {
                            "criterion": criterion.pk,
                            "plan": "Pro",
                            "support": "yes",
                            "source_url": "https://quillory.example/sso",
                            "verified_on": today.isoformat(),
                        }
                    ]
                ),
            }
        ),
    )

    assert response.status_code == 302
    assert not FactChange.objects.exists()


def test_the_comparison_lists_its_corrections_newest_first(client, reported_comparison):
    now = timezone.now()
    rival = reported_comparison.rival
    FactChangeFactory(
        product=rival,
        criterion=reported_comparison.retention,
        plan="Business",
        old_value="180 days",
        new_value="365 days",
        reason="Tidewell doubled retention.",
        changed_at=now - datetime.timedelta(days=40),
    )
    FactChangeFactory(
        product=reported_comparison.ours,
        criterion=reported_comparison.phone,
        old_value="Partial",
        new_value="No",
        reason="Callback requests were retired; we have no phone channel.",
        changed_at=now - datetime.timedelta(days=2),
    )
    # Not shown: a plan this page does not compare, a product and a row it leaves out.
    FactChangeFactory(product=rival, criterion=reported_comparison.retention, plan="Enterprise")
    FactChangeFactory(
        product=reported_comparison.outside_product, criterion=reported_comparison.phone
    )
    FactChangeFactory(product=rival, criterion=reported_comparison.outside_criterion)

    soup = BeautifulSoup(client.get(reported_comparison.page.url).content, "html.parser")

    log = soup.select_one("section#corrections")
    assert log.select_one("h2").get_text() == "Corrections"
    entries = [item.get_text(" ", strip=True) for item in log.select("li.correction")]
    assert len(entries) == 2
    assert "Fernhill Desk , Phone channel (All plans) : was Partial → now No ." in entries[0]
    assert "Callback requests were retired" in entries[0]
    assert (
        "Tidewell Desk , Audit log retention (Business) : was 180 days → now 365 days"
        in (entries[1])
    )
    assert (
        log.select_one("time")["datetime"] == (now - datetime.timedelta(days=2)).date().isoformat()
    )
    disclosure_links = {a.get_text(strip=True): a["href"] for a in soup.select(".disclosure a")}
    assert disclosure_links["2 corrections"] == "#corrections"


def test_a_removed_value_and_a_reported_one_say_so(client, reported_comparison):
    report_change = FactChangeFactory(
        product=reported_comparison.rival,
        criterion=reported_comparison.phone,
        old_value="Yes",
        new_value="",
        report=InaccuracyReportFactory(
            product=reported_comparison.rival, criterion=reported_comparison.phone
        ),
    )

    soup = BeautifulSoup(client.get(reported_comparison.page.url).content, "html.parser")
    entry = soup.select_one("li.correction").get_text(" ", strip=True)

    assert report_change.report is not None
    assert "was Yes → removed from the table" in entry
    assert "after a reader's report" in entry


def test_products_not_compared_anywhere_have_no_log(client, reported_comparison):
    FactChangeFactory(product=ProductFactory(), criterion=reported_comparison.phone)

    soup = BeautifulSoup(client.get(reported_comparison.page.url).content, "html.parser")

    assert not soup.select("li.correction")
    assert "No corrections recorded" in soup.select_one("#corrections").get_text()


def test_each_fact_on_the_product_form_asks_for_a_reason_for_change(
    admin_client, reported_comparison
):
    response = admin_client.get(edit_url(reported_comparison.rival))
    soup = BeautifulSoup(response.content, "html.parser")

    reason = soup.select_one("[name=facts-0-change_reason]")
    assert reason is not None
    assert (
        soup.select_one(f"label[for={reason['id']}]")
        .get_text(strip=True)
        .startswith("Reason for change")
    )
    assert "facts-__prefix__-change_reason" in response.content.decode()


def test_the_products_revisions_can_still_be_compared(admin_client, reported_comparison):
    fact = reported_comparison.rival_retention
    product = fact.product
    first = product.save_revision()
    admin_client.post(
        edit_url(product),
        product_form(
            product,
            [
                fact_data(fact, number="730", change_reason="Two years."),
                *other_facts(product, fact),
            ],
        ),
    )
    latest = product.revisions.order_by("-pk").first()

    response = admin_client.get(
        reverse(
            "wagtailsnippets_comparisons_product:revisions_compare",
            args=[product.pk, first.pk, latest.pk],
        )
    )

    assert latest != first
    assert response.status_code == 200
