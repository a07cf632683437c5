"""A local web server playing every kind of source the watcher meets: a vendor page
saying what the fact says, one that stopped saying it, pages gone or moved, redirect
loops, huge and slow answers, a PDF, a path robots.txt forbids, a broken server; and
the same over HTTPS with a self-signed certificate."""

import shutil
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

EXCERPT = "SAML single sign-on is included in every plan."
PAGE = """<!doctype html>
<html><head><title>Tidewell pricing</title>
<style>.hidden { display: none }</style>
<script>var tracking = "Included in every plan? No.";</script></head>
<body><h1>Pricing</h1>
<p>SAML single sign-on
   is <b>included</b> in every plan.</p>
<noscript>Enable JavaScript for the calculator.</noscript>
</body></html>"""
WITHOUT_EXCERPT = "<html><body><p>SAML single sign-on is a paid add-on.</p></body></html>"
# Full-width letters and digits, as Japanese pages often write them.
JAPANESE = "<html><body><p>ＳＡＭＬシングルサインオンは\n全プランに含まれます。</p></body></html>"
HUGE_BYTES = 5 * 1024 * 1024
SLOW_SECONDS = 2
DRIP_SECONDS = 0.1

REDIRECTS = {
    "/old-pricing": (301, "/pricing"),
    "/plans": (301, "/plans/"),
    "/campaign": (302, "/pricing"),
    "/loop-a": (302, "/loop-b"),
    "/loop-b": (302, "/loop-a"),
    "/to-script": (301, "javascript:alert(document.domain)//"),
}
STATUSES = {"/missing": 404, "/removed": 410, "/broken": 500}


class SourceHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        path = self.path
        if path in self.server.overrides:
            return self.server.overrides[path](self)
        if path == "/robots.txt":
            return self.send("User-agent: *\nDisallow: /members/\n", "text/plain")
        if path in ("/pricing", "/plans/", "/members/pricing"):
            return self.send(PAGE)
        if path == "/changed":
            return self.send(WITHOUT_EXCERPT)
        if path == "/japanese":
            return self.send(JAPANESE, "text/html; charset=utf-8")
        if path in REDIRECTS:
            status, location = REDIRECTS[path]
            self.send_response(status)
            self.send_header("Location", location)
            self.end_headers()
            return None
        if path in STATUSES:
            return self.send("<p>Sorry</p>", status=STATUSES[path])
        if path == "/whitepaper.pdf":
            return self.send("%PDF-1.7", "application/pdf")
        if path == "/huge":
            return self.huge()
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
            return self.send(PAGE)
        if path == "/drip":
            return self.drip_body()
        if path == "/drip-headers":
            return self.drip_headers()
        return self.send("<p>Not here</p>", status=404)

    def send(self, body, content_type="text/html; charset=utf-8", status=200):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def drip_body(self):
        """A page of 100 bytes, sent one byte every DRIP_SECONDS."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100")
        self.end_headers()
        self.drip([b"x"] * 100)

    def drip_headers(self):
        """Headers that never end, one line every DRIP_SECONDS."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        self.drip([b"X-Filler: y\r\n"] * 100)

    def drip(self, pieces):
        try:
            for piece in pieces:
                self.wfile.write(piece)
                self.wfile.flush()
                time.sleep(DRIP_SECONDS)
        except OSError:
            pass  # the watcher hung up at its deadline, as it should

    def huge(self):
        """5 MB of HTML with no Content-Length: only reading it shows its size."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"
        try:
            for _ in range(HUGE_BYTES // len(chunk) + 1):
                self.wfile.write(chunk)
        except OSError:
            pass  # the watcher stopped reading, as it should


class SourceServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, context=None):
        super().__init__(("127.0.0.1", 0), SourceHandler)
        self.requests = []
        # {path: handler(request)}: a test's own answer for a path, e.g. its robots.txt.
        self.overrides = {}
        if context is not None:
            self.socket = context.wrap_socket(self.socket, server_side=True)
        scheme = "https" if context is not None else "http"
        self.root = f"{scheme}://127.0.0.1:{self.server_address[1]}"
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request, client_address):
        pass  # a client that hangs up, a TLS handshake refused: the test sees its side

    def url(self, path):
        return self.root + path

    def paths(self):
        return [path for path, _agent in self.requests]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


@pytest.fixture
def source_server(settings):
    """The local server, which the watcher may read only because the test says so."""
    settings.SOURCE_WATCHER_ALLOW_PRIVATE = True
    settings.SOURCE_WATCHER_HOST_DELAY = 0
    with SourceServer() as server:
        settings.SOURCE_WATCHER_ALLOWED_PORTS = [80, 443, server.server_address[1]]
        yield server


@pytest.fixture
def tls_source_server(settings, tmp_path):
    """The same server over HTTPS, with a self-signed certificate no browser trusts."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed: no self-signed certificate to serve")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(  # noqa: S603 (fixed arguments)
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    settings.SOURCE_WATCHER_ALLOW_PRIVATE = True
    with SourceServer(context) as server:
        settings.SOURCE_WATCHER_ALLOWED_PORTS = [80, 443, server.server_address[1]]
        yield server
