"""The page cache on one machine without Redis, as production runs it: gunicorn with
two worker processes on SQLite, and changes made by another process (an editor's save
in one worker, a management command, the task worker). Once a change has committed,
no process serves a page older than it; and the pages made stale by a change are
rendered once, not once per worker or per waiting visitor."""

import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live_servers import ROOT, demo_database, environment, gunicorn

pytestmark = pytest.mark.real_clock

READERS = 24


@pytest.fixture(scope="module")
def server(tmp_path_factory, shared_tmp_path):
    database = demo_database(shared_tmp_path, tmp_path_factory.mktemp("page-cache"))
    env = environment(DATABASE_URL=f"sqlite:///{database}", PAGE_CACHE_SECONDS="600")
    with gunicorn(env) as base:
        yield base, env


@pytest.fixture(scope="module")
def uncached_server(tmp_path_factory, shared_tmp_path):
    """The same with pages not cached: each worker still remembers the site's settings
    (home.process_memory)."""
    database = demo_database(shared_tmp_path, tmp_path_factory.mktemp("uncached"))
    env = environment(DATABASE_URL=f"sqlite:///{database}", PAGE_CACHE_SECONDS="0")
    with gunicorn(env) as base:
        yield base, env


def read(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.headers.get("X-Cache", ""), response.read().decode()


def read_many(url, times=READERS):
    """Enough concurrent requests that both worker processes answer some."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(lambda _: read(url), range(times)))


def rename_company(env, name):
    """A real save of the site settings from a process of its own, as a management
    command or the task worker makes changes."""
    code = (
        "from wagtail.models import Site; from home.models import SiteSettings; "
        "settings = SiteSettings.for_site(Site.objects.get(is_default_site=True)); "
        f"settings.company_name = {name!r}; settings.save()"
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
    )


def test_a_change_made_in_another_process_reaches_every_worker_at_once(server):
    base, env = server
    rename_company(env, "Before Marker Ltd")
    answers = read_many(base + "/")
    assert all("Before Marker Ltd" in body for _, body in answers)
    assert any(cache == "hit" for cache, _ in answers)

    rename_company(env, "After Marker Ltd")
    answers = read_many(base + "/")

    stale = [cache for cache, body in answers if "After Marker Ltd" not in body]
    assert stale == []


def test_with_pages_not_cached_a_change_in_another_process_reaches_every_worker(
    uncached_server,
):
    base, env = uncached_server
    rename_company(env, "Before Marker Ltd")
    assert all("Before Marker Ltd" in body for _, body in read_many(base + "/compare/"))

    rename_company(env, "After Marker Ltd")
    answers = read_many(base + "/compare/")

    assert [body for _, body in answers if "After Marker Ltd" not in body] == []


def test_a_page_made_stale_is_rendered_once_for_all_waiting_visitors(server):
    base, env = server
    path = "/compare/"
    read_many(base + path)
    rename_company(env, "Coalesced Marker Ltd")

    answers = read_many(base + path)

    assert all("Coalesced Marker Ltd" in body for _, body in answers)
    rendered = [cache for cache, _ in answers if cache != "hit"]
    assert len(rendered) == 1, f"rendered {len(rendered)} times for {READERS} visitors"
