"""Twenty advocates submit at the same moment to a real server on the embedded
SQLite default: every submission is stored, none fails with "database is locked"."""

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live_servers import demo_database, environment, gunicorn, submit_testimonial

SUBMISSIONS = 20

pytestmark = pytest.mark.real_clock


@pytest.fixture
def server(tmp_path, shared_tmp_path):
    """Gunicorn with two worker processes, as production runs, on a SQLite file of the
    demo site of its own."""
    database = demo_database(shared_tmp_path, tmp_path)
    env = environment(DATABASE_URL=f"sqlite:///{database}")
    with gunicorn(env) as base:
        yield base, database


def test_twenty_concurrent_submissions_are_all_stored_once(server):
    base, database = server

    with ThreadPoolExecutor(max_workers=SUBMISSIONS) as pool:
        results = list(pool.map(lambda n: submit_testimonial(base, n), range(SUBMISSIONS)))

    assert all(status == 200 and url.endswith("/thanks/") for status, url in results), results
    with sqlite3.connect(database) as connection:
        stored = connection.execute(
            "SELECT quote, COUNT(*) FROM testimonials_testimonial "
            "WHERE quote LIKE 'Concurrent submission number %' GROUP BY quote"
        ).fetchall()
    assert len(stored) == SUBMISSIONS
    assert all(count == 1 for _, count in stored)
