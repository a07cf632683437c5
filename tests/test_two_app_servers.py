"""Two app servers side by side on PostgreSQL and Redis, as when one machine is not
enough: what one server does is seen through the other on the next request."""

import os
import secrets
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live_servers import (
    browser,
    csrf_token,
    environment,
    gunicorn,
    manage,
    submit_testimonial,
)

POSTGRES = os.environ.get("CANDOR_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("CANDOR_TEST_REDIS", "redis://127.0.0.1:6379/9")
SUBMISSIONS = 100

pytestmark = pytest.mark.real_clock


def services_or_skip():
    try:
        import psycopg
        import redis

        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
        redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping()
    except Exception as error:  # noqa: BLE001
        message = f"PostgreSQL or Redis is not reachable: {error}"
        if os.environ.get("CANDOR_REQUIRE_SERVICES"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def database():
    """A database of its own, dropped afterwards."""
    services_or_skip()
    import psycopg

    name = f"candor_servers_{secrets.token_hex(4)}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def servers(database):
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    env = environment(
        DATABASE_URL=database,
        REDIS_URL=REDIS,
        PAGE_CACHE_SECONDS="600",
        DJANGO_SUPERUSER_PASSWORD="editor-password-for-tests",
    )
    manage(env, "migrate", "-v0")
    manage(env, "load_demo_content", "-v0")
    manage(env, "createsuperuser", "--noinput", "--username", "editor", "--email", "e@x.example")
    with gunicorn(env, workers=1) as first, gunicorn(env, workers=1) as second:
        yield first, second
    redis.Redis.from_url(REDIS).flushdb()


def get(opener, url):
    try:
        response = opener.open(url, timeout=30)  # noqa: S310
        return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


def log_in(base):
    opener = browser()
    _, _, form = get(opener, base + "/admin/login/")
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf_token(form),
            "username": "editor",
            "password": "editor-password-for-tests",
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        base + "/admin/login/", data=data, headers={"Referer": base + "/admin/login/"}
    )
    opener.open(request, timeout=30)  # noqa: S310
    return opener


def test_an_editors_session_works_on_both_servers(servers):
    first, second = servers
    editor = log_in(first)

    status, _, dashboard = get(editor, second + "/admin/")

    assert status == 200
    assert 'id="wagtail"' in dashboard or "Dashboard" in dashboard
    assert "/admin/login/" not in dashboard.split("<body", 1)[-1][:2000]


def test_unpublishing_through_one_server_shows_through_the_other(servers):
    first, second = servers
    visitor = browser()
    page_url = second + "/compare/fernhill-chat-vs-quillory-vs-bramblecall/"
    # Cached on the second server first. Once, on a loaded CI machine, the second visit
    # was a miss (cause not found; it passes alone and passed in every other run): visit
    # until the page is served from the cache, which is what the rest of the test needs.
    for _ in range(5):
        status, headers, _ = get(visitor, page_url)
        if headers.get("X-Cache") == "hit":
            break
    assert status == 200 and headers.get("X-Cache") == "hit"

    editor = log_in(first)
    page_id = page_id_of(editor, first, "fernhill-chat-vs-quillory-vs-bramblecall")
    _, _, confirm = get(editor, f"{first}/admin/pages/{page_id}/unpublish/")
    request = urllib.request.Request(  # noqa: S310
        f"{first}/admin/pages/{page_id}/unpublish/",
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf_token(confirm)}).encode(),
        headers={"Referer": f"{first}/admin/pages/{page_id}/unpublish/"},
    )
    editor.open(request, timeout=30)  # noqa: S310

    assert get(browser(), page_url)[0] == 404


def page_id_of(editor, base, slug):
    import json

    _, _, body = get(editor, f"{base}/api/v2/pages/?slug={slug}")
    return json.loads(body)["items"][0]["id"]


def test_a_hundred_submissions_over_both_servers_are_all_stored_once(servers, database):
    import psycopg

    first, second = servers

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(
            pool.map(
                lambda n: submit_testimonial(first if n % 2 else second, n), range(SUBMISSIONS)
            )
        )

    assert all(status == 200 and url.endswith("/thanks/") for status, url in results), results
    with psycopg.connect(database) as connection:
        stored = connection.execute(
            "SELECT quote, COUNT(*) FROM testimonials_testimonial "
            "WHERE quote LIKE 'Concurrent submission number %%' GROUP BY quote"
        ).fetchall()
    assert len(stored) == SUBMISSIONS
    assert all(count == 1 for _, count in stored)
