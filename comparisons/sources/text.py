"""The readable text of a source page, as the watcher compares it with an excerpt.

An editor pastes an excerpt as they read it on the page; the page's markup, its line
breaks and full-width or half-width characters (common in Japanese pages) differ from
the paste without the page saying anything else. Both sides are therefore compared
NFKC-normalised, case-folded and without whitespace."""

import hashlib
import re
import unicodedata

from bs4 import BeautifulSoup

# Not read by a person: their text is code or alternatives to it.
UNREAD_TAGS = ("script", "style", "noscript", "template")
WHITESPACE = re.compile(r"\s+")


def readable_text(body, *, html=True, encoding=None):
    """The words a reader sees on the page, whitespace collapsed. ``body`` is bytes or
    text; bytes without a declared ``encoding`` are decoded as the page declares itself
    (BeautifulSoup reads the meta charset), or as UTF-8 for plain text."""
    if isinstance(body, bytes) and (encoding or not html):
        body = decoded(body, encoding or "utf-8")
    if not html:
        return WHITESPACE.sub(" ", body).strip()
    soup = BeautifulSoup(body, "html.parser")
    for element in soup.find_all(UNREAD_TAGS):
        element.decompose()
    return WHITESPACE.sub(" ", soup.get_text(" ")).strip()


def decoded(body, encoding):
    try:
        return body.decode(encoding, errors="replace")
    except LookupError:  # a charset Python does not know
        return body.decode("utf-8", errors="replace")


def normalised(text):
    """The text as compared: NFKC (full-width Ａ and half-width ｶ become A and カ),
    case-folded, whitespace collapsed."""
    return WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def fingerprint(text):
    """SHA-256 (hex) of the normalised readable text: equal for the same words however
    the page's markup changed."""
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()


def searchable(text):
    """The form excerpts are looked for in: normalised, without any whitespace, as a
    line break inside a Japanese sentence puts a space in the readable text that the
    editor never saw. Made once per page, however many excerpts it backs."""
    return WHITESPACE.sub("", normalised(text))


def contains_excerpt(searchable_text, excerpt):
    """Whether ``excerpt`` is said in a page's ``searchable(text)``. Compared as text
    only: an excerpt that looks like markup or a formula is just characters here."""
    wanted = searchable(excerpt)
    return bool(wanted) and wanted in searchable_text
