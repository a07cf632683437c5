"""What tests read of the page cache where there is no Redis: a table of the database
(settings.CACHES["pages"]), shared by every process."""

from django.db import connection


def stored_pages():
    """How many pages the page cache holds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM candor_page_cache WHERE cache_key LIKE %s",
            ["%page-cache:page:%"],
        )
        return cursor.fetchone()[0]


def beyond_the_page_cache(queries):
    """The queries (CaptureQueriesContext) that are not reads of the page cache."""
    return [query["sql"] for query in queries if '"candor_page_cache"' not in query["sql"]]
