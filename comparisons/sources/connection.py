"""The watcher's connections: to the address it checked, and no longer than its deadline.

``requests`` lets urllib3 resolve a name and connect by itself, so a name checked
before the request could resolve elsewhere when connecting (DNS rebinding). Here the
connection resolves the name once, refuses it unless every address is on the internet
(addresses.py), and connects to one of those addresses; the Host header, TLS SNI and
the certificate check still use the name, as urllib3 does. Every socket opened during
a fetch is shut down at that fetch's ``Deadline``, so a source sending its headers or
body a byte at a time cannot hold the run past it."""

import socket
import threading
import time

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from .addresses import resolve


class Deadline:
    """The moment a fetch must be over; at that moment, its sockets are shut down."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self.lock = threading.Lock()
        self.timers = []
        self.over = False

    def remaining(self):
        return max(self.at - time.monotonic(), 0.0)

    def watch(self, sock):
        """Shut ``sock`` down at the deadline (its file descriptor: a TLS socket made
        from it later takes the descriptor over)."""
        timer = threading.Timer(self.remaining(), self.cut, [sock.fileno()])
        timer.daemon = True
        with self.lock:
            if self.over:
                return
            self.timers.append(timer)
        timer.start()

    def cut(self, fd):
        with self.lock:
            if self.over:
                return  # the fetch ended first: the descriptor may be someone else's now
            self.expired = True
            try:
                sock = socket.socket(fileno=fd)
            except OSError:
                return
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            finally:
                sock.detach()

    def end(self):
        """The fetch is over: no socket of it is shut down any more."""
        with self.lock:
            self.over = True
            for timer in self.timers:
                timer.cancel()


class Guard:
    """What a fetcher's connections obey: private networks or not, and the current
    fetch's deadline (set by the fetcher before each request)."""

    def __init__(self, *, allow_private):
        self.allow_private = allow_private
        self.deadline = None


class CheckedConnectionMixin:
    guard: Guard

    def _new_conn(self):
        addresses = resolve(self._dns_host, self.port, allow_private=self.guard.allow_private)
        last_error = None
        for family, kind, proto, _name, sockaddr in addresses:
            sock = socket.socket(family, kind, proto)
            if self.guard.deadline is not None:
                self.guard.deadline.watch(sock)
            try:
                for level, option, value in self.socket_options or ():
                    sock.setsockopt(level, option, value)
                sock.settimeout(self.timeout)
                sock.connect(sockaddr)
            except TimeoutError as error:
                sock.close()
                raise ConnectTimeoutError(self, f"connecting to {self.host} timed out") from error
            except OSError as error:
                sock.close()
                last_error = error
                continue
            return sock
        raise NewConnectionError(self, f"could not connect to {self.host}: {last_error}")


def guarded_adapter(guard):
    """A requests adapter whose connections obey ``guard``."""

    def pool(base, connection):
        checked = type(f"Checked{connection.__name__}", (CheckedConnectionMixin, connection), {})
        checked.guard = guard
        return type(f"Checked{base.__name__}", (base,), {"ConnectionCls": checked})

    adapter = HTTPAdapter(max_retries=0)
    adapter.poolmanager.pool_classes_by_scheme = {
        "http": pool(HTTPConnectionPool, HTTPConnection),
        "https": pool(HTTPSConnectionPool, HTTPSConnection),
    }
    return adapter
