"""The app server the benchmark starts and the HTTP client it drives it with: the
site's environment, gunicorn (production settings, 2 workers), plain requests, wrk
runs, and what a server's workers hold in memory. Shared by bench/run.py and its
parts (cold renders, the stampede, editors)."""

import gzip
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
WRK_SCRIPT = BENCH / "wrk" / "report.lua"
WORKERS = 2
# Compressed, as browsers ask (pages are cached and sent compressed for them); not
# Brotli, which this script could not read back.
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate"}


def log(message):
    print(f"[bench] {message}", flush=True)


def site_env(config, **extra):
    """The app server's environment for ``config`` (a backend's database, media and
    cache); ``extra`` adds variables, such as ``PAGE_CACHE_SECONDS="0"``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "PAGE_CACHE_SECONDS", "DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="candor.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        CANDOR_BENCH="1",
        DATABASE_URL=config["database_url"],
        MEDIA_ROOT=str(config["media"]),
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
        # No worker runs beside the benchmark's servers: background tasks run at once.
        TASKS_BACKEND="immediate",
    )
    if config["redis_url"]:
        env["REDIS_URL"] = config["redis_url"]
    env.update(extra)
    return env


def manage(env, *args, log_file):
    with open(log_file, "a") as output:
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=output,
            stderr=subprocess.STDOUT,
        )  # fmt: skip


def probe(env, command, *args):
    result = subprocess.run(
        [PYTHON, "-m", "bench.probe", command, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def prepare(env, log_file, scale=1):
    """Migrate, load the data set ``scale`` times over, collect static files: seconds
    each step took."""
    timings = {}
    for step, args in [
        ("migrate", ["migrate", "--no-input"]),
        (
            "data set",
            ["shell", "--no-imports", "-c", f"from bench.data import main; main(scale={scale})"],
        ),
        ("collectstatic", ["collectstatic", "--no-input"]),
    ]:
        log(f"manage.py {' '.join(args)}")
        began = time.monotonic()
        manage(env, *args, log_file=log_file)
        timings[step] = round(time.monotonic() - began, 1)
    return timings


def start_gunicorn(env, port, log_file):
    command = [
        GUNICORN, "candor.wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
        "--error-logfile", str(log_file), "--log-level", "warning",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_until_up(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):  # refused, reset, or a slow first answer
            time.sleep(0.5)
    sys.exit(f"[bench] the app server did not answer at {url}")


def fetch(url, headers=None):
    """Status, headers, body (decompressed) and the bytes sent over the wire of a GET,
    asking for gzip as browsers do; never raises for an HTTP error status."""
    request = urllib.request.Request(url, headers={**BROWSER_HEADERS, **(headers or {})})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            status, response_headers, wire = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, response_headers, wire = error.code, error.headers, error.read()
    compressed = response_headers.get("Content-Encoding") == "gzip"
    return status, response_headers, gzip.decompress(wire) if compressed else wire, len(wire)


def with_query(path, query):
    return f"{path}{'&' if '?' in path else '?'}{query}"


def drive(url, mode, options, cold):
    command = [
        "wrk", f"-t{options.threads}", f"-c{options.connections}", f"-d{options.duration}s",
        "--latency", "-s", str(WRK_SCRIPT), url, "--", mode, cold,
    ]  # fmt: skip
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    time.sleep(1)  # let the workers settle between runs
    return wrk_figures(output)


def wrk_figures(output):
    """Requests/s, latency percentiles and errors from what bench/wrk/report.lua printed."""
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    figures = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = figures["duration_us"] / 1e6
    return {
        "rps": round(figures["requests"] / seconds, 1),
        "requests": figures["requests"],
        "p50_ms": round(figures["p50_us"] / 1000, 1),
        "p90_ms": round(figures["p90_us"] / 1000, 1),
        "p99_ms": round(figures["p99_us"] / 1000, 1),
        "errors": figures["errors"],
    }


def sitemap_paths(base):
    """Every path in the sitemap, following a sitemap index if there is one."""
    status, _headers, body, _size = fetch(base + "/sitemap.xml")
    if status != 200:
        return []
    locations = [
        urllib.parse.urlsplit(location.decode()).path
        for location in re.findall(rb"<loc>([^<]+)</loc>", body)
    ]
    if b"<sitemapindex" not in body:
        return locations
    paths = []
    for location in locations:
        status, _headers, body, _size = fetch(base + location)
        paths += [
            urllib.parse.urlsplit(found.decode()).path
            for found in re.findall(rb"<loc>([^<]+)</loc>", body)
        ]
    return paths
