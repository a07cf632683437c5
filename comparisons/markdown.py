"""Markdown for readers that are programs: escaping editors' and sources' words so
they stay words, and the few constructs the renditions use (links, tables, lists).

Names, notes and excerpts are editors' text and sources are untrusted: none of it may
become a heading, a link, a table column or raw HTML in the rendition."""

import html
import re

from django.http import HttpResponse
from django.utils.encoding import iri_to_uri
from django.utils.html import strip_tags

from wagtail.rich_text import expand_db_html

CONTENT_TYPE = "text/markdown; charset=utf-8"

# Inline characters Markdown (CommonMark and GFM tables) gives a meaning to.
INLINE = re.compile(r"([\\`*_\[\]<>|#&~!])")
# What makes a line a heading, a quote, a list item or a rule when it starts one.
LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape(text):
    """One line of text as Markdown shows it literally: whitespace (newlines
    included) collapsed, every significant character backslash-escaped."""
    text = " ".join(str(text or "").split())
    text = INLINE.sub(r"\\\1", text)
    return LINE_START.sub(lambda match: f"{match[1]}{list_marker(match[2])}", text)


def list_marker(marker):
    # "1." is escaped at its punctuation: a backslash before a digit is shown as is.
    return f"{marker[:-1]}\\{marker[-1]}"


def paragraphs(rich_text):
    """An editor's rich text as plain paragraphs: its words, never its markup."""
    expanded = expand_db_html(str(rich_text or ""))
    expanded = re.sub(r"</(p|h\d|li|blockquote)>|<br\s*/?>", "\n\n", expanded)
    found = (html.unescape(strip_tags(part)) for part in expanded.split("\n\n"))
    return [escape(part) for part in found if part.strip()]


def url(address):
    """A URL as a link target: no space, parenthesis or angle bracket can end it."""
    address = iri_to_uri(str(address or "")).replace(" ", "%20")
    for character, code in (("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        address = address.replace(character, code)
    return address


def link(text, address):
    return f"[{escape(text)}]({url(address)})"


def table(headers, rows):
    """A GFM table; each cell already escaped (a ``|`` in it is ``\\|``)."""
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join(" --- " for _ in headers) + "|",
    ]
    lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def bullets(items):
    return "\n".join(f"- {item}" for item in items)


def document(blocks):
    """Blocks (headings, paragraphs, lists) separated by blank lines, empty ones left
    out, ending with a newline."""
    return "\n\n".join(block for block in blocks if block) + "\n"


def markdown_response(text, canonical=""):
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    if canonical:
        # The HTML page is the one to cite and index.
        response["Link"] = f'<{url(canonical)}>; rel="canonical"'
    return response
