"""Instructions per render: ``make bench-instructions``.

Every public page type of the cold renders (bench/cold.py) rendered in one process,
through the site's WSGI application with its production settings and the caches off,
under valgrind's cachegrind, which counts the instructions run instead of timing them.
The same code gives the same count on a quiet machine and on a busy one, where renders
per second moved by a quarter from one hour to the next; so a change that saves a few
percent shows here, and the cold renders say whether a target is met.

Each page is counted twice, after the same warm-up and a garbage collection: once with
``--renders`` more renders than the other; the difference, divided, is one render.
Start-up and the first renders (templates compiled, the site remembered) are in both
and cancel out.

Options: ``--scale`` (the data set's, 1 by default; its database is kept in
bench/work/instructions-x1/, migrated on each run and loaded again only if missing),
``--renders`` (10), ``--only`` (pages whose label contains a word, such as
``comparison``). Needs valgrind (Debian's package). Not part of the test suite."""

import argparse
import shutil
import subprocess
import sys

from bench.harness import PYTHON, ROOT, WORK, log, manage, prepare, probe, site_env

WARM_UP = 3  # renders before counting: templates compiled, renditions made


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--renders", type=int, default=10)
    parser.add_argument("--only", default="", help="pages whose label contains this")
    options = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed: apt-get install valgrind")
    env = environment(options.scale)
    targets = probe(env, "cold_targets")
    targets.pop("data")
    targets = [t for t in targets.values() if options.only.lower() in t["label"].lower()]
    for target in targets:
        first_render(env, target["path"])
    rows = []
    for target in targets:
        fewer = instructions(env, target["path"], 0)
        more = instructions(env, target["path"], options.renders)
        per_render = (more - fewer) / options.renders / 1e6
        log(f"{target['label']}: {per_render:.1f} M instructions per render")
        rows.append((target["label"], target["path"], per_render))
    print(f"\n| page | M instructions per render (scale {options.scale}) |\n|---|---:|")
    for label, path, per_render in rows:
        print(f"| {label} `{path}` | {per_render:.1f} |")


def environment(scale):
    """The site's environment on a SQLite database of the data set at ``scale``, made
    the first time and kept."""
    folder = WORK / f"instructions-x{scale}"
    database = folder / "bench.sqlite3"
    config = {
        "folder": folder,
        "media": folder / "media",
        "database_url": f"sqlite:///{database}",
        "redis_url": "",
    }
    env = site_env(config, PAGE_CACHE_SECONDS="0")
    if not (folder / "ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        log(f"a database of the data set at {scale}x in {folder}")
        prepare(env, folder / "setup.log", scale=scale)
        (folder / "ready").touch()
    else:
        # Kept from an earlier run: brought up to this checkout's migrations and
        # static files (seconds), the data left as it was loaded.
        for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
            manage(env, *command, log_file=folder / "setup.log")
    return env


def first_render(env, path):
    """Render ``path`` once, uncounted: what a page's first render on a database
    leaves behind (its images' renditions) is made before the two counted processes,
    which would otherwise differ by it (on a new database, by more than the renders
    counted: a negative count)."""
    result = subprocess.run(
        [PYTHON, "-m", "bench.instructions_render", path, "1", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"{path}: {result.stdout}{result.stderr}")


def instructions(env, path, renders):
    """Instructions run by a process that starts the site, renders ``path`` to warm up,
    collects its garbage and renders it ``renders`` times more."""
    result = subprocess.run(
        [
            "valgrind", "--tool=cachegrind", "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            PYTHON, "-m", "bench.instructions_render", path, str(WARM_UP), str(renders),
        ],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"{path}: {result.stdout}{result.stderr}")
    for line in result.stderr.splitlines():
        # "==123== I   refs:      2,345,678,901"
        if "I" in line and "refs:" in line:
            return int(line.rsplit(":", 1)[1].replace(",", ""))
    raise RuntimeError(f"{path}: no instruction count in valgrind's output")


if __name__ == "__main__":
    main()
