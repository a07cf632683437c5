"""The watcher checks each source facts cite and flags the facts their source no longer
backs ("source changed since verified"); it never changes a value, and only a
verdict about the source (read, moved, gone) changes a flag."""

import datetime
import socket
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
import time_machine

from comparisons.models import Fact, FactVerification, SourceFlag, SourceState, WatchedSource
from comparisons.sources.tasks import watch_sources_task
from comparisons.sources.watch import watch_sources
from tests.comparisons.factories import FactFactory, ProductFactory, ProductPageFactory
from tests.comparisons.source_server import EXCERPT

pytestmark = pytest.mark.django_db

RUN_AT = datetime.datetime(2026, 11, 27, 4, 0, tzinfo=datetime.UTC)


@pytest.fixture
def at_run_time():
    with time_machine.travel(RUN_AT, tick=False):
        yield RUN_AT


def cited(server, path, **fields):
    return FactFactory(source_url=server.url(path), **fields)


def test_a_source_still_saying_the_excerpt_keeps_its_fact_unflagged(source_server, at_run_time):
    fact = cited(source_server, "/pricing", evidence_excerpt=EXCERPT)

    found = watch_sources()

    fact.refresh_from_db()
    assert found == {SourceState.OK: 1}
    assert (fact.source_flag, fact.source_checked_at) == (SourceFlag.NONE, RUN_AT)
    source = WatchedSource.objects.get(url=fact.source_url)
    assert (source.state, source.http_status, source.checked_at) == (SourceState.OK, 200, RUN_AT)
    assert len(source.fingerprint) == 64


def test_a_source_no_longer_saying_the_excerpt_flags_the_fact_and_keeps_its_value(
    source_server, at_run_time
):
    fact = cited(source_server, "/changed", evidence_excerpt=EXCERPT, support=Fact.Support.YES)
    verifications = fact.verifications.count()

    watch_sources()

    fact.refresh_from_db()
    assert (fact.source_flag, fact.source_flagged_at) == (SourceFlag.CHANGED, RUN_AT)
    assert fact.support == Fact.Support.YES and fact.evidence_excerpt == EXCERPT
    assert fact.verifications.count() == verifications  # flagging is not re-verifying


def test_a_fact_without_an_excerpt_is_checked_but_not_flagged_by_the_text(
    source_server, at_run_time
):
    fact = cited(source_server, "/changed")

    watch_sources()

    fact.refresh_from_db()
    assert (fact.source_flag, fact.source_checked_at) == (SourceFlag.NONE, RUN_AT)


@pytest.mark.parametrize(
    ("path", "flag"),
    [("/missing", SourceFlag.GONE), ("/removed", SourceFlag.GONE), ("/old-pricing", "moved")],
)
def test_a_source_gone_or_moved_flags_its_facts(source_server, at_run_time, path, flag):
    fact = cited(source_server, path, evidence_excerpt=EXCERPT)

    watch_sources()

    fact.refresh_from_db()
    assert (fact.source_flag, fact.source_flagged_at, fact.source_checked_at) == (
        flag,
        RUN_AT,
        RUN_AT,
    )


def test_a_moved_source_records_where_it_went(source_server):
    fact = cited(source_server, "/old-pricing")

    watch_sources()

    source = WatchedSource.objects.get(url=fact.source_url)
    assert (source.state, source.final_url) == (SourceState.MOVED, source_server.url("/pricing"))


@pytest.mark.parametrize("path", ["/broken", "/members/pricing", "/whitepaper.pdf", "/loop-a"])
def test_a_source_that_could_not_be_read_says_nothing_about_its_facts(source_server, path):
    fact = cited(source_server, path, evidence_excerpt="Not on any page")

    watch_sources()

    fact.refresh_from_db()
    assert (fact.source_flag, fact.source_checked_at) == (SourceFlag.NONE, None)
    assert WatchedSource.objects.get(url=fact.source_url).state not in SourceState.verdicts()


def test_every_bad_source_is_recorded_and_the_run_goes_on(source_server, settings):
    settings.SOURCE_WATCHER_TIMEOUT = 0.5
    paths = ["/slow", "/huge", "/whitepaper.pdf", "/loop-a", "/members/pricing", "/broken"]
    for path in [*paths, "/pricing"]:
        cited(source_server, path)

    found = watch_sources()

    assert found == {
        SourceState.TIMED_OUT: 1,
        SourceState.TOO_LARGE: 1,
        SourceState.NOT_HTML: 1,
        SourceState.REDIRECT_LOOP: 1,
        SourceState.ROBOTS: 1,
        SourceState.SERVER_ERROR: 1,
        SourceState.OK: 1,
    }
    assert WatchedSource.objects.count() == 7


def test_a_flag_is_cleared_only_by_re_verifying_not_by_the_source_coming_back(
    source_server, at_run_time
):
    fact = cited(source_server, "/pricing", evidence_excerpt=EXCERPT)
    Fact.objects.filter(pk=fact.pk).update(
        source_flag=SourceFlag.CHANGED, source_flagged_at=RUN_AT - datetime.timedelta(days=3)
    )

    watch_sources()

    fact.refresh_from_db()
    assert fact.source_flag == SourceFlag.CHANGED


def test_a_changed_source_that_is_then_gone_keeps_the_day_it_was_first_flagged(source_server):
    since = timezone.now() - datetime.timedelta(days=3)
    fact = cited(source_server, "/missing")
    Fact.objects.filter(pk=fact.pk).update(source_flag=SourceFlag.CHANGED, source_flagged_at=since)

    watch_sources()

    fact.refresh_from_db()
    assert (fact.source_flag, fact.source_flagged_at) == (SourceFlag.GONE, since)


def test_each_source_is_read_once_however_many_facts_cite_it(source_server):
    for _ in range(3):
        cited(source_server, "/pricing", evidence_excerpt=EXCERPT)

    assert watch_sources() == {SourceState.OK: 1}
    assert source_server.paths().count("/pricing") == 1


def test_a_japanese_excerpt_is_found_whatever_the_width_of_its_letters(source_server):
    fact = cited(
        source_server,
        "/japanese",
        evidence_excerpt="SAMLシングルサインオンは全プランに含まれます。",
    )

    watch_sources()

    fact.refresh_from_db()
    assert fact.source_flag == SourceFlag.NONE and fact.source_checked_at is not None


@pytest.mark.parametrize("excerpt", ["<script>alert(1)</script>", "=cmd|' /C calc'!A0"])
def test_a_malicious_excerpt_is_stored_and_compared_as_text(source_server, excerpt):
    fact = cited(source_server, "/pricing", evidence_excerpt=excerpt)

    watch_sources()

    fact.refresh_from_db()
    assert fact.evidence_excerpt == excerpt
    assert fact.source_flag == SourceFlag.CHANGED
    assert fact.verifications.latest().excerpt == excerpt


def test_the_verification_gets_the_sources_fingerprint_at_its_first_reading(
    source_server, at_run_time
):
    fact = cited(source_server, "/pricing", evidence_excerpt=EXCERPT)

    watch_sources()

    verification = fact.verifications.latest()
    source = WatchedSource.objects.get(url=fact.source_url)
    assert (verification.fingerprint, verification.fingerprinted_at) == (
        source.fingerprint,
        RUN_AT,
    )
    assert verification.excerpt_found is True


def test_a_verification_keeps_its_first_fingerprint(source_server, at_run_time):
    fact = cited(source_server, "/pricing", evidence_excerpt=EXCERPT)
    FactVerification.objects.filter(fact=fact).update(
        fingerprint="f" * 64, fingerprinted_at=RUN_AT - datetime.timedelta(days=5)
    )

    watch_sources()

    assert fact.verifications.latest().fingerprint == "f" * 64


def test_sources_no_fact_cites_any_more_are_no_longer_listed(source_server):
    WatchedSource.objects.create(url="https://forgotten.example/", state=SourceState.OK)
    cited(source_server, "/pricing")

    watch_sources()

    assert list(WatchedSource.objects.values_list("url", flat=True)) == [
        source_server.url("/pricing")
    ]


def test_queries_do_not_grow_with_the_facts_citing_a_source(source_server):
    def queries_for(fact_count):
        Fact.objects.all().delete()
        WatchedSource.objects.all().delete()
        product = ProductFactory()
        for _ in range(fact_count):
            cited(source_server, "/changed", product=product, evidence_excerpt=EXCERPT)
            cited(source_server, "/missing", product=product)
        with CaptureQueriesContext(connection) as queries:
            watch_sources()
        assert Fact.objects.exclude(source_flag="").count() == 2 * fact_count
        return len(queries)

    assert queries_for(1) == queries_for(8)


def test_a_flagged_fact_is_shown_afresh_on_cached_pages(
    client,
    settings,
    source_server,
    site_settings,
    product_index,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 600
    product = ProductFactory(is_ours=True)
    page = ProductPageFactory(parent=product_index, product=product)
    cited(source_server, "/changed", product=product, evidence_excerpt=EXCERPT)
    client.get(page.url)
    assert client.get(page.url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        watch_sources()

    assert client.get(page.url)["X-Cache"] == "miss"


def test_the_command_checks_one_source_and_prints_what_it_found(source_server):
    checked = cited(source_server, "/missing")
    other = cited(source_server, "/pricing")
    out = StringIO()

    call_command("watch_sources", "--url", checked.source_url, stdout=out)

    assert "Gone: 1" in out.getvalue() and "Sources checked: 1" in out.getvalue()
    assert not WatchedSource.objects.filter(url=other.source_url).exists()


def watcher_runs_queued():
    results = watch_sources_task.get_backend().results
    return [result for result in results if result.task.func is watch_sources_task.func]


def test_the_daily_task_runs_the_watch_and_queues_its_next_run(source_server, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    fact = cited(source_server, "/missing")

    result = watch_sources_task.call()

    fact.refresh_from_db()
    assert result == {"gone": 1} and fact.source_flag == SourceFlag.GONE
    (queued,) = watcher_runs_queued()
    assert queued.task.run_after - timezone.now() > datetime.timedelta(hours=23)


def test_a_run_that_fails_still_queues_tomorrows(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    def broken():
        raise ConnectionError("database went away")

    monkeypatch.setattr("comparisons.sources.tasks.watch_sources", broken)

    with pytest.raises(ConnectionError):
        watch_sources_task.call()

    (queued,) = watcher_runs_queued()
    assert queued.task.run_after - timezone.now() > datetime.timedelta(hours=23)


def test_the_command_schedules_the_daily_task(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    call_command("watch_sources", "--schedule", stdout=StringIO())

    (queued,) = watcher_runs_queued()
    assert queued.task.run_after is None  # now, and daily from there


def test_scheduling_is_refused_where_tasks_run_at_once(source_server):
    fact = cited(source_server, "/missing")
    err = StringIO()

    call_command("watch_sources", "--schedule", stdout=StringIO(), stderr=err)

    assert "cron" in err.getvalue()
    fact.refresh_from_db()
    assert fact.source_flag == SourceFlag.NONE  # nothing ran in the command's process


def test_a_domain_that_stops_resolving_is_gone_only_when_the_next_days_check_agrees(
    monkeypatch, at_run_time
):
    """A DNS failure may be the watcher's own network: one run must not flag every
    value on the site."""

    def resolve(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    fact = FactFactory(source_url="https://defunct-vendor.example/pricing")

    def flag_after_run(at):
        with time_machine.travel(at, tick=False):
            watch_sources()
        fact.refresh_from_db()
        return fact.source_flag

    assert flag_after_run(RUN_AT) == SourceFlag.NONE
    source = WatchedSource.objects.get(url=fact.source_url)
    assert source.state == SourceState.GONE and "confirms it" in source.detail
    # Run again straight away: still not confirmed.
    assert flag_after_run(RUN_AT + datetime.timedelta(minutes=5)) == SourceFlag.NONE
    # The next day's run finds the same: now the fact is flagged.
    assert flag_after_run(RUN_AT + datetime.timedelta(days=1)) == SourceFlag.GONE


def test_a_run_that_flags_nothing_still_refreshes_the_cached_pages_of_its_facts(
    client,
    source_server,
    settings,
    product_index,
    site_settings,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 600
    page = ProductPageFactory(parent=product_index)
    cited(source_server, "/pricing", product=page.product, evidence_excerpt=EXCERPT)
    client.get(page.url)
    assert client.get(page.url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        watch_sources()

    response = client.get(page.url)
    assert response["X-Cache"] == "miss"
    assert "checked automatically" in response.content.decode()
