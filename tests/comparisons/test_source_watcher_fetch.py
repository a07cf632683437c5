"""The watcher reads a source politely and safely, and whatever the source does it
comes back with a state an editor can read, never a crash."""

import socket

import pytest

from comparisons.models import SourceState
from comparisons.sources.fetch import SourceFetcher
from comparisons.sources.text import contains_excerpt, fingerprint, readable_text, searchable
from tests.comparisons.source_server import EXCERPT, PAGE, SLOW_SECONDS


def read(url):
    return SourceFetcher().read(url)


def test_a_page_is_read_as_its_readable_text(source_server):
    reading = read(source_server.url("/pricing"))

    assert (reading.state, reading.http_status) == (SourceState.OK, 200)
    assert "SAML single sign-on is included in every plan." in reading.text
    # Scripts, styles and noscript are not what a reader reads.
    assert "tracking" not in reading.text and "display" not in reading.text
    assert "Enable JavaScript" not in reading.text


def test_the_watcher_says_who_it_is(source_server, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://candor.example"

    read(source_server.url("/pricing"))

    agents = {agent for _path, agent in source_server.requests}
    assert agents == {"CandorSourceWatcher/1.0 (+https://candor.example/how-we-compare/)"}


@pytest.mark.parametrize(
    ("path", "state", "status"),
    [
        ("/missing", SourceState.GONE, 404),
        ("/removed", SourceState.GONE, 410),
        ("/broken", SourceState.SERVER_ERROR, 500),
        ("/whitepaper.pdf", SourceState.NOT_HTML, 200),
        ("/loop-a", SourceState.REDIRECT_LOOP, None),
        ("/members/pricing", SourceState.ROBOTS, None),
    ],
)
def test_each_problem_is_recorded_with_its_own_state(source_server, path, state, status):
    reading = read(source_server.url(path))

    assert (reading.state, reading.http_status) == (state, status)
    assert reading.detail and not reading.text


def test_a_path_robots_txt_disallows_is_never_fetched(source_server):
    read(source_server.url("/members/pricing"))

    assert source_server.paths() == ["/robots.txt"]


def test_robots_txt_is_read_once_per_host_per_run(source_server):
    fetcher = SourceFetcher()
    for path in ("/pricing", "/changed", "/missing"):
        fetcher.read(source_server.url(path))

    assert source_server.paths().count("/robots.txt") == 1


def test_a_source_the_watcher_did_not_foresee_is_recorded_not_raised(source_server, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("parser gave up")

    monkeypatch.setattr("comparisons.sources.fetch.readable_text", fail)

    reading = read(source_server.url("/pricing"))

    assert reading.state == SourceState.UNREACHABLE
    assert "parser gave up" in reading.detail


def test_a_permanent_redirect_to_another_page_is_a_move(source_server):
    reading = read(source_server.url("/old-pricing"))

    assert (reading.state, reading.http_status) == (SourceState.MOVED, 301)
    assert reading.final_url == source_server.url("/pricing")


def test_a_temporary_redirect_is_followed(source_server):
    reading = read(source_server.url("/campaign"))

    assert reading.state == SourceState.OK
    assert reading.final_url == source_server.url("/pricing")


def test_a_permanent_redirect_to_the_same_page_with_a_slash_is_followed(source_server):
    reading = read(source_server.url("/plans"))

    assert reading.state == SourceState.OK
    assert reading.final_url == source_server.url("/plans/")


def test_a_body_over_the_size_limit_is_not_read_to_the_end(source_server):
    reading = read(source_server.url("/huge"))

    assert reading.state == SourceState.TOO_LARGE
    assert "2097152 bytes" in reading.detail


def test_a_slow_source_times_out(source_server, settings):
    settings.SOURCE_WATCHER_TIMEOUT = 0.5

    reading = read(source_server.url("/slow"))

    assert reading.state == SourceState.TIMED_OUT
    assert SLOW_SECONDS > 0.5


def test_an_invalid_certificate_is_a_tls_error(tls_source_server):
    reading = read(tls_source_server.url("/pricing"))

    assert reading.state == SourceState.TLS_ERROR
    assert tls_source_server.paths() == []


def test_a_private_address_is_refused_unless_allowed(source_server, settings):
    settings.SOURCE_WATCHER_ALLOW_PRIVATE = False

    reading = read(source_server.url("/pricing"))

    assert reading.state == SourceState.PRIVATE_ADDRESS
    assert source_server.requests == []


def test_a_name_resolving_to_a_private_network_is_refused(monkeypatch, settings):
    settings.SOURCE_WATCHER_ALLOW_PRIVATE = False

    def resolve(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)

    reading = read("https://intranet.vendor.example/pricing")

    assert reading.state == SourceState.PRIVATE_ADDRESS
    assert "intranet.vendor.example" in reading.detail


@pytest.mark.parametrize("address", ["http://[::1]/", "http://169.254.169.254/latest/"])
def test_loopback_and_link_local_addresses_are_refused(address, settings):
    settings.SOURCE_WATCHER_ALLOW_PRIVATE = False

    assert read(address).state == SourceState.PRIVATE_ADDRESS


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://vendor.example/pricing.txt"])
def test_only_web_addresses_are_fetched(address):
    reading = read(address)

    assert reading.state == SourceState.UNREACHABLE
    assert "not a web address" in reading.detail


def test_a_domain_that_no_longer_resolves_is_gone(monkeypatch):
    def resolve(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)

    reading = read("https://defunct-vendor.example/pricing")

    assert reading.state == SourceState.GONE
    assert "does not resolve" in reading.detail


def test_requests_to_one_host_are_spaced_out(source_server, settings):
    settings.SOURCE_WATCHER_HOST_DELAY = 5
    waits = []
    clock = iter(range(100)).__next__
    fetcher = SourceFetcher(sleep=waits.append, clock=lambda: float(clock()))

    fetcher.read(source_server.url("/pricing"))
    fetcher.read(source_server.url("/changed"))

    # robots.txt, then each page: every request after the first waited its turn.
    assert len(source_server.requests) == 3
    assert len(waits) == 2 and all(0 < wait <= 5 for wait in waits)


def test_excerpts_are_matched_whatever_the_width_case_and_spacing():
    text = searchable(readable_text("<p>ＳＡＭＬシングル\nサインオンは 全プランに含まれます。</p>"))

    assert contains_excerpt(text, "SAMLシングルサインオンは全プランに含まれます。")
    assert contains_excerpt(text, "saml シングルサインオン")
    assert not contains_excerpt(text, "SAMLは有料オプションです。")


def test_a_malicious_excerpt_is_compared_as_text():
    page = searchable(readable_text(PAGE))
    script = "<script>alert(1)</script>"
    formula = "=cmd|' /C calc'!A0"

    assert not contains_excerpt(page, script)
    assert not contains_excerpt(page, formula)
    # On a page that shows them as text, they are found as text.
    shown = searchable(
        readable_text("<p>&lt;script&gt;alert(1)&lt;/script&gt; =cmd|' /C calc'!A0</p>")
    )
    assert contains_excerpt(shown, script) and contains_excerpt(shown, formula)


def test_the_fingerprint_follows_the_words_not_the_markup():
    assert fingerprint(readable_text(PAGE)) == fingerprint(
        readable_text(PAGE.replace("<b>", "<em>").replace("</b>", "</em>"))
    )
    assert fingerprint(readable_text(PAGE)) != fingerprint(readable_text(PAGE + "<p>New</p>"))
    assert len(fingerprint("x")) == 64
    assert EXCERPT  # the page says it
