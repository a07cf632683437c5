"""Statistics for SQLite's query planner.

SQLite chooses among a table's indexes by the statistics in ``sqlite_stat1``, which it
gathers only when asked. Without them it guesses, and on Candor's tables it guessed wrong
where it costs most: the wall looked its page of 20 testimonials up by walking an index
over every approved testimonial (8 ms at 50,000 testimonials; 0.3 ms by their ids once
SQLite knew how many share a status), and the home page found its sections by scanning
every page. PostgreSQL keeps its own statistics (autovacuum); on SQLite Candor gathers
them after a bulk load (``gather()``) and keeps them current while it runs, as SQLite
advises for connections that live long: ``PRAGMA optimize`` now and then, which
analyses only the tables the connection has used whose statistics are missing or out of
date, in a few milliseconds."""

import logging
import time

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

# Rows read per index: enough for the planner to tell a selective index from one that
# matches half the table, and a whole analysis stays within milliseconds.
ANALYSIS_LIMIT = 1000
# How long a refresh after a response waits for another process's write (ms): it is
# put off to the next hour rather than hold the worker for the connection's timeout.
REFRESH_BUSY_TIMEOUT_MS = 100

# When each connection alias last refreshed them, by ``clock``.
_last_optimized = {}
clock = time.monotonic


def _analyse(connection, statement):
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        cursor.execute(statement)


def gather(using="default"):
    """Statistics for every table, after loading many rows at once (the demo, the
    benchmark's data set). Nothing to do on PostgreSQL, nor where they are turned off
    (``SQLITE_OPTIMIZE_SECONDS = 0``)."""
    connection = connections[using]
    if connection.vendor == "sqlite" and settings.SQLITE_OPTIMIZE_SECONDS:
        _analyse(connection, "ANALYZE")


def optimize_now_and_then(sender=None, **kwargs):
    """After a response, at most once every ``SQLITE_OPTIMIZE_SECONDS`` per process
    (0: never), ``PRAGMA optimize`` on the connection that served it."""
    every = settings.SQLITE_OPTIMIZE_SECONDS
    connection = connections["default"]
    # A connection closed at the end of the request has no history to learn from.
    if not every or connection.vendor != "sqlite" or connection.connection is None:
        return
    now = clock()
    last = _last_optimized.get(connection.alias)
    if last is not None and now - last < every:
        return
    _last_optimized[connection.alias] = now
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        (waits,) = cursor.fetchone()
        cursor.execute(f"PRAGMA busy_timeout = {REFRESH_BUSY_TIMEOUT_MS}")
    try:
        _analyse(connection, "PRAGMA optimize")
    except DatabaseError as error:
        # Only a faster plan is lost; the response has been sent.
        logger.warning("SQLite statistics not refreshed: %s", error)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(waits)}")


def connect():
    request_finished.connect(optimize_now_and_then, dispatch_uid="sqlite-optimize")
