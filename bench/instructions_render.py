"""The process bench/instructions.py counts: ``python -m bench.instructions_render PATH
WARM N`` starts the site as gunicorn's workers do (candor.wsgi, so with its garbage
collector's settings), renders PATH WARM times through the WSGI application, asking for
gzip as browsers do, collects the garbage, and renders it N times more. Exits non-zero
if a render is not a 200.

The collection between the two puts every counted process in the same state before
its last N renders: without it, a full collection fell in one of the two processes
compared and not the other, and moved a page's figure by up to a tenth."""

import gc
import sys
from io import BytesIO
from wsgiref.util import setup_testing_defaults


def render(application, path):
    path, _, query = path.partition("?")
    environ = {
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "127.0.0.1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate",
        "wsgi.input": BytesIO(),
    }
    setup_testing_defaults(environ)
    statuses = []
    body = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        for _chunk in body:
            pass
    finally:
        if hasattr(body, "close"):
            body.close()
    if not statuses[0].startswith("200"):
        sys.exit(f"{path}: {statuses[0]}")


def main(path, warm_up, renders):
    from candor.wsgi import application

    for _ in range(warm_up):
        render(application, path)
    gc.collect()
    for _ in range(renders):
        render(application, path)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
