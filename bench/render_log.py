"""A line per page rendered, for the benchmark's stampede run (bench/stampede.py).

With ``CANDOR_BENCH_RENDER_LOG`` naming a file, every Wagtail page served (rendered,
not answered from the page cache) appends ``time port pid path`` to it. The line is
written where Wagtail starts serving the page (its ``before_serve_page`` hook), not
from a response header, so a render is counted however it comes about: for the
visitor who asked, for one waiting on another's render, or for a cache refilling
itself. Each line is one ``write`` to a file opened for appending, so lines from the
app servers' processes never interleave."""

import os
import time

from wagtail import hooks

LOG_ENV = "CANDOR_BENCH_RENDER_LOG"


def register():
    """Log renders to the file ``CANDOR_BENCH_RENDER_LOG`` names, if it names one."""
    path = os.environ.get(LOG_ENV)
    if not path:
        return
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def log_render(page, request, serve_args, serve_kwargs):
        port = request.META.get("SERVER_PORT", "")
        line = f"{time.time():.6f} {port} {os.getpid()} {request.get_full_path()}\n"
        os.write(descriptor, line.encode())

    hooks.register("before_serve_page", log_render)


def read(path):
    """The renders logged: (time, port, pid, path) tuples."""
    renders = []
    with open(path) as log:
        for line in log:
            parts = line.rstrip("\n").split(" ", 3)
            if len(parts) == 4:
                renders.append((float(parts[0]), parts[1], parts[2], parts[3]))
    return renders
