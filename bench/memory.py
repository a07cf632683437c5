"""What the app server's workers hold in memory: each worker's resident memory read from
/proc when its server has done all its work (the last thing before it is stopped), for
every server the benchmark starts."""

import re
from pathlib import Path

TARGET_MB = 250


def worker_memory_mb(master):
    """Resident memory (VmRSS) of each worker of the gunicorn whose master is the
    process ``master``, in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:  # the process has gone
            continue
        parent = re.search(r"^PPid:\s+(\d+)", text, re.MULTILINE)
        resident = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
        if parent and resident and int(parent.group(1)) == master.pid:
            sizes.append(round(int(resident.group(1)) / 1024, 1))
    return sorted(sizes)


def all_servers(report):
    """{server: [MB of each worker]} over the whole report."""
    found = {}
    for run in report["runs"]:
        for server, sizes in run.get("memory_mb", {}).items():
            found[f"{run['label']}, {server}"] = sizes
    for scale, run in report.get("cold", {}).get("scales", {}).items():
        found[f"SQLite, cold renders at {scale}x"] = run["memory_mb"]
    return found


def evaluate(report):
    servers = all_servers(report)
    largest = max((size for sizes in servers.values() for size in sizes), default=None)
    return [
        {
            "target": f"Every worker's resident memory after its run < {TARGET_MB} MB",
            "value": f"at most {largest} MB" if largest is not None else "not measured",
            "met": largest is not None and largest < TARGET_MB,
        }
    ]


def markdown(report):
    lines = [
        "",
        "## Memory",
        "",
        "Resident memory (VmRSS) of each gunicorn worker when its server had done all its work.",
        "",
        "| server | workers (MB) |",
        "|---|---|",
    ]
    for server, sizes in all_servers(report).items():
        lines.append(f"| {server} | {', '.join(map(str, sizes)) or '–'} |")
    return lines
