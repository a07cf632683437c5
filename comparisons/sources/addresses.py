"""Where the source watcher may go: web addresses whose host resolves to public
addresses only. A source is typed by an editor, and a redirect or a DNS answer is the
source's: none of them may point the watcher at the servers next to it (a cloud's
metadata service, the database, an admin interface on localhost)."""

import ipaddress
import socket
from urllib.parse import urlsplit

from comparisons.models import SourceState

# getaddrinfo's answers that mean the name does not exist (rather than "try again").
NO_SUCH_NAME = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


class Refused(Exception):
    """The watcher may not fetch the address; ``state`` says why."""

    def __init__(self, state, detail):
        super().__init__(detail)
        self.state, self.detail = state, detail


def web_host(url, *, allow_private=False):
    """The host (``netloc``) of ``url`` if the watcher may fetch it: http(s), and every
    address its name resolves to public. A name that does not resolve is a domain gone."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise Refused(SourceState.UNREACHABLE, f"not a web address: {parts.scheme}:")
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        if error.errno in NO_SUCH_NAME:
            raise Refused(SourceState.GONE, f"{host} does not resolve") from error
        raise Refused(SourceState.UNREACHABLE, f"{host}: {error}") from error
    except ValueError as error:  # a port that is not a number
        raise Refused(SourceState.UNREACHABLE, str(error)) from error
    if not allow_private:
        for *_family, sockaddr in addresses:
            if not is_public(sockaddr[0]):
                raise Refused(SourceState.PRIVATE_ADDRESS, f"{host} is on a private network")
    return parts.netloc.lower()


def is_public(address):
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def connected_address(response):
    """The peer address of a streamed ``requests`` response's socket, where urllib3 and
    http.client keep it; None where they do not (then only the check before connecting
    held). Checked because a name may resolve elsewhere the second time (DNS rebinding)."""
    sock = getattr(getattr(response.raw, "connection", None), "sock", None)
    if sock is None:
        # A connection closing after this answer hands its socket to the body's reader.
        reader = getattr(getattr(response.raw, "_fp", None), "fp", None)
        sock = getattr(getattr(reader, "raw", None), "_sock", None)
    try:
        return sock.getpeername()[0] if sock is not None else None
    except OSError:
        return None
