"""A change of many records at once (the demo loaded, a product's translation saved)
makes every cached page stale once, at the end, instead of looking up the pages each
record shows, record by record."""

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

import pytest

from comparisons.models import Fact
from home.page_cache.signals import purged_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def comparison(site_settings, comparison_grid):
    return comparison_grid(product_count=3, criterion_count=4)


def served_from_cache(client, url):
    return client.get(url)["X-Cache"] == "hit"


def rename_every_fact(note):
    for fact in Fact.objects.all():
        fact.note = note
        fact.save()


def test_each_record_saved_in_a_batch_costs_no_lookup_of_the_pages_showing_it(comparison):
    facts = Fact.objects.count()
    with CaptureQueriesContext(connection) as alone:
        rename_every_fact("One by one")
    with CaptureQueriesContext(connection) as batched, purged_once():
        rename_every_fact("All at once")

    assert facts >= 12
    # Each save alone finds the pages showing the fact's product through the
    # reference index; in the batch, only the saves themselves are left.
    assert len(batched) < len(alone) - facts


def test_every_cached_page_shows_the_batch_once_it_is_committed(client, committed, comparison):
    client.get(comparison.url)
    assert served_from_cache(client, comparison.url)

    def change():
        with purged_once():
            Fact.objects.filter(criterion__kind="text").update(text="Changed in bulk")
            rename_every_fact("Batched note")

    committed(change)

    response = client.get(comparison.url)
    assert response["X-Cache"] == "miss"
    assert "Changed in bulk" in response.content.decode()


def test_a_batch_that_fails_purges_nothing_it_did_not_change(client, committed, comparison):
    client.get(comparison.url)

    def failing_change():
        with pytest.raises(RuntimeError), transaction.atomic(), purged_once():
            rename_every_fact("Never stored")
            raise RuntimeError("the load failed")

    committed(failing_change)

    assert served_from_cache(client, comparison.url)
    assert not Fact.objects.filter(note="Never stored").exists()


def test_a_batch_inside_a_batch_purges_once_at_the_outer_end(client, committed, comparison):
    client.get(comparison.url)

    def nested():
        with purged_once():
            with purged_once():
                rename_every_fact("Inner")
            # The inner end purges nothing: the outer batch is still changing records.
            assert served_from_cache(client, comparison.url)

    committed(nested)

    assert not served_from_cache(client, comparison.url)
