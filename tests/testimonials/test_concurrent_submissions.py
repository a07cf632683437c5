"""Twenty advocates submit at the same moment to a real server on the embedded
SQLite default: every submission is stored, none fails with "database is locked"."""

import html
import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = 20


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """Gunicorn with two worker processes, as production runs, on a fresh SQLite file."""
    database = tmp_path / "candor.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "candor.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "false",
        "TRUSTED_PROXY_COUNT": "1",
        "TESTIMONIAL_MIN_SECONDS": "0",
        "TESTIMONIAL_RATE_LIMIT": "1000/m",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run([*manage, "load_demo_content", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "candor.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/share-your-experience/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        yield base, database
    finally:
        process.terminate()
        process.wait(timeout=10)


def submit(base, number):
    """One advocate: open the form, then send it from their own address."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    form_page = opener.open(base + "/share-your-experience/", timeout=30).read().decode()  # noqa: S310
    hidden = dict(
        re.findall(r'name="(csrfmiddlewaretoken|rendered_at)" value="([^"]+)"', form_page)
    )
    product = re.search(r'<option value="(\d+)">', form_page).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": hidden["csrfmiddlewaretoken"],
            "rendered_at": html.unescape(hidden["rendered_at"]),
            "product": product,
            "quote": f"Concurrent submission number {number}.",
            "rating": "3",
            "author_name": f"Advocate {number}",
            "email": f"advocate{number}@customer.example",
            "relationship": "customer",
            "incentive": "none",
            "consent_publish": "on",
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        base + "/share-your-experience/",
        data=data,
        headers={
            "X-Forwarded-For": f"192.0.2.{number + 1}",
            "Referer": base + "/share-your-experience/",
        },
    )
    response = opener.open(request, timeout=60)  # noqa: S310
    return response.status, response.geturl()


def test_twenty_concurrent_submissions_are_all_stored_once(server):
    base, database = server

    with ThreadPoolExecutor(max_workers=SUBMISSIONS) as pool:
        results = list(pool.map(lambda n: submit(base, n), range(SUBMISSIONS)))

    assert all(status == 200 and url.endswith("/thanks/") for status, url in results), results
    with sqlite3.connect(database) as connection:
        stored = connection.execute(
            "SELECT quote, COUNT(*) FROM testimonials_testimonial "
            "WHERE quote LIKE 'Concurrent submission number %' GROUP BY quote"
        ).fetchall()
    assert len(stored) == SUBMISSIONS
    assert all(count == 1 for _, count in stored)
