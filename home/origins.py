"""Web origins typed by an editor (one per line), as used in CSP frame-ancestors."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError


def parse_origin_list(text):
    return [line.strip().rstrip("/") for line in (text or "").splitlines() if line.strip()]


def validate_origin_list(text):
    bad = [origin for origin in parse_origin_list(text) if not _is_origin(origin)]
    if bad:
        raise ValidationError(
            "Each line must be an origin such as https://www.example.com (scheme and host, "
            "no path): %(bad)s",
            params={"bad": ", ".join(bad)},
        )


def _is_origin(value):
    parts = urlsplit(value)
    return (
        parts.scheme in {"http", "https"}
        and bool(parts.hostname)
        and not parts.path
        and not parts.query
        and not parts.fragment
        and not parts.username
        and not any(char in value for char in " ;,'\"")
    )
