"""The Candor benchmark: ``make bench`` (or ``.venv/bin/python -m bench.run``).

For SQLite and then PostgreSQL (with Redis as the cache when it is reachable), each in a
database of its own made for the run: migrate, load the large data set
(bench/data.py), collect static files, start gunicorn with the production settings
and 2 workers, warm the site (every page in the sitemap, which also generates the image
renditions the pages show), then drive each URL with wrk from this second process:
cache hits and cache misses separately, with the queries behind each response counted.
Lighthouse then scores the home, product, comparison and case-study pages, and the
comparison page is weighed. Then, on the same database, the stampede after a change
(bench/stampede.py: one app server on SQLite, two sharing Redis on PostgreSQL). Last,
on SQLite at each of ``--cold-scales`` (1 and 10 times the data set), every public page
type rendered with the caches off (bench/cold.py), the editors' preview and moderation
screens (bench/editors.py), and each server's workers' memory (bench/memory.py).
Results go to bench/results/latest.md and latest.json; databases, media, logs and
Lighthouse reports to bench/work/ (not committed). ``--scale`` loads the data set N
times over for the hit, miss and stampede runs.

Not part of the test suite. Needs wrk (installed with apt-get when missing and run as
root), node/npm for Lighthouse and Debian's Chromium (CHROME_PATH, /usr/bin/chromium by
default)."""

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

from bench import cold, editors, memory, stampede
from bench.harness import (
    BENCH,
    WORK,
    WORKERS,
    drive,
    fetch,
    log,
    prepare,
    probe,
    site_env,
    start_gunicorn,
    stop,
    wait_until_up,
    with_query,
)
from bench.memory import worker_memory_mb

RESULTS = BENCH / "results"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_PAGES = ["home", "product", "comparison", "case_study"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = ["home", "product", "comparison", "wall", "wall_later", "case_study"]
ORDER = [*PAGES, "static", "ceiling"]

# What Candor is held to, on a 2-core machine.
HIT_RATIO_TARGET = 0.5
COMPARISON_MISS_RPS_TARGET = 60
MAX_QUERIES = 15
LIGHTHOUSE_TARGET = 95
PAGE_WEIGHT_TARGET_KB = 100
# Above this share of CPU used by other processes, the report says the figures are low.
BUSY_WARNING_PERCENT = 25


def main():
    options = parse_options()
    ensure_wrk()
    if not options.skip_lighthouse:
        ensure_lighthouse()
    WORK.mkdir(exist_ok=True)
    RESULTS.mkdir(exist_ok=True)
    started = datetime.datetime.now(datetime.UTC)
    backends = [name.strip() for name in options.backends.split(",") if name.strip()]
    configs = [config for name in backends if (config := backend_config(name, options))]
    if not configs:
        sys.exit("[bench] no database could be used: nothing measured")
    runs = []
    for config in configs:
        # Lighthouse once, on the last (the most production-like) backend.
        lighthouse = not options.skip_lighthouse and config is configs[-1]
        runs.append(run_backend(config, options, lighthouse=lighthouse))
    sqlite = next((config for config in configs if config["name"] == "sqlite"), None)
    report = {
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(runs),
        "settings": {
            "workers": WORKERS,
            "scale": options.scale,
            "wrk": f"-t{options.threads} -c{options.connections} -d{options.duration}s --latency",
            "miss": "each request is rendered afresh: its session holds something, so the "
            "page cache never serves it",
        },
        "runs": runs,
    }
    if options.cold_scales.strip():
        report["cold"] = cold.cold_renders(options, reuse=sqlite)
    report["targets"] = evaluate(report)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    markdown = render_markdown(report)
    (RESULTS / "latest.md").write_text(markdown)
    print(markdown)
    log(f"written: {RESULTS / 'latest.md'} and {RESULTS / 'latest.json'}")


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8765")))
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/candor_bench"
        ),
        help="a database of its own: dropped and created again on every run",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
        help="a Redis database of its own: flushed on every run ('' for none)",
    )
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument(
        "--scale", type=int, default=1, help="the data set this many times over (bench/data.py)"
    )
    parser.add_argument(
        "--cold-scales",
        default="1,10",
        help="data set scales at which every page type is rendered with the caches off "
        "(SQLite), editors timed and memory read; '' for none",
    )
    parser.add_argument(
        "--stampede-duration",
        type=int,
        default=60,
        help="seconds of steady load while the site settings change (0: no stampede run)",
    )
    parser.add_argument("--stampede-rate", type=int, default=150, help="requests/s in all")
    parser.add_argument("--stampede-every", type=int, default=10, help="seconds between changes")
    return parser.parse_args()


# Tools -------------------------------------------------------------------------------


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing wrk with apt-get")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        return
    sys.exit("[bench] wrk is missing: install it (Debian: apt-get install wrk)")


def ensure_lighthouse():
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        sys.exit("[bench] npm is missing: install Node.js, or use --skip-lighthouse")
    log("installing Lighthouse with npm ci")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)


def chrome_path():
    return os.environ.get("CHROME_PATH", "/usr/bin/chromium")


# Databases ---------------------------------------------------------------------------


def backend_config(backend, options):
    folder = WORK / backend
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    config = {"name": backend, "folder": folder, "media": folder / "media"}
    if backend == "sqlite":
        config["database_url"] = f"sqlite:///{folder / 'bench.sqlite3'}"
        config["redis_url"] = ""
        config["label"] = "SQLite, page cache in a table every process shares"
        return config
    if backend == "postgres":
        try:
            fresh_postgres_database(options.postgres_url)
        except Exception as error:  # noqa: BLE001 - any failure means: skip PostgreSQL
            log(f"PostgreSQL skipped: {error}")
            return None
        config["database_url"] = options.postgres_url
        config["redis_url"] = options.redis_url if redis_available(options.redis_url) else ""
        shared_table = "page cache in a table every process shares"
        cache = "Redis cache" if config["redis_url"] else shared_table
        config["label"] = f"PostgreSQL, {cache}"
        return config
    sys.exit(f"[bench] unknown backend {backend!r}: use sqlite and/or postgres")


def fresh_postgres_database(url):
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise ValueError(f"refusing to drop {name!r}: the benchmark database's name has 'bench'")
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True, connect_timeout=5) as connection:
        identifier = sql.Identifier(name)
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(identifier))


def postgres_version(url):
    import psycopg

    with psycopg.connect(url, connect_timeout=5) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def redis_available(url):
    if not url:
        return False
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.flushdb()
        return True
    except redis.RedisError as error:
        log(f"Redis not used ({error}): the cache is local memory")
        return False


def redis_version(url):
    import redis

    return redis.Redis.from_url(url).info("server")["redis_version"]


# One backend ---------------------------------------------------------------------------


def run_backend(config, options, lighthouse):
    name, folder = config["name"], config["folder"]
    log(f"== {config['label']} ==")
    env = site_env(config)
    timings = prepare(env, folder / "setup.log", scale=options.scale)
    targets = probe(env, "targets")
    data = targets.pop("data")
    base = f"http://127.0.0.1:{options.port}"
    server = start_gunicorn(env, options.port, folder / "gunicorn.log")
    try:
        wait_until_up(base + targets["ceiling"]["path"])
        log(f"{name}: warming (sitemap, then every URL measured)")
        warmed = warm(base, targets)
        visitor = probe(env, "session")["cookie"]  # rendered afresh on every request
        queries = {
            key: count_queries(base, target["path"], visitor) for key, target in targets.items()
        }
        renditions_before = probe(env, "renditions")["renditions"]
        background = {"before_load": busy_cpu_percent()}
        load = {}
        for key in ORDER:
            path = targets[key]["path"]
            modes = ["hit", "miss"] if key in PAGES else ["hit"]
            load[key] = {mode: drive(base + path, mode, options, visitor) for mode in modes}
            figures = " / ".join(f"{mode} {load[key][mode]['rps']:.0f} req/s" for mode in modes)
            log(f"{name}: {targets[key]['label']}: {figures}")
        renditions_after = probe(env, "renditions")["renditions"]
        background["after_load"] = busy_cpu_percent()
        result = {
            "backend": name,
            "label": config["label"],
            "setup_seconds": timings,
            "data": data,
            "warmed_urls": warmed,
            "targets": targets,
            "queries": queries,
            "load": load,
            "renditions": {"before_load": renditions_before, "after_load": renditions_after},
            "background_cpu_percent": background,
        }
        if name == "postgres":
            result["postgres_version"] = postgres_version(config["database_url"])
            if config["redis_url"]:
                result["redis_version"] = redis_version(config["redis_url"])
        if lighthouse:
            result["page_weight"] = page_weight(base, targets["comparison"]["path"])
            result["lighthouse"] = run_lighthouse(base, targets, folder)
        result["memory_mb"] = {"hits and misses": worker_memory_mb(server)}
    finally:
        stop(server)
    if options.stampede_duration:
        result["stampede"] = stampede.run_stampede(config, options)
        result["memory_mb"].update(result["stampede"].pop("memory_mb"))
    return result


def busy_cpu_percent(seconds=3):
    """How busy the machine's CPUs are while the benchmark itself is idle: anything
    else running (another build, a test suite) takes cores from the app server."""
    stat = Path("/proc/stat")
    if not stat.exists():
        return None

    def sample():
        values = [int(value) for value in stat.read_text().split("\n")[0].split()[1:]]
        idle = values[3] + values[4]  # idle and iowait
        return sum(values), idle

    total_before, idle_before = sample()
    time.sleep(seconds)
    total_after, idle_after = sample()
    elapsed = total_after - total_before
    return round(100 * (1 - (idle_after - idle_before) / elapsed), 1) if elapsed else None


# HTTP helpers --------------------------------------------------------------------------


def warm(base, targets):
    """Every page in the sitemap once (both languages), then each measured URL often
    enough that both workers have it in their cache."""
    status, _headers, body, _size = fetch(base + "/sitemap.xml")
    paths = []
    if status == 200:
        for location in re.findall(rb"<loc>([^<]+)</loc>", body):
            paths.append(urllib.parse.urlsplit(location.decode()).path)
    failures = 0
    for path in paths:
        status, _headers, _body, _size = fetch(base + path)
        failures += status != 200
    for target in targets.values():
        for _ in range(2 * WORKERS + 2):
            status, _headers, _body, _size = fetch(base + target["path"])
            if status != 200:
                sys.exit(f"[bench] {target['path']} answered {status} while warming")
    if failures:
        log(f"warning: {failures} sitemap URLs did not answer 200")
    return {"sitemap": len(paths), "sitemap_failures": failures}


def count_queries(base, path, cold):
    """Queries behind one response: a miss (rendered afresh for a visitor whose session
    holds something, ``cold`` its cookie) and a hit (the URL itself, already cached).
    A miss is the fewest of one more than the workers: a worker's first request since
    the site's version changed also loads what it remembers (home/process_memory.py),
    and which worker answers is the server's choice."""
    ask = {"X-Bench-Queries": "1"}
    misses = []
    for _ in range(WORKERS + 1):
        miss_status, miss_headers, _body, _size = fetch(
            base + with_query(path, f"bench-count={secrets.token_hex(4)}"),
            {**ask, "Cookie": cold},
        )
        misses.append((int(miss_headers.get("X-Bench-Queries", -1)), miss_status, miss_headers))
    miss_queries, miss_status, miss_headers = min(misses, key=lambda miss: miss[0])
    hit_headers = None
    for _ in range(4 * WORKERS):  # each worker has its own local-memory cache
        _status, hit_headers, _body, _size = fetch(base + path, ask)
        if hit_headers.get("X-Cache") == "hit":
            break
    return {
        "miss": miss_queries,
        "miss_status": miss_status,
        "hit": int(hit_headers.get("X-Bench-Queries", -1)),
        "hit_cache_header": hit_headers.get("X-Cache", ""),
        "miss_cache_header": miss_headers.get("X-Cache", ""),
    }


# The comparison page's weight ------------------------------------------------------------


class Resources(HTMLParser):
    """Every URL the page makes the browser load: stylesheets, scripts, images, icons,
    frames and the like."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower().split()
            if set(rel) & {"stylesheet", "icon", "preload", "modulepreload", "manifest"}:
                self.urls.append(attrs["href"])
        elif tag in {"script", "img", "iframe", "source", "video", "audio", "embed"}:
            for name in ("src", "srcset"):
                for candidate in (attrs.get(name) or "").split(","):
                    if candidate.strip():
                        self.urls.append(candidate.strip().split()[0])


def page_weight(base, path):
    """HTML, CSS and JS of the page as a browser that accepts gzip receives them (files
    the server sends uncompressed are counted at their gzip size), and any resource from
    another origin."""
    status, headers, html, wire = fetch(base + path)
    parser = Resources()
    parser.feed(html.decode())
    origin = urllib.parse.urlsplit(base).netloc
    third_party, items = [], []

    def item(url, kind, body, wire, response_headers):
        compressed = response_headers.get("Content-Encoding") == "gzip"
        return {
            "url": url,
            "type": kind,
            "bytes": len(body),
            "gzip_bytes": wire if compressed else len(gzip.compress(body, 6)),
            "served_compressed": compressed,
        }

    items.append(item(path, "html", html, wire, headers))
    for url in dict.fromkeys(parser.urls):
        absolute = urllib.parse.urljoin(base + path, url)
        if urllib.parse.urlsplit(absolute).netloc != origin:
            third_party.append(absolute)
            continue
        kind = "css" if ".css" in url else "js" if ".js" in url else "other"
        _status, resource_headers, body, resource_wire = fetch(absolute)
        items.append(item(url, kind, body, resource_wire, resource_headers))
    counted = [entry for entry in items if entry["type"] in {"html", "css", "js"}]
    return {
        "status": status,
        "html_css_js_gzip_kb": round(sum(entry["gzip_bytes"] for entry in counted) / 1024, 1),
        "html_css_js_uncompressed_kb": round(sum(entry["bytes"] for entry in counted) / 1024, 1),
        "html_served_compressed": items[0]["served_compressed"],
        "resources": items,
        "third_party": third_party,
    }


# Lighthouse ---------------------------------------------------------------------------------


def run_lighthouse(base, targets, folder):
    env = {**os.environ, "CHROME_PATH": chrome_path()}
    results = {}
    for key in LIGHTHOUSE_PAGES:
        url = base + targets[key]["path"]
        output = folder / f"lighthouse-{key}.json"
        log(f"Lighthouse (mobile): {url}")
        command = [
            "node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu", "--quiet",
        ]  # fmt: skip
        completed = subprocess.run(command, env=env, cwd=BENCH, check=False)
        if completed.returncode != 0 or not output.exists():
            results[key] = {"error": f"lighthouse exited with {completed.returncode}"}
            continue
        report = json.loads(output.read_text())
        scores = {
            name: round(100 * category["score"]) if category["score"] is not None else None
            for name, category in report["categories"].items()
        }
        failing = sorted(
            {
                audit["id"]
                for name, category in report["categories"].items()
                for reference in category["auditRefs"]
                if reference["weight"] > 0
                for audit in [report["audits"][reference["id"]]]
                if audit["score"] is not None and audit["score"] < 0.9
            }
        )
        requests = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
        origin = urllib.parse.urlsplit(base).netloc
        results[key] = {
            "url": targets[key]["path"],
            "scores": scores,
            "audits_below_90": failing,
            "requests": len(requests),
            "transfer_kb": round(sum(item.get("transferSize", 0) for item in requests) / 1024, 1),
            "third_party": sorted(
                {
                    item["url"]
                    for item in requests
                    if urllib.parse.urlsplit(item["url"]).netloc not in {origin, ""}
                    and not item["url"].startswith("data:")
                }
            ),
        }
    results["lighthouse_version"] = json.loads(
        (LIGHTHOUSE.parent.parent / "package.json").read_text()
    )["version"]
    return results


# The machine ---------------------------------------------------------------------------------


def machine(runs):
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = models[0].strip() if models else platform.processor() or "unknown"
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    os_name = platform.platform()
    release = Path("/etc/os-release")
    if release.exists():
        found = re.search(r'^PRETTY_NAME="?([^"\n]+)', release.read_text(), re.MULTILINE)
        os_name = f"{found.group(1)} (Linux {platform.release()})" if found else os_name
    info = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": os_name,
        "python": platform.python_version(),
        "django": metadata.version("Django"),
        "wagtail": metadata.version("wagtail"),
        "gunicorn": metadata.version("gunicorn"),
        "sqlite": sqlite3.sqlite_version,
        "wrk": "wrk " + tool_version(["wrk", "-v"]),
    }
    for run in runs:
        if "postgres_version" in run:
            info["postgresql"] = run["postgres_version"]
        if "redis_version" in run:
            info["redis"] = run["redis_version"]
        if "lighthouse" in run:
            info["lighthouse"] = run["lighthouse"].get("lighthouse_version")
            info["chromium"] = "Chromium " + tool_version([chrome_path(), "--version"])
    return info


def tool_version(command):
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return "missing"
    found = re.search(r"\d+(?:\.\d+)+", completed.stdout or completed.stderr)
    return found.group(0) if found else "unknown"


# Targets and the report ----------------------------------------------------------------------


def evaluate(report):
    checks = []
    for run in report["runs"]:
        load, name = run["load"], run["label"]
        ceiling = load["ceiling"]["hit"]["rps"]
        for key in [*PAGES, "static"]:
            ratio = load[key]["hit"]["rps"] / ceiling if ceiling else 0
            checks.append(
                {
                    "target": f"{name}: {run['targets'][key]['label']} cache hit ≥ 50% of ceiling",
                    "value": f"{ratio:.0%}",
                    "met": ratio >= HIT_RATIO_TARGET,
                }
            )
        miss = load["comparison"]["miss"]["rps"]
        checks.append(
            {
                "target": f"{name}: largest comparison cache miss ≥ "
                f"{COMPARISON_MISS_RPS_TARGET} req/s",
                "value": f"{miss:.0f} req/s",
                "met": miss >= COMPARISON_MISS_RPS_TARGET,
            }
        )
        worst = max(run["queries"][key]["miss"] for key in PAGES)
        checks.append(
            {
                "target": f"{name}: no page above {MAX_QUERIES} queries on a miss",
                "value": f"at most {worst}",
                "met": 0 <= worst <= MAX_QUERIES,
            }
        )
        renditions = run["renditions"]
        created = renditions["after_load"] - renditions["before_load"]
        checks.append(
            {
                "target": f"{name}: no image rendition generated while serving, once warm",
                "value": f"{created} generated ({renditions['before_load']} after warming)",
                "met": created == 0,
            }
        )
        errors = sum(
            sum(figures["errors"].values()) for modes in load.values() for figures in modes.values()
        )
        checks.append(
            {
                "target": f"{name}: no errors or non-2xx responses under load",
                "value": str(errors),
                "met": errors == 0,
            }
        )
        if "lighthouse" in run:
            for key in LIGHTHOUSE_PAGES:
                scores = run["lighthouse"][key].get("scores", {})
                for category in LIGHTHOUSE_CATEGORIES:
                    score = scores.get(category)
                    checks.append(
                        {
                            "target": f"Lighthouse {category}, {run['targets'][key]['label']} "
                            f"≥ {LIGHTHOUSE_TARGET}",
                            "value": str(score),
                            "met": score is not None and score >= LIGHTHOUSE_TARGET,
                        }
                    )
        if "page_weight" in run:
            weight = run["page_weight"]
            checks.append(
                {
                    "target": f"Comparison page HTML+CSS+JS < {PAGE_WEIGHT_TARGET_KB} KB "
                    "compressed",
                    "value": f"{weight['html_css_js_gzip_kb']} KB",
                    "met": weight["html_css_js_gzip_kb"] < PAGE_WEIGHT_TARGET_KB,
                }
            )
            third_party = set(weight["third_party"]) | set(
                run["lighthouse"]["comparison"].get("third_party", [])
            )
            checks.append(
                {
                    "target": "Comparison page loads no third-party resources",
                    "value": ", ".join(sorted(third_party)) or "none",
                    "met": not third_party,
                }
            )
        if "stampede" in run:
            checks += stampede.evaluate(name, run["stampede"])
    if "cold" in report:
        checks += cold.evaluate(report["cold"])
        for scale, run in report["cold"]["scales"].items():
            checks += editors.evaluate(scale, run["editors"])
    checks += memory.evaluate(report)
    return checks


def render_markdown(report):
    machine_info = report["machine"]
    lines = [
        "# Candor benchmark: latest results",
        "",
        f"Run {report['date']} with `make bench`. Machine: {machine_info['cpu']}, "
        f"{machine_info['cores']} cores, {machine_info['memory']} RAM, {machine_info['os']}; "
        f"Python {machine_info['python']}, Django {machine_info['django']}, Wagtail "
        f"{machine_info['wagtail']}, gunicorn {machine_info['gunicorn']} "
        f"({WORKERS} sync workers), SQLite {machine_info['sqlite']}"
        + (f", PostgreSQL {machine_info['postgresql']}" if "postgresql" in machine_info else "")
        + (f", Redis {machine_info['redis']}" if "redis" in machine_info else "")
        + f". Load: {machine_info['wrk']} `{report['settings']['wrk']}` on the same machine.",
        "",
        f"Data (`bench/data.py`, scale {report['settings'].get('scale', 1)}): "
        + ", ".join(f"{count:,} {name}" for name, count in report["runs"][0]["data"].items())
        + "; 5 of the comparison pages compare 8 products on 60 criteria. A hit is a page "
        "served from the full-page cache; a miss is a page rendered afresh (a visitor whose "
        "session holds something, as an editor's does, is never served from it). Requests "
        "ask for gzip, as browsers do. Queries are counted per response through the whole "
        "stack. The ceiling is a bare view behind every middleware; a cache hit is answered "
        "before the session middleware, so it can beat the ceiling.",
    ]
    for run in report["runs"]:
        load = run["load"]
        ceiling = load["ceiling"]["hit"]["rps"]
        lines += [
            "",
            f"## {run['label']}",
            "",
            "| URL | hit req/s | hit p50 / p99 ms | hit / ceiling | miss req/s "
            "| miss p50 / p99 ms | miss / ceiling | queries miss / hit |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for key in ORDER:
            hit = load[key]["hit"]
            miss = load[key].get("miss")
            queries = run["queries"][key]
            label = run["targets"][key]["label"]
            row = [
                f"{label} `{run['targets'][key]['path']}`",
                f"{hit['rps']:.0f}",
                f"{hit['p50_ms']} / {hit['p99_ms']}",
                f"{hit['rps'] / ceiling:.0%}" if ceiling else "–",
            ]
            if miss:
                row += [
                    f"{miss['rps']:.0f}",
                    f"{miss['p50_ms']} / {miss['p99_ms']}",
                    f"{miss['rps'] / ceiling:.0%}" if ceiling else "–",
                ]
            else:
                row += ["–", "–", "–"]
            row.append(f"{queries['miss']} / {queries['hit']}")
            lines.append("| " + " | ".join(row) + " |")
        renditions = run["renditions"]
        busy = max(value or 0 for value in run["background_cpu_percent"].values())
        if busy > BUSY_WARNING_PERCENT:
            lines += [
                "",
                f"**Other processes kept the CPUs {busy:.0f}% busy around this run: the "
                "figures understate what the site does on a quiet machine.**",
            ]
        lines += [
            "",
            f"Image renditions: {renditions['before_load']} after warming, "
            f"{renditions['after_load']} after the load runs. CPU used by other processes "
            f"while the benchmark was idle: {run['background_cpu_percent']['before_load']}% "
            f"before the load runs, {run['background_cpu_percent']['after_load']}% after. Setup: "
            + ", ".join(f"{step} {seconds} s" for step, seconds in run["setup_seconds"].items())
            + ".",
        ]
        if "lighthouse" in run:
            lines += [
                "",
                f"### Lighthouse {run['lighthouse']['lighthouse_version']} (mobile), "
                f"{machine_info.get('chromium', '')}",
                "",
                "| page | performance | accessibility | best practices | SEO | audits below 90 |",
                "|---|---:|---:|---:|---:|---|",
            ]
            for key in LIGHTHOUSE_PAGES:
                result = run["lighthouse"][key]
                scores = result.get("scores", {})
                notes = ", ".join(result.get("audits_below_90", [])) or result.get("error", "")
                lines.append(
                    f"| {run['targets'][key]['label']} | "
                    + " | ".join(str(scores.get(name, "–")) for name in LIGHTHOUSE_CATEGORIES)
                    + f" | {notes} |"
                )
        if "page_weight" in run:
            weight = run["page_weight"]
            html = "compressed" if weight["html_served_compressed"] else "uncompressed"
            third_party = ", ".join(weight["third_party"]) or "none"
            lines += [
                "",
                f"Comparison page weight: {weight['html_css_js_gzip_kb']} KB compressed "
                f"({weight['html_css_js_uncompressed_kb']} KB uncompressed) for HTML, CSS and "
                f"JS; HTML served {html}; third-party resources: {third_party}.",
            ]
        if "stampede" in run:
            lines += stampede.markdown(run["label"], run["stampede"])
    if "cold" in report:
        lines += cold.markdown(report["cold"])
        lines += editors.markdown(
            {scale: run["editors"] for scale, run in report["cold"]["scales"].items()}
        )
    lines += memory.markdown(report)
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for check in report["targets"]:
        lines.append(
            f"| {check['target']} | {check['value']} | {'yes' if check['met'] else '**no**'} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
