"""Counting the queries a page costs, the same way for every page type."""

import re
from collections import Counter
from contextlib import contextmanager
from types import SimpleNamespace

from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.signal_handlers import disable_reference_index_auto_update

import time_machine

from home.models import SiteSettings
from tests.comparisons.factories import ComparisonIndexPageFactory, ProductIndexPageFactory
from tests.home.factories import HomePageFactory, serve_as_site_root, wagtail_root
from tests.testimonials.advocate_factories import DemoRequestPageFactory, NpsSurveyPageFactory
from tests.testimonials.factories import (
    CaseStudyIndexPageFactory,
    TestimonialSubmissionPageFactory,
    TestimonialWallPageFactory,
)

# No page above this many queries, whatever the amount of data behind it: 15 of its own,
# and the menu's read of the page cache every process shares (a table without Redis).
MAX_QUERIES = 16

# "1×" and "10×": a page built with ten times as much of everything it shows or counts.
SIZES = (1, 10)


def queries_to_render(client, url):
    status, queries = status_and_queries(client, url)
    assert status == 200, (url, status)
    return len(queries)


def status_and_queries(client, url):
    """The status of a second request for ``url`` and the SQL of each query it makes
    (the first request warms per-process caches such as the site root paths). Both at
    one instant: a rate limit's window that turned between them would start a new
    counter (an insert) instead of adding to the first request's (a read and an update)."""
    with time_machine.travel(timezone.now(), tick=False):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    return response.status_code, [query["sql"] for query in queries.captured_queries]


@contextmanager
def data_for_the_module(django_db_blocker):
    """Data built once for a module's tests, in a transaction rolled back after them.
    Wagtail's reference index is not kept for it: no page reads it to render (only a
    purge of cached pages and erasing personal data do), and keeping it is a quarter
    of the time it takes to build ten times the data."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        disable_reference_index_auto_update(),
    ):
        yield
        transaction.set_rollback(True)


def measure(urls):
    """What each of ``urls`` ({route: address}) costs an anonymous visitor, each with
    an empty cache and the site's default language, as a test of its own would start."""
    client = Client()
    measured = {}
    for route, url in urls.items():
        cache.clear()
        status, queries = status_and_queries(client, url)
        translation.deactivate()
        measured[route] = SimpleNamespace(url=url, status=status, queries=queries)
    return measured


def shape(sql):
    """A query with its values (and savepoint names) left out, so the same query for
    another row matches."""
    sql = re.sub(r"'[^']*'|\"s\d+_x\d+\"|\b\d+\b", "?", sql)
    return re.sub(r"\(\?(, \?)*\)", "(?…)", sql)


def repeated(small, large):
    """The queries one page makes more often than the other, and how often: what an
    N+1 repeats."""
    small, large = Counter(map(shape, small)), Counter(map(shape, large))
    return "\n".join(
        [f"{n}× more at 10×: {sql[:400]}" for sql, n in (large - small).most_common()]
        + [f"{n}× more at 1×: {sql[:400]}" for sql, n in (small - large).most_common()]
    )


def assert_same_at_1x_and_10x(small, large, expected):
    """``small`` and ``large``: one route measured at 1× and at 10×. It answers, with
    ``expected`` queries at both sizes."""
    assert (small.status, large.status) == (200, 200), (
        small.url,
        small.status,
        large.url,
        large.status,
    )
    assert len(large.queries) == len(small.queries), (
        f"{len(small.queries)} queries at 1×, {len(large.queries)} at 10×:\n"
        + repeated(small.queries, large.queries)
    )
    assert len(large.queries) == expected, f"{len(large.queries)} queries, {expected} expected"


def site_with_every_index():
    """A home page serving the default site, its settings, and below it the product,
    comparison and case study indexes, the testimonial wall, and the pages with a
    public form: testimonial submission, NPS survey and demo request."""
    home = serve_as_site_root(HomePageFactory(parent=wagtail_root()))
    wall = TestimonialWallPageFactory(parent=home)
    settings = SiteSettings.for_site(home.get_site())
    settings.company_name = "Candor Test Co"
    settings.corrections_email = "corrections@candor.example"
    settings.testimonial_wall_page = wall
    settings.save()
    return SimpleNamespace(
        home=home,
        wall=wall,
        product_index=ProductIndexPageFactory(parent=home),
        comparison_index=ComparisonIndexPageFactory(parent=home),
        case_study_index=CaseStudyIndexPageFactory(parent=home),
        submission=TestimonialSubmissionPageFactory(parent=home),
        nps=NpsSurveyPageFactory(parent=home),
        demo_request=DemoRequestPageFactory(parent=home),
    )


def query_plan(sql):
    """How the database means to answer ``sql``: SQLite's EXPLAIN QUERY PLAN, or
    PostgreSQL's EXPLAIN with sequential scans and sorts priced out, since on tables
    as small as a test's it would rather read everything and sort. A test asserts
    that the plan reads an index in order: no sort step, no full scan."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            return "\n".join(row[-1] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())
