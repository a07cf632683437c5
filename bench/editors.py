"""What editors wait for, through the running app server: the Wagtail preview of the
largest comparison (the edit form's data posted to the preview URL, then the preview
fetched, as the admin's preview panel does), and, as a Moderator, the admin testimonial
listing and the moderation queue. Sessions come from bench/probe.py; each figure is the
median of ``TIMES`` requests."""

import statistics
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from bench.harness import log, probe

TIMES = 10
PREVIEW_TARGET_MS = 500
LISTING_TARGET_MS = 300


class EditForm(HTMLParser):
    """The fields a browser would post from the page edit form: text and hidden
    inputs, checked boxes, selected options and text areas (not the inline panels'
    empty templates)."""

    def __init__(self, form_id="page-edit-form"):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self.select = None
        self.options = []
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "__prefix__" in (attrs.get("name") or ""):
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select, self.options = (name, "multiple" in attrs), []
        elif tag == "option" and self.select:
            self.options.append((attrs.get("value") or "", "selected" in attrs))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            name, multiple = self.select
            chosen = [value for value, selected in self.options if selected]
            if not chosen and not multiple and self.options:
                chosen = [self.options[0][0]]
            self.fields += [(name, value) for value in chosen]
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None


def request(url, cookie, data=None, headers=None):
    """Status, body and the cookies set, of a GET (or a POST of ``data``)."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    sent = {"Cookie": cookie, **(headers or {})}
    req = urllib.request.Request(url, data=body, headers=sent)  # noqa: S310
    try:
        with urllib.request.urlopen(req, timeout=60) as response:  # noqa: S310
            status, received, content = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, received, content = error.code, error.headers, error.read()
    cookies = dict(
        header.split(";")[0].split("=", 1) for header in received.get_all("Set-Cookie") or []
    )
    return status, content, cookies


def timed(action):
    """Median and slowest milliseconds of ``TIMES`` runs of ``action`` (after one
    untimed run), and the statuses it answered with."""
    statuses = set(action())
    times = []
    for _ in range(TIMES):
        began = time.perf_counter()
        statuses |= set(action())
        times.append((time.perf_counter() - began) * 1000)
    return {
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
        "statuses": sorted(statuses),
    }


def preview(base, editor):
    status, html, cookies = request(base + editor["edit"], editor["cookie"])
    if status != 200:
        return {"error": f"the edit form answered {status}"}
    form = EditForm()
    form.feed(html.decode())
    cookie = "; ".join([editor["cookie"], *(f"{name}={value}" for name, value in cookies.items())])
    url = base + editor["preview"]

    def post_then_get():
        posted, answer, _cookies = request(url, cookie, form.fields)
        shown, _page, _cookies = request(url + "?mode=", cookie)
        valid = b'"is_valid": true' in answer or b'"is_valid":true' in answer
        return [str(posted) if valid else f"{posted} (form not valid)", str(shown)]

    return {"fields": len(form.fields), **timed(post_then_get)}


def editor_timings(base, env):
    editor, moderator = probe(env, "editor"), probe(env, "moderator")
    results = {"preview": preview(base, editor)}
    for key in ("listing", "queue"):
        url = base + moderator[key]
        results[key] = {
            "path": moderator[key],
            **timed(lambda url=url: [str(request(url, moderator["cookie"])[0])]),
        }
    log(
        "editors: preview {} ms, listing {} ms, queue {} ms".format(
            *(results[key].get("median_ms") for key in ("preview", "listing", "queue"))
        )
    )
    return results


def evaluate(scale, results):
    checks = []
    for key, label, target in [
        ("preview", "preview of the largest comparison", PREVIEW_TARGET_MS),
        ("listing", "admin testimonial listing (Moderator)", LISTING_TARGET_MS),
        ("queue", "moderation queue (Moderator)", LISTING_TARGET_MS),
    ]:
        median = results[key].get("median_ms")
        ok = set(results[key].get("statuses", [])) == {"200"}
        checks.append(
            {
                "target": f"Editors at {scale}x: {label} < {target} ms",
                "value": f"{median} ms" if median is not None else results[key].get("error", ""),
                "met": median is not None and median < target and ok,
            }
        )
    return checks


def markdown(scales):
    """``scales``: {scale: editor_timings(...)}."""
    lines = [
        "",
        "## Editors",
        "",
        f"Median of {TIMES} requests through the cold-render server (caches off, as for "
        "anyone logged in): the preview posts the largest comparison's edit form to "
        "Wagtail's preview URL, then fetches the preview; a Moderator opens the testimonial "
        "listing and the moderation queue.",
        "",
        "| scale | preview ms (median / slowest) | listing ms | moderation queue ms |",
        "|---|---:|---:|---:|",
    ]
    for scale, results in scales.items():
        cells = [
            f"{results[key].get('median_ms', results[key].get('error'))} / "
            f"{results[key].get('max_ms', '–')}"
            for key in ("preview", "listing", "queue")
        ]
        lines.append(f"| {scale}x | " + " | ".join(cells) + " |")
    return lines
