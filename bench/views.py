"""Views that exist only while the benchmark runs (``CANDOR_BENCH=1``)."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.static import serve


@never_cache
def ceiling(request):
    """Nothing behind it: the fastest any response can be through the same
    middleware, WSGI server and workers. Every other URL is measured against it."""
    return HttpResponse(b"ok", content_type="text/plain")


def media(request, path):
    """Uploaded images, so pages load complete in the browser; a deployment serves
    them from its web server or object storage."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
