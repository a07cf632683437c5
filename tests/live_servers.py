"""Real app servers for tests that need more than one process: gunicorn started the
way production starts it, and an advocate's form submission made over HTTP."""

import contextlib
import fcntl
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUBMISSION_PATH = "/share-your-experience/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(**overrides):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "candor.settings.dev",
        "DEBUG": "false",
        "TRUSTED_PROXY_COUNT": "1",
        "TESTIMONIAL_MIN_SECONDS": "0",
        "TESTIMONIAL_RATE_LIMIT": "1000/m",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        **overrides,
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def demo_database(shared, folder):
    """A SQLite file in ``folder`` holding the migrated demo site, copied from one made
    once in ``shared`` for every test process of the run: migrating and loading the demo
    into a file take half a minute, the copy a moment."""
    template = shared / "demo-site.sqlite3"
    with open(shared / "demo-site.lock", "w") as lock:
        # The first process to get here makes it; the others wait, then copy it.
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            building = shared / "demo-site.building.sqlite3"
            env = environment(DATABASE_URL=f"sqlite:///{building}")
            manage(env, "migrate", "-v0")
            manage(env, "load_demo_content", "-v0")
            building.rename(template)
    database = folder / "candor.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(template)) as source,
        contextlib.closing(sqlite3.connect(database)) as copy,
    ):
        source.backup(copy)
    return database


@contextlib.contextmanager
def gunicorn(env, workers=2):
    """A running server; yields its base URL."""
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
            str(workers),
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
        for _ in range(150):
            try:
                urllib.request.urlopen(base + SUBMISSION_PATH, timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def browser():
    """An opener that keeps cookies, like one visitor's browser."""
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def csrf_token(page_html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_html).group(1)


def submit_testimonial(base, number):
    """One advocate: open the form, then send it from their own address."""
    opener = browser()
    form_page = opener.open(base + SUBMISSION_PATH, timeout=30).read().decode()  # noqa: S310
    rendered_at = re.search(r'name="rendered_at" value="([^"]+)"', form_page).group(1)
    product = re.search(r'<option value="(\d+)">', form_page).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf_token(form_page),
            "rendered_at": html.unescape(rendered_at),
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
        base + SUBMISSION_PATH,
        data=data,
        headers={
            "X-Forwarded-For": f"192.0.2.{number % 250 + 1}",
            "Referer": base + SUBMISSION_PATH,
        },
    )
    response = opener.open(request, timeout=60)  # noqa: S310
    return response.status, response.geturl()
