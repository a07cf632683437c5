"""The Redis server tests may use, each test module on a database number of its own that
it may flush. Unreachable, the test is skipped, or fails where CANDOR_REQUIRE_SERVICES is
set (as in CI), so a missing service never passes for a tested one."""

import os

import pytest

REDIS = os.environ.get("CANDOR_TEST_REDIS_SERVER", "redis://127.0.0.1:6379")


def redis_url(database):
    """The URL of ``database`` on the test Redis server, after checking it answers."""
    import redis

    url = f"{REDIS}/{database}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.ConnectionError as error:
        message = f"Redis is not reachable at {url}: {error}"
        if os.environ.get("CANDOR_REQUIRE_SERVICES"):
            pytest.fail(message)
        pytest.skip(message)
    return url
