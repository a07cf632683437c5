"""Pages compressed for browsers that accept gzip, with zlib-ng.

Django's GZipMiddleware compresses with Python's zlib. A page is compressed once, as
it is rendered, and stored that way by the page cache; but every page rendered afresh
pays for it: 2.7 ms of the largest comparison's 31 ms (its 370 KB of HTML). zlib-ng
makes the same deflate stream, as small at the same level (23.3 KB for that page, as
before), in 1.4 ms (docs/benchmark.md). Everything else is Django's: which responses
are compressed, the Vary header, the weakened ETag and the random padding in the gzip
header against BREACH."""

import gzip
import secrets

from django.middleware import gzip as django_gzip
from django.utils.cache import patch_vary_headers

from zlib_ng import gzip_ng

LEVEL = 6  # Django's


def compress(content, max_random_bytes):
    """``content`` gzipped, with up to ``max_random_bytes`` of padding in the header's
    file name, as django.utils.text.compress_string pads it."""
    data = gzip_ng.compress(content, compresslevel=LEVEL, mtime=0)
    header = bytearray(data[:10])
    header[3] = gzip.FNAME
    padding = b"a" * secrets.randbelow(max_random_bytes) + b"\x00"
    return bytes(header) + padding + data[10:]


class GZipMiddleware(django_gzip.GZipMiddleware):
    def process_response(self, request, response):
        # Streamed responses (exports) are compressed as they are sent, by Django.
        if response.streaming:
            return super().process_response(request, response)
        if len(response.content) < 200 or response.has_header("Content-Encoding"):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not django_gzip.re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        compressed = compress(response.content, self.max_random_bytes)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response
