"""Counting the queries a page costs, the same way for every page type."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# No page above this many queries, whatever the amount of data behind it.
MAX_QUERIES = 15


def queries_to_render(client, url):
    client.get(url)  # warm per-process caches such as the site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
