"""WSGI entry point: gunicorn candor.wsgi"""

import gc
import os

from django.core.wsgi import get_wsgi_application

from candor.allocator import keep_large_buffers

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "candor.settings.production")

application = get_wsgi_application()

# A page rendered afresh makes hundreds of thousands of short-lived objects. At Python's
# default threshold (a collection every 700 new objects) the cyclic garbage collector
# ran through every render, and now and then walked every object the process holds:
# about a tenth of the mean render time of the largest pages (docs/benchmark.md). What
# start-up loaded is frozen out of those walks (and left shared between the workers of a
# server that loads the site before forking); young objects are collected less often.
gc.freeze()
gc.set_threshold(10_000, 20, 20)

# Large pages' buffers reused from one render to the next, not mapped afresh
# (candor.allocator).
keep_large_buffers()
