"""The stampede after a change: while wrk loads 200 cached URLs of every page type at a
steady rate, the site settings (which every page shows: the company name) are saved
every ``--stampede-every`` seconds by a separate process, as the admin saves them. On
SQLite one app server; on PostgreSQL with Redis two, sharing it. Each server's cache is
the one the site uses in that configuration.

Measured: errors and latency under the load; renders of each URL per change per app
server, counted from the log of renders (bench/render_log.py; the checker's requests
count too), whose maximum should be 1; and staleness: once each change has committed,
a checker fetches every URL from every server and counts pages that do not show that
change's marker yet."""

import re
import subprocess
import threading
import time
from collections import Counter, defaultdict

from bench import render_log
from bench.harness import (
    WORKERS,
    WRK_SCRIPT,
    fetch,
    log,
    probe,
    site_env,
    sitemap_paths,
    start_gunicorn,
    stop,
    wait_until_up,
    wrk_figures,
)
from bench.memory import worker_memory_mb

URLS = 200
CONNECTIONS = 8  # per app server
P99_TARGET_MS = 1000
MARKER = re.compile(rb"bench-change-(\d+)")


def run_stampede(config, options):
    folder = config["folder"]
    servers = 2 if config["name"] == "postgres" and config["redis_url"] else 1
    renders_log = folder / "renders.log"
    renders_log.unlink(missing_ok=True)
    env = site_env(config, **{render_log.LOG_ENV: str(renders_log)})
    ports = [options.port + n for n in range(servers)]
    processes = {
        port: start_gunicorn(env, port, folder / f"gunicorn-stampede-{port}.log") for port in ports
    }
    try:
        for port in ports:
            wait_until_up(f"http://127.0.0.1:{port}/bench/ceiling/")
        log(f"stampede: {servers} app server(s), warming {URLS} cached URLs")
        paths = warm(ports, candidates(f"http://127.0.0.1:{ports[0]}"))
        paths_file = folder / "stampede-paths.txt"
        paths_file.write_text("\n".join(paths) + "\n")
        changes, checks, load = change_under_load(env, options, ports, paths, paths_file)
        memory = {f"stampede, server :{port}": worker_memory_mb(processes[port]) for port in ports}
    finally:
        for process in processes.values():
            stop(process)
    return {
        "servers": servers,
        "urls": len(paths),
        "rate": options.stampede_rate,
        "duration": options.stampede_duration,
        "every": options.stampede_every,
        "cache": "Redis" if config["redis_url"] else "local memory",
        "load": load,
        "changes": changes,
        "checks": checks,
        "renders": count_renders(render_log.read(renders_log), changes, load["ended"]),
        "memory_mb": memory,
    }


def candidates(base):
    """The sitemap's paths, taken in turn from each kind of page (its section and
    depth), so every page type is in the mix."""
    kinds = defaultdict(list)
    for path in sitemap_paths(base):
        parts = [part for part in path.split("/") if part]
        kinds[(parts[0] if parts else "", len(parts))].append(path)
    queues = [kinds[kind] for kind in sorted(kinds)]
    ordered = []
    while any(queues):
        ordered += [queue.pop(0) for queue in queues if queue]
    return ordered


def warm(ports, paths):
    """The first URLS of ``paths`` that the page cache keeps (a page with a form is
    never stored), each in the cache of every server, every worker for a local-memory
    cache."""
    cached = []
    for path in paths:
        kept = True
        for port in ports:
            for _ in range(2 * WORKERS):
                _status, headers, _body, _size = fetch(f"http://127.0.0.1:{port}{path}")
            kept = kept and headers.get("X-Cache") == "hit"
        if kept:
            cached.append(path)
        if len(cached) == URLS:
            break
    return cached


def change_under_load(env, options, ports, paths, paths_file):
    rate = options.stampede_rate / len(ports)
    loads = [
        subprocess.Popen(
            [
                "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{options.stampede_duration}s", "--latency",
                "--timeout", "10s", "-s", str(WRK_SCRIPT), f"http://127.0.0.1:{port}", "--",
                "paths", str(paths_file), str(rate), str(n * len(paths) // len(ports)),
                str(CONNECTIONS),
            ],
            stdout=subprocess.PIPE, text=True,
        )
        for n, port in enumerate(ports)
    ]  # fmt: skip
    started = time.time()
    changes, checks, checkers = [], [], []
    number = 0
    while True:
        number += 1
        due = started + number * options.stampede_every
        if due > started + options.stampede_duration - 1:
            break
        time.sleep(max(0, due - time.time()))
        began = time.time()
        saved = probe(env, "change", f"bench-change-{number}")
        changes.append({"number": number, "began": began, "committed": saved["committed"]})
        log(f"stampede: change {number} committed after {saved['committed'] - began:.1f} s")
        checker = threading.Thread(target=check, args=(number, ports, paths, checks))
        checker.start()
        checkers.append(checker)
    outputs = [load.communicate()[0] for load in loads]
    ended = time.time()
    for checker in checkers:
        checker.join()
    figures = {str(port): wrk_figures(output) for port, output in zip(ports, outputs, strict=True)}
    return (
        changes,
        sorted(checks, key=lambda item: item["change"]),
        {
            "servers": figures,
            "started": started,
            "ended": ended,
        },
    )


def check(number, ports, paths, checks):
    """Every URL from every server once change ``number`` has committed: a page that
    shows an earlier marker (or none) is stale."""
    began = time.monotonic()
    stale, errors = [], 0
    for port in ports:
        for path in paths:
            status, _headers, body, _size = fetch(f"http://127.0.0.1:{port}{path}")
            if status != 200:
                errors += 1
                continue
            shown = [int(found) for found in MARKER.findall(body)]
            if not shown or max(shown) < number:
                stale.append(f":{port}{path}")
    checks.append(
        {
            "change": number,
            "fetched": len(ports) * len(paths),
            "stale": len(stale),
            "stale_examples": stale[:5],
            "errors": errors,
            "seconds": round(time.monotonic() - began, 1),
        }
    )


def count_renders(renders, changes, ended):
    """Renders of each URL in the interval after each change, per app server and per
    worker: the largest counts, and how many renders each change caused."""
    before = sum(1 for when, *_ in renders if changes and when < changes[0]["committed"])
    per_change = []
    for n, change in enumerate(changes):
        until = changes[n + 1]["committed"] if n + 1 < len(changes) else ended
        inside = [render for render in renders if change["committed"] <= render[0] < until]
        by_server = Counter((port, path) for _when, port, _pid, path in inside)
        by_worker = Counter((pid, path) for _when, _port, pid, path in inside)
        per_change.append(
            {
                "change": change["number"],
                "renders": len(inside),
                "urls_rendered": len({path for *_, path in inside}),
                "max_per_url_per_server": max(by_server.values(), default=0),
                "urls_rendered_more_than_once_by_a_server": sum(
                    1 for count in by_server.values() if count > 1
                ),
                "max_per_url_per_worker": max(by_worker.values(), default=0),
            }
        )
    return {
        "before_first_change": before,
        "per_change": per_change,
        "max_per_url_per_server": max(
            (item["max_per_url_per_server"] for item in per_change), default=0
        ),
    }


def evaluate(label, result):
    """The targets of one backend's stampede run."""
    servers = result["load"]["servers"].values()
    errors = sum(sum(figures["errors"].values()) for figures in servers)
    errors += sum(check["errors"] for check in result["checks"])
    p99 = max((figures["p99_ms"] for figures in servers), default=0)
    renders = result["renders"]["max_per_url_per_server"]
    stale = sum(check["stale"] for check in result["checks"])
    return [
        {
            "target": f"{label}: stampede, no errors or non-2xx responses",
            "value": str(errors),
            "met": errors == 0,
        },
        {
            "target": f"{label}: stampede, p99 < {P99_TARGET_MS} ms",
            "value": f"{p99} ms",
            "met": p99 < P99_TARGET_MS,
        },
        {
            "target": f"{label}: stampede, each URL rendered at most once per change per "
            "app server",
            "value": f"at most {renders}",
            "met": renders <= 1,
        },
        {
            "target": f"{label}: stampede, no page without the change once it has committed",
            "value": f"{stale} stale of {sum(check['fetched'] for check in result['checks'])}",
            "met": stale == 0 and bool(result["checks"]),
        },
    ]


def markdown(label, result):
    """The stampede section of one backend's report."""
    lines = [
        "",
        f"### Stampede after a change: {label}, {result['servers']} app server(s)",
        "",
        f"wrk cycles through {result['urls']} cached URLs of every page type at "
        f"{result['rate']} req/s in all for {result['duration']} s; the site settings "
        "(the company name every page shows) are saved by a separate process every "
        f"{result['every']} s (a change counts from when its save has committed).",
        "",
        "| app server | req/s | p50 / p99 ms | errors |",
        "|---|---:|---:|---:|",
    ]
    for port, figures in result["load"]["servers"].items():
        errors = sum(figures["errors"].values())
        lines.append(
            f"| :{port} | {figures['rps']:.0f} | {figures['p50_ms']} / {figures['p99_ms']} "
            f"| {errors} |"
        )
    lines += [
        "",
        "| change | renders | URLs rendered | most renders of a URL by a server | URLs "
        "rendered twice or more by a server | most by a worker | stale after commit | "
        "check took |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    checks = {check["change"]: check for check in result["checks"]}
    for item in result["renders"]["per_change"]:
        check = checks.get(item["change"], {})
        lines.append(
            f"| {item['change']} | {item['renders']} | {item['urls_rendered']} | "
            f"{item['max_per_url_per_server']} | "
            f"{item['urls_rendered_more_than_once_by_a_server']} | "
            f"{item['max_per_url_per_worker']} | {check.get('stale', '–')} of "
            f"{check.get('fetched', '–')} | {check.get('seconds', '–')} s |"
        )
    examples = [path for check in result["checks"] for path in check["stale_examples"]]
    if examples:
        lines += ["", "Stale pages, for example: " + ", ".join(f"`{p}`" for p in examples[:5])]
        if result.get("cache") == "local memory":
            lines += [
                "",
                "The cache is each worker's local memory: the versions a save bumps are "
                "those of the process that saved, so a save in any other process (another "
                "worker, a command, the checker's separate process here) leaves these "
                "workers serving the pages they had.",
            ]
    return lines
