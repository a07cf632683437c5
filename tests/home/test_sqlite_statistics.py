"""SQLite's planner statistics: gathered after a bulk load, refreshed now and then while
the site serves pages, so the planner picks indexes by what the tables hold."""

from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

import pytest

from home import sqlite_statistics
from tests.testimonials.factories import TestimonialFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL keeps its own"),
]


@pytest.fixture
def hourly(settings, monkeypatch):
    """Statistics refreshed at most once an hour, on a clock the test moves."""
    settings.SQLITE_OPTIMIZE_SECONDS = 3600
    now = [1_000.0]
    monkeypatch.setattr(sqlite_statistics, "clock", lambda: now[0])
    monkeypatch.setattr(sqlite_statistics, "_last_optimized", {})
    return now


def optimizations(client, url):
    """How often serving ``url`` asked SQLite to refresh its statistics."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum(query["sql"] == "PRAGMA optimize" for query in queries)


def statistics_for(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return []
        cursor.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchall()


def test_serving_pages_refreshes_the_statistics_at_most_once_an_hour(
    client, hourly, wall_page, our_product
):
    TestimonialFactory.create_batch(3, product=our_product, approved=True)

    assert optimizations(client, wall_page.url) == 1
    assert statistics_for("testimonials_testimonial"), "the wall's table is analysed"
    hourly[0] += 3_599
    assert optimizations(client, wall_page.url) == 0
    hourly[0] += 1
    assert optimizations(client, wall_page.url) == 1


def test_turned_off_nothing_is_gathered(client, settings, wall_page):
    settings.SQLITE_OPTIMIZE_SECONDS = 0

    assert optimizations(client, wall_page.url) == 0
    sqlite_statistics.gather()
    assert statistics_for("testimonials_testimonial") == []


def test_after_a_bulk_load_every_table_has_statistics(settings, our_product):
    settings.SQLITE_OPTIMIZE_SECONDS = 3600
    TestimonialFactory.create_batch(5, product=our_product, approved=True)

    sqlite_statistics.gather()

    indexes = dict(statistics_for("testimonials_testimonial"))
    assert "testimonial_wall_newest" in indexes
    assert indexes["testimonial_wall_newest"].split()[0] == "5"  # rows counted


def test_a_refresh_that_cannot_write_loses_nothing_but_the_refresh(
    client, hourly, wall_page, monkeypatch, caplog
):
    """Another process holding the write lock (or a read-only file) must not turn a
    page already served into an error, nor keep the worker waiting."""

    def locked(connection, statement):
        raise OperationalError("database is locked")

    monkeypatch.setattr(sqlite_statistics, "_analyse", locked)

    response = client.get(wall_page.url)

    assert response.status_code == 200
    assert "SQLite statistics not refreshed: database is locked" in caplog.text
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000  # the connection's own, as configured
