"""Cold renders: every public page type rendered with the page cache and the fragment
caches off (``PAGE_CACHE_SECONDS=0``), on SQLite with 2 workers, at each data scale
asked for (``--cold-scales 1,10``), so that what the first visitors after a change, an
editor's preview and a crawler of uncached URLs get is measured, and whether it grows
with the data. The same server then times the editors' screens (bench/editors.py) and
its workers' memory is read last."""

import re
import shutil

from bench.editors import editor_timings
from bench.harness import (
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
)
from bench.memory import worker_memory_mb

RENDERS_TARGET = 60  # renders/s of every page type
FLAT_TARGET = 1.5  # time of a render at 10x over its time at 1x


def cold_renders(options, reuse=None):
    """Every scale of ``--cold-scales``, each on a server of its own, all up at once:
    each page is driven at one scale and at once at the next, so that a machine whose
    speed drifts during the run (renders per second moved by a quarter from one hour to
    the next) moves both sides of a page's ratio alike. ``reuse``, the SQLite backend's
    configuration, saves loading the data set again at the scale it was loaded at."""
    scales = [int(scale) for scale in options.cold_scales.split(",") if scale.strip()]
    sites = [
        ColdSite(scale, reuse if reuse is not None and scale == options.scale else None)
        for scale in scales
    ]
    try:
        for offset, site in enumerate(sites):
            site.start(options.port + offset)
        for key in sites[0].targets if sites else ():
            for site in sites:
                site.drive(key, options)
        for site in sites:
            site.finish()
    finally:
        for site in sites:
            site.stop()
    runs = {str(site.scale): site.result() for site in sites}
    return {"scales": runs, "rows": compare(runs)}


class ColdSite:
    """The data set at one scale, served with the caches off by a gunicorn of its own."""

    def __init__(self, scale, config=None):
        self.scale = scale
        self.timings = {}
        if config is None:
            folder = WORK / f"cold-x{scale}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            config = {
                "folder": folder,
                "media": folder / "media",
                "database_url": f"sqlite:///{folder / 'bench.sqlite3'}",
                "redis_url": "",
            }
            log(f"cold renders at {scale}x: a database of its own")
            self.timings = prepare(site_env(config), folder / "setup.log", scale=scale)
        self.config = config
        self.env = site_env(config, PAGE_CACHE_SECONDS="0")
        self.targets = probe(self.env, "cold_targets")
        self.data = self.targets.pop("data")
        self.server = None
        self.editors = self.memory = None

    def start(self, port):
        self.base = f"http://127.0.0.1:{port}"
        log_file = self.config["folder"] / f"gunicorn-cold-x{self.scale}.log"
        self.server = start_gunicorn(self.env, port, log_file)
        wait_until_up(self.base + "/bench/ceiling/")
        add_evidence_page(self.base, self.targets)
        for target in self.targets.values():
            for _ in range(WORKERS + 1):  # image renditions are made on the first render
                status, _headers, _body, _size = fetch(self.base + target["path"])
            target["status"] = status

    def drive(self, key, options):
        target = self.targets.get(key)
        if target is None:
            return
        target["queries"] = count_queries(self.base + target["path"])
        target["load"] = drive(self.base + target["path"], "hit", options, "")
        log(f"cold {self.scale}x: {target['label']}: {target['load']['rps']:.0f} renders/s, "
            f"{target['queries']} queries")  # fmt: skip

    def finish(self):
        """The editors' screens, then the workers' memory once all is done."""
        self.editors = editor_timings(self.base, self.env)
        self.memory = worker_memory_mb(self.server)

    def stop(self):
        if self.server is not None:
            stop(self.server)

    def result(self):
        return {
            "data": self.data,
            "setup_seconds": self.timings,
            "targets": self.targets,
            "editors": self.editors,
            "memory_mb": self.memory,
        }


def add_evidence_page(base, targets):
    """A value's evidence page, linked from the largest comparison's table."""
    _status, _headers, body, _size = fetch(base + targets["comparison"]["path"])
    found = re.search(rb'href="([^"?#]*/evidence/[^"?#]+/)"', body)
    if found:
        targets["evidence"] = {"path": found.group(1).decode(), "label": "Evidence of a value"}


def count_queries(url):
    """The queries of a warm request: the fewest of a few, one more than the workers. A
    worker's first request since the site's version changed, or in a language it has
    not served yet, also loads what each worker remembers (home/process_memory.py), and
    which worker answers is the server's choice."""
    counts = []
    for _ in range(WORKERS + 1):
        _status, headers, _body, _size = fetch(url, {"X-Bench-Queries": "1"})
        counts.append(int(headers.get("X-Bench-Queries", -1)))
    return min(counts)


def compare(runs):
    """One row per page: renders/s and queries at the smallest and the largest scale,
    and how much longer a render takes at the largest."""
    if not runs:
        return []
    low = runs[min(runs, key=int)]
    high = runs[max(runs, key=int)] if len(runs) > 1 else {"targets": {}}
    rows = []
    for key, target in low["targets"].items():
        other = high["targets"].get(key, {})
        rps_low = target["load"]["rps"]
        rps_high = other.get("load", {}).get("rps")
        rows.append(
            {
                "key": key,
                "label": target["label"],
                "path": target["path"],
                "rps": {"low": rps_low, "high": rps_high},
                "p50_ms": {
                    "low": target["load"]["p50_ms"],
                    "high": other.get("load", {}).get("p50_ms"),
                },
                "p99_ms": {
                    "low": target["load"]["p99_ms"],
                    "high": other.get("load", {}).get("p99_ms"),
                },
                "queries": {"low": target["queries"], "high": other.get("queries")},
                "time_ratio": round(rps_low / rps_high, 2) if rps_high else None,
            }
        )
    return rows


def evaluate(cold):
    """The targets: renders/s of every page at every scale, and flat with the data."""
    checks = []
    scales = sorted(cold["scales"], key=int)
    for scale in scales:
        answered = cold["scales"][scale]["targets"].values()
        failed = [
            target["path"]
            for target in answered
            if target["status"] != 200 or sum(target["load"]["errors"].values())
        ]
        checks.append(
            {
                "target": f"Cold render at {scale}x: every page answers 200, no errors",
                "value": ", ".join(failed) or "all",
                "met": not failed,
            }
        )
        for target in cold["scales"][scale]["targets"].values():
            rps = target["load"]["rps"]
            checks.append(
                {
                    "target": f"Cold render at {scale}x, {target['label']}: "
                    f"≥ {RENDERS_TARGET} renders/s",
                    "value": f"{rps:.0f} renders/s",
                    "met": rps >= RENDERS_TARGET,
                }
            )
    if len(scales) > 1:
        for row in cold["rows"]:
            ratio, queries = row["time_ratio"], row["queries"]
            checks.append(
                {
                    "target": f"{row['label']}: render time at {scales[-1]}x ≤ "
                    f"{FLAT_TARGET} × at {scales[0]}x",
                    "value": f"{ratio}×" if ratio else "not measured",
                    "met": ratio is not None and ratio <= FLAT_TARGET,
                }
            )
            checks.append(
                {
                    "target": f"{row['label']}: same queries at {scales[-1]}x as at {scales[0]}x",
                    "value": f"{queries['low']} / {queries['high']}",
                    "met": queries["low"] == queries["high"],
                }
            )
    return checks


def markdown(cold):
    """The cold-render section of the report."""
    scales = sorted(cold["scales"], key=int)
    low, high = scales[0], (scales[-1] if len(scales) > 1 else "–")
    lines = [
        "",
        "## Cold renders (page cache and fragment caches off)",
        "",
        f"gunicorn, {WORKERS} workers, SQLite, production settings, `PAGE_CACHE_SECONDS=0`: "
        "every request is rendered. Data at each scale: "
        + "; ".join(
            f"{scale}x: "
            + ", ".join(
                f"{count:,} {name}" for name, count in cold["scales"][scale]["data"].items()
            )
            for scale in scales
        )
        + ".",
        "",
        f"| page | renders/s {low}x | renders/s {high}x | p50 / p99 ms {low}x "
        f"| p50 / p99 ms {high}x | time {high}x / {low}x | queries {low}x / {high}x |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in cold["rows"]:
        rps, p50, p99, queries = row["rps"], row["p50_ms"], row["p99_ms"], row["queries"]
        measured = rps["high"] is not None
        lines.append(
            f"| {row['label']} `{row['path']}` | {rps['low']:.0f} | "
            + (f"{rps['high']:.0f}" if measured else "–")
            + f" | {p50['low']} / {p99['low']} | "
            + (f"{p50['high']} / {p99['high']}" if measured else "–")
            + f" | {row['time_ratio'] or '–'} | {queries['low']} / "
            + (f"{queries['high']}" if measured else "–")
            + " |"
        )
    lines += [
        "",
        f"Targets: ≥ {RENDERS_TARGET} renders/s for every page at every scale; time at "
        f"{high}x ≤ {FLAT_TARGET} × time at {low}x; the same number of queries. Setup: "
        + "; ".join(
            f"{scale}x "
            + (
                ", ".join(f"{step} {seconds} s" for step, seconds in setup.items())
                or "the SQLite run's database"
            )
            for scale in scales
            for setup in [cold["scales"][scale]["setup_seconds"]]
        )
        + ".",
    ]
    return lines
