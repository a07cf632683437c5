"""The process bench/instructions.py counts: ``python -m bench.instructions_render PATH N``
starts the site as gunicorn's workers do (candor.wsgi, so with its garbage collector's
settings) and renders PATH N times through the WSGI application, asking for gzip as
browsers do. Exits non-zero if a render is not a 200."""

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


def main(path, renders):
    from candor.wsgi import application

    for _ in range(renders):
        render(application, path)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
