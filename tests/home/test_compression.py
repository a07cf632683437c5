"""Pages are gzipped for browsers that accept it, as Django's GZipMiddleware would
(home/compression.py), with zlib-ng."""

import gzip

from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

import pytest

from home.compression import GZipMiddleware, compress

# Rows of a table, alike as a comparison's are, and not all the same.
PAGE = "".join(
    f'<tr><th scope="row">Criterion {n}</th><td>{n * 37 % 101} seats, verified '
    f'<time datetime="2026-08-{n % 28 + 1:02}">{n % 28 + 1} Aug 2026</time></td></tr>\n'
    for n in range(400)
).encode()


def respond(response, accept="gzip, deflate, br"):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept)
    return GZipMiddleware(lambda request: response)(request)


def test_a_page_is_sent_gzipped_and_reads_the_same():
    response = respond(HttpResponse(PAGE))

    assert response["Content-Encoding"] == "gzip"
    assert response["Vary"] == "Accept-Encoding"
    assert gzip.decompress(response.content) == PAGE
    assert int(response["Content-Length"]) == len(response.content) < len(PAGE) / 10


def test_a_page_is_as_small_as_pythons_zlib_makes_it():
    ours = len(compress(PAGE, max_random_bytes=1))

    assert ours <= len(gzip.compress(PAGE, compresslevel=6, mtime=0)) * 1.02


def test_the_gzip_header_is_padded_at_random_against_breach():
    sizes = {len(compress(PAGE, max_random_bytes=100)) for _ in range(30)}

    assert len(sizes) > 1
    assert gzip.decompress(compress(PAGE, max_random_bytes=100)) == PAGE


def test_a_strong_etag_is_weakened_as_the_bytes_change():
    page = HttpResponse(PAGE, headers={"ETag": '"v1"'})

    assert respond(page)["ETag"] == 'W/"v1"'


@pytest.mark.parametrize(
    ("response", "accept"),
    [
        (HttpResponse(PAGE), "identity"),
        (HttpResponse(b"<p>short</p>"), "gzip"),
        (HttpResponse(PAGE, headers={"Content-Encoding": "br"}), "gzip"),
    ],
    ids=["not accepted", "too short to gain", "already encoded"],
)
def test_a_response_is_left_as_it_is(response, accept):
    before = response.content

    sent = respond(response, accept)

    assert sent.content == before
    assert sent.get("Content-Encoding") != "gzip"


def test_a_streamed_export_is_gzipped_as_it_is_sent():
    rows = (f"row {number},Fernhill Desk\n".encode() for number in range(2000))

    response = respond(StreamingHttpResponse(rows, content_type="text/csv"))

    assert response["Content-Encoding"] == "gzip"
    body = gzip.decompress(b"".join(response.streaming_content))
    assert body.splitlines()[1999] == b"row 1999,Fernhill Desk"
