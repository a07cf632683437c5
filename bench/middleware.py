"""Counts the database queries behind one response, for the benchmark only.

Outermost in the stack (see ``CANDOR_BENCH`` in candor.settings.production), so a page
served from the full-page cache is counted too. It counts only when the request asks
with ``X-Bench-Queries: 1``; the load runs never do, so they measure the site as it is.
Loading this module also starts the log of renders when the stampede run asks for one
(bench/render_log.py)."""

from contextlib import ExitStack

from django.db import connections

from bench import render_log

render_log.register()

ASK_HEADER = "HTTP_X_BENCH_QUERIES"
ANSWER_HEADER = "X-Bench-Queries"


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(ASK_HEADER) != "1":
            return self.get_response(request)
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response[ANSWER_HEADER] = str(count)
        return response
