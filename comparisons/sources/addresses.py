"""Where the source watcher may go: web addresses on the web's ports whose host
resolves to addresses on the internet only. A source is typed by an editor, and a
redirect or a DNS answer is the source's: none of them may point the watcher at the
servers next to it (a cloud's metadata service, the database, an admin interface on
localhost). The name is resolved once, when connecting (connection.py), and the
watcher connects to the address it checked: a second answer (DNS rebinding) is never
asked for."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings

from comparisons.models import SourceState

# getaddrinfo's answers that mean the name does not exist (rather than "try again").
NO_SUCH_NAME = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
WEB_PORTS = (80, 443)
# NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(Exception):
    """The watcher may not fetch the address; ``state`` says why."""

    def __init__(self, state, detail):
        super().__init__(detail)
        self.state, self.detail = state, detail


def web_host(url):
    """The host (``netloc``) of ``url`` if the watcher may ask for it: http(s) on an
    allowed port (SOURCE_WATCHER_ALLOWED_PORTS, 80 and 443), and, when the host is an
    address, one on the internet. A name is checked when connecting (``resolve``)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise Refused(SourceState.UNREACHABLE, f"not a web address: {parts.scheme}:")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:  # a port that is not a number
        raise Refused(SourceState.UNREACHABLE, str(error)) from error
    allowed = getattr(settings, "SOURCE_WATCHER_ALLOWED_PORTS", WEB_PORTS)
    if port not in allowed:
        raise Refused(SourceState.UNREACHABLE, f"port {port} is not a web port the watcher reads")
    return parts.netloc.lower()


def resolve(host, port, *, allow_private=False):
    """Every address ``host`` resolves to, as getaddrinfo gives them, once all are
    known to be on the internet. A name that does not resolve is a domain gone."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        if error.errno in NO_SUCH_NAME:
            raise Refused(SourceState.GONE, f"{host} does not resolve") from error
        raise Refused(SourceState.UNREACHABLE, f"{host}: {error}") from error
    if not allow_private:
        for *_family, sockaddr in addresses:
            if not is_public(sockaddr[0]):
                raise Refused(SourceState.PRIVATE_ADDRESS, f"{host} is on a private network")
    return addresses


def is_public(address):
    """Whether ``address`` is on the internet (``is_global``), and so is any IPv4
    address it carries (IPv4-mapped, 6to4, Teredo, NAT64)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if not ip.is_global or ip.is_multicast:
        return False
    return all(is_public(str(inner)) for inner in carried(ip))


def carried(ip):
    """The IPv4 addresses an IPv6 address carries to somewhere else."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    inner = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in NAT64:
        inner.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in inner if address is not None]
