"""What a hostile source does cannot reach past the watcher: a redirect to a script,
a name that resolves elsewhere when connected to, a page or headers sent slowly enough
to hold the run, an address on a network that is not the internet, a port that is not
the web's, a robots.txt that is unavailable."""

import socket
import time

import pytest

from comparisons.models import SourceState, WatchedSource
from comparisons.sources.addresses import Refused, web_host
from comparisons.sources.fetch import SourceFetcher
from comparisons.sources.watch import watch_sources
from tests.comparisons.factories import FactFactory, ProductFactory


def read(url):
    return SourceFetcher().read(url)


@pytest.mark.django_db
def test_a_redirect_to_a_script_is_not_recorded_as_a_move(source_server, site_settings):
    FactFactory(product=ProductFactory(), source_url=source_server.url("/to-script"))

    watch_sources()

    source = WatchedSource.objects.get()
    assert source.state == SourceState.UNREACHABLE
    assert source.final_url == ""
    assert "javascript:alert(document.domain)//" in source.detail


def test_a_name_that_resolves_elsewhere_when_connecting_never_reaches_it(
    source_server, monkeypatch, settings
):
    """DNS rebinding: public the first time the name is resolved, the local server
    every time after. The watcher connects to the address it checked."""
    settings.SOURCE_WATCHER_ALLOW_PRIVATE = False
    settings.SOURCE_WATCHER_TIMEOUT = 1
    real = socket.getaddrinfo
    answers = iter(["93.184.215.14"])
    connected = []

    def resolve(host, port, *args, **kwargs):
        if host == "rebinding.example":
            address = next(answers, "127.0.0.1")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    def refuse(self, address):  # the outside world is not reached from a test
        connected.append(address[0])
        raise ConnectionRefusedError("not from a test")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    port = source_server.server_address[1]
    fetcher = SourceFetcher()
    fetcher.robots[f"http://rebinding.example:{port}"] = None  # read: no rules

    reading = fetcher.read(f"http://rebinding.example:{port}/pricing")

    assert reading.state == SourceState.UNREACHABLE
    assert connected == ["93.184.215.14"]
    assert source_server.requests == []


def test_a_name_resolving_to_any_private_address_is_refused_before_connecting(
    monkeypatch, settings
):
    settings.SOURCE_WATCHER_ALLOW_PRIVATE = False

    def resolve(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
            for address in ("93.184.215.14", "10.0.0.7")
        ]

    def connect(self, address):
        raise AssertionError(f"connected to {address}")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket.socket, "connect", connect)

    reading = read("https://mixed.vendor.example/pricing")

    assert reading.state == SourceState.PRIVATE_ADDRESS


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_source_sent_slowly_times_out_at_the_deadline(source_server, settings, path):
    settings.SOURCE_WATCHER_TIMEOUT = 1
    started = time.monotonic()

    reading = read(source_server.url(path))

    assert reading.state == SourceState.TIMED_OUT
    assert time.monotonic() - started < 2  # 100 pieces every 0.1 s would take 10 s


def test_a_robots_txt_sent_slowly_times_out_at_the_deadline(source_server, settings):
    settings.SOURCE_WATCHER_TIMEOUT = 1
    source_server.overrides["/robots.txt"] = lambda request: request.drip_body()
    started = time.monotonic()

    reading = read(source_server.url("/pricing"))

    assert reading.state == SourceState.TIMED_OUT
    assert "robots.txt" in reading.detail
    assert time.monotonic() - started < 2
    assert source_server.paths() == ["/robots.txt"]


@pytest.mark.parametrize(
    "address",
    [
        "http://100.64.0.1/",  # carrier-grade NAT
        "http://0/",
        "http://127.1/",
        "http://2130706433/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fd00::1]/",
        "http://[2002:7f00:1::]/",  # 6to4 around 127.0.0.1
        "http://[2002:a9fe:a9fe::]/",  # 6to4 around 169.254.169.254
        "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",  # Teredo around 127.0.0.1
        "http://[64:ff9b::7f00:1]/",  # NAT64 around 127.0.0.1
    ],
)
def test_addresses_off_the_internet_are_refused(address, settings):
    settings.SOURCE_WATCHER_ALLOW_PRIVATE = False

    reading = read(address)

    assert reading.state == SourceState.PRIVATE_ADDRESS


@pytest.mark.parametrize("address", ["http://93.184.215.14:22/", "https://vendor.example:6379/"])
def test_only_the_webs_ports_are_read(address):
    with pytest.raises(Refused) as refusal:
        web_host(address)

    assert refusal.value.state == SourceState.UNREACHABLE
    assert "port" in refusal.value.detail


def test_a_robots_txt_the_server_cannot_give_disallows_everything(source_server):
    source_server.overrides["/robots.txt"] = lambda request: request.send("", status=503)

    reading = read(source_server.url("/pricing"))

    assert reading.state == SourceState.ROBOTS
    assert "robots.txt was unavailable" in reading.detail
    assert source_server.paths() == ["/robots.txt"]


def test_robots_txt_rules_for_the_watcher_are_obeyed_by_its_product_token(source_server, settings):
    settings.SOURCE_WATCHER_USER_AGENT = "CandorSourceWatcher/2.0 (+https://candor.example/)"
    source_server.overrides["/robots.txt"] = lambda request: request.send(
        "User-agent: *\nAllow: /\n\nUser-agent: CandorSourceWatcher\nDisallow: /pricing\n",
        "text/plain",
    )

    assert read(source_server.url("/pricing")).state == SourceState.ROBOTS
    assert read(source_server.url("/changed")).state == SourceState.OK
