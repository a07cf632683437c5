"""Reading a source page politely and safely.

Polite: the watcher says who it is in its User-Agent, obeys each host's robots.txt
(read once per host per run; one the server cannot give disallows everything, as
RFC 9309 says), and waits between two requests to the same host. Safe: only http(s)
on the web's ports, never an address off the internet (unless
SOURCE_WATCHER_ALLOW_PRIVATE, for tests: addresses.py) and connected to the address
checked (connection.py), redirects followed one hop at a time with each hop checked
again and only to web addresses, a deadline for the whole of each request and a size
limit. Whatever a source does, the answer is a ``Reading`` with a state
(models/evidence.py), never an exception."""

import logging
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

import requests

from comparisons.models import SourceState

from .addresses import Refused, web_host
from .connection import Deadline, Guard, guarded_adapter
from .robots import AGENT_NAME, parsed_rules, refusal
from .text import readable_text

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
PERMANENT_REDIRECTS = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}
READABLE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
# Read in small pieces, the deadline checked after each.
CHUNK_BYTES = 8 * 1024


def user_agent():
    return getattr(settings, "SOURCE_WATCHER_USER_AGENT", "") or (
        f"{AGENT_NAME}/1.0 (+{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/how-we-compare/)"
    )


@dataclass
class Reading:
    """What one visit to a source found. ``text`` is the readable text when OK."""

    url: str
    state: str
    http_status: int | None = None
    final_url: str = ""
    text: str = ""
    detail: str = ""


class Unreadable(Exception):
    """The source could not be read; ``state`` says why."""

    def __init__(self, state, detail, http_status=None):
        super().__init__(detail)
        self.state = state
        self.detail = detail
        self.http_status = http_status


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes


class SourceFetcher:
    """One run's fetcher: it remembers each host's robots.txt and last request."""

    def __init__(self, *, sleep=time.sleep, clock=time.monotonic):
        self.timeout = float(getattr(settings, "SOURCE_WATCHER_TIMEOUT", 10))
        self.max_bytes = int(getattr(settings, "SOURCE_WATCHER_MAX_BYTES", 2 * 1024 * 1024))
        self.delay = float(getattr(settings, "SOURCE_WATCHER_HOST_DELAY", 5))
        self.allow_private = bool(getattr(settings, "SOURCE_WATCHER_ALLOW_PRIVATE", False))
        self.sleep, self.clock = sleep, clock
        self.session = requests.Session()
        # Proxies from the environment would connect on our behalf to addresses we
        # never checked.
        self.session.trust_env = False
        self.session.headers.update({"User-Agent": user_agent(), "Accept": "text/html"})
        self.guard = Guard(allow_private=self.allow_private)
        adapter = guarded_adapter(self.guard)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.robots = {}
        self.last_request = {}

    def read(self, url):
        """Visit ``url``: a Reading, whatever happens on the way."""
        try:
            return self._read(url)
        except Unreadable as problem:
            return Reading(url, problem.state, problem.http_status, detail=problem.detail[:300])
        except Exception as error:
            # A source the watcher did not foresee costs its own reading, not the run.
            logger.exception("Source watcher: could not read %s", url)
            return Reading(url, SourceState.UNREACHABLE, detail=f"unexpected: {error!r}"[:300])

    def _read(self, url):
        current, seen = url, {url}
        for _hop in range(MAX_REDIRECTS + 1):
            self.obey_robots(current)
            answer = self.get(current, readable_only=True)
            target = self.redirect_target(current, answer)
            if target is None:
                return self.reading(url, current, answer)
            if answer.status in PERMANENT_REDIRECTS and not same_page(current, target):
                return Reading(
                    url,
                    SourceState.MOVED,
                    answer.status,
                    final_url=target[:2000],
                    detail=f"HTTP {answer.status} to {target}"[:300],
                )
            if target in seen:
                raise Unreadable(SourceState.REDIRECT_LOOP, f"redirect loop at {target}")
            seen.add(target)
            current = target
        raise Unreadable(SourceState.REDIRECT_LOOP, f"more than {MAX_REDIRECTS} redirects")

    def reading(self, url, final_url, answer):
        status = answer.status
        if status in {404, 410}:
            raise Unreadable(SourceState.GONE, f"HTTP {status}", status)
        if status >= 500:
            raise Unreadable(SourceState.SERVER_ERROR, f"HTTP {status}", status)
        if not 200 <= status < 300:
            raise Unreadable(SourceState.UNREACHABLE, f"HTTP {status}", status)
        media_type, charset = content_type(answer.headers)
        text = readable_text(answer.body, html=media_type != "text/plain", encoding=charset)
        return Reading(
            url,
            SourceState.OK,
            status,
            final_url="" if final_url == url else final_url[:2000],
            text=text,
        )

    def redirect_target(self, current, answer):
        """Where a redirect leads, if anywhere; only ever a web address: a source
        redirecting to ``javascript:`` or ``file:`` is unreachable, its target text."""
        if answer.status not in REDIRECTS:
            return None
        location = answer.headers.get("location")
        if not location:
            return None
        target = urljoin(current, location.strip())
        if urlsplit(target).scheme.lower() not in {"http", "https"}:
            raise Unreadable(
                SourceState.UNREACHABLE,
                f"HTTP {answer.status} to a non-web address: {target}",
                answer.status,
            )
        return target

    def obey_robots(self, url):
        """Raise ROBOTS unless the host's robots.txt lets the watcher read ``url``."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc.lower()}"
        if host not in self.robots:
            self.robots[host] = self.robots_rules(f"{host}/robots.txt")
        why = refusal(self.robots[host], url)
        if why:
            raise Unreadable(SourceState.ROBOTS, why)

    def robots_rules(self, robots_url):
        """The host's rules (robots.py), or None when it has none; a host that cannot
        be reached shows that on the page's own request, one too slow to give its
        robots.txt is timed out."""
        current = robots_url
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                answer = self.get(current, readable_only=False)
                target = self.redirect_target(current, answer)
            except Unreadable as problem:
                if problem.state == SourceState.TIMED_OUT:
                    problem.detail = f"robots.txt: {problem.detail}"
                    raise
                return None
            if target is None:
                return parsed_rules(robots_url, answer.status, answer.body)
            current = target
        return None

    def get(self, url, *, readable_only):
        """One request, no redirect followed, its body read up to the size limit."""
        host = self.check_address(url)
        self.wait_for(host)
        deadline = self.guard.deadline = Deadline(self.timeout)
        try:
            return self.answer(url, readable_only, deadline)
        except Unreadable as problem:
            if deadline.expired:
                # Headers cut short at the deadline look like a page without a type.
                raise self.timed_out() from problem
            raise
        except (requests.exceptions.RequestException, OSError) as error:
            if deadline.expired:
                raise self.timed_out() from error
            if isinstance(error, requests.exceptions.SSLError):
                raise Unreadable(SourceState.TLS_ERROR, short(error)) from error
            if isinstance(error, requests.exceptions.Timeout):
                raise self.timed_out() from error
            raise Unreadable(SourceState.UNREACHABLE, short(error)) from error
        except Refused as refusal:
            raise Unreadable(refusal.state, refusal.detail) from refusal
        finally:
            deadline.end()
            self.guard.deadline = None
            # No connection outlives its request, nor its deadline's watch.
            self.session.close()

    def answer(self, url, readable_only, deadline):
        response = self.session.get(url, stream=True, timeout=self.timeout, allow_redirects=False)
        with response:
            headers = {key.lower(): value for key, value in response.headers.items()}
            status = response.status_code
            if readable_only and 200 <= status < 300:
                media_type, _charset = content_type(headers)
                if media_type not in READABLE_TYPES:
                    raise Unreadable(
                        SourceState.NOT_HTML, f"content type {media_type or 'unknown'}", status
                    )
            body = self.body(response, headers, deadline) if 200 <= status < 300 else b""
        if deadline.expired:
            # What was read before the deadline cut the connection is not the page.
            raise self.timed_out()
        return Answer(status, headers, body)

    def timed_out(self):
        return Unreadable(SourceState.TIMED_OUT, f"no answer within {self.timeout:g} s")

    def body(self, response, headers, deadline):
        too_large = Unreadable(
            SourceState.TOO_LARGE, f"more than {self.max_bytes} bytes", response.status_code
        )
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise too_large
        chunks, size = [], 0
        for chunk in response.iter_content(CHUNK_BYTES):
            size += len(chunk)
            if size > self.max_bytes:
                raise too_large
            if deadline.expired or not deadline.remaining():
                raise self.timed_out()
            chunks.append(chunk)
        return b"".join(chunks)

    def check_address(self, url):
        try:
            return web_host(url)
        except Refused as refusal:
            raise Unreadable(refusal.state, refusal.detail) from refusal

    def wait_for(self, host):
        last = self.last_request.get(host)
        if last is not None and self.delay > 0:
            waited = self.clock() - last
            if waited < self.delay:
                self.sleep(self.delay - waited)
        self.last_request[host] = self.clock()


def content_type(headers):
    """(media type, charset or None) from a Content-Type header."""
    media_type, *parameters = headers.get("content-type", "").split(";")
    charset = None
    for parameter in parameters:
        name, _equals, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def same_page(url, other):
    """A permanent redirect that only moves to https, drops ``www.`` or adds a slash
    keeps the page where the editor found it."""
    first, second = urlsplit(url), urlsplit(other)

    def host(parts):
        name = (parts.hostname or "").lower()
        return name.removeprefix("www.")

    return (host(first), first.path.rstrip("/"), first.query) == (
        host(second),
        second.path.rstrip("/"),
        second.query,
    )


def short(error):
    return str(error)[:300]
