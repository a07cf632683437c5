"""What the page cache does between a change and the next stored page: one render for
everyone waiting, never an older page, even when the cache has lost its counters."""

import pytest

from home.models import SiteSettings
from home.page_cache import coalescing, fragments, versions

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def rename_company(committed, site_settings, name):
    def change():
        site_settings.company_name = name
        site_settings.save()

    committed(change)


def test_a_counter_the_cache_lost_never_brings_back_an_older_page(
    client, committed, site_settings, home_page
):
    # Stored before anything changed, under counters never set.
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    rename_company(committed, site_settings, "Second Name Ltd")
    assert "Second Name Ltd" in client.get("/").content.decode()

    # The cache evicts every counter the page's key is made of (Redis under memory
    # pressure, the database cache when full): they must not read as they did before
    # any change, when the first page was stored.
    versions.page_cache().delete_many(versions.version_keys("/"))
    response = client.get("/")

    assert response["X-Cache"] == "miss"
    assert "Second Name Ltd" in response.content.decode()


def test_a_fragment_counter_the_cache_lost_never_brings_back_an_older_fragment(
    rf, committed, site_settings
):
    request = rf.get("/")
    before_any_change = fragments.fragment(request, "comparison")[1]
    committed(lambda: fragments.bump_fragments(["comparison"]))
    assert fragments.fragment(request, "comparison")[1] != before_any_change

    versions.page_cache().delete(fragments.version_key("comparison"))

    assert fragments.fragment(request, "comparison")[1] != before_any_change


def test_a_render_that_is_not_stored_lets_waiting_requests_render_at_once():
    cache = versions.page_cache()
    first, second = (coalescing.Render(cache, "page-cache:render:test") for _ in range(2))
    assert first.acquire()
    assert not second.acquire()

    first.release(stored=False)
    lookups = []

    assert second.wait_for(lambda: lookups.append(1)) is None
    assert len(lookups) == 2  # once while looking, once more after the release: no waiting


def test_a_waiting_request_is_served_the_page_the_first_one_stored():
    cache = versions.page_cache()
    first, second = (coalescing.Render(cache, "page-cache:render:test") for _ in range(2))
    first.acquire()
    assert not second.acquire()
    stored = iter([None, None, "the page"])

    assert second.wait_for(lambda: next(stored)) == "the page"


def test_an_unchanged_site_keeps_its_counters(client, site_settings, home_page):
    client.get("/")
    kept = versions.page_cache().get_many(versions.version_keys("/"))

    client.get("/")

    assert versions.page_cache().get_many(versions.version_keys("/")) == kept
    assert SiteSettings.objects.count() == 1
