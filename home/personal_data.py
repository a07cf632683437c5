"""Requests from the people Candor keeps data about: a copy of everything stored
under their e-mail address, or its erasure.

Each app that stores personal data registers what it keeps, usually in its
``AppConfig.ready()``::

    register("inaccuracy_reports", export=export, erase=erase)

``export(email)`` returns the records found, a list of JSON-ready dicts (dates may
stay dates), and ``erase(email)`` returns how many records it erased or anonymised.
Both match the address without regard to case. The management commands
``export_personal_data`` and ``erase_personal_data`` go through every registered app."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.search.backends import get_search_backends


@dataclass(frozen=True)
class PersonalDataSource:
    name: str
    export: Callable[[str], Any]
    erase: Callable[[str], int]


_sources: dict[str, PersonalDataSource] = {}


def register(name, *, export, erase):
    source = PersonalDataSource(name, export, erase)
    if _sources.get(name, source) != source:
        raise ImproperlyConfigured(f"Personal data source {name!r} is registered twice.")
    _sources[name] = source


def unregister(name):
    _sources.pop(name, None)


def sources():
    return list(_sources.values())


def clean_email(email):
    """The address as given, checked: an empty or malformed one must never be
    matched against records, where it could find placeholders or everything."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValueError(_("“%(email)s” is not an e-mail address.") % {"email": email}) from error
    return email


def export_personal_data(email):
    email = clean_email(email)
    return {
        "email": email,
        "exported_at": timezone.now(),
        "data": {source.name: source.export(email) for source in sources()},
    }


def erase_personal_data(email):
    """Erase everywhere or nowhere: one transaction for every app. Files are removed
    once it commits."""
    email = clean_email(email)
    with transaction.atomic():
        erased = {source.name: source.erase(email) for source in sources()}
        forget_replaced_search_words()
    return erased


def forget_replaced_search_words():
    """SQLite's full-text index keeps the words of a replaced or deleted entry in its
    segments until they are merged; merging them now completes an erasure.
    PostgreSQL keeps each entry's words in the entry's own row."""
    if connection.vendor != "sqlite":
        return
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend
    from wagtail.search.models import SQLiteFTSIndexEntry

    if any(isinstance(backend, SQLiteSearchBackend) for backend in get_search_backends()):
        table = connection.ops.quote_name(SQLiteFTSIndexEntry._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608


def scrub(value, secrets, replacement=""):
    """``value`` (JSON-like: dicts, lists, strings) with each secret string replaced
    whatever its case, and not inside a longer Latin word ("Al" stays in "Almost";
    Japanese has no spaces to tell words apart, so there it goes wherever it stands).
    For stored copies such as revisions and log entries, where personal data may sit
    in any field."""
    if isinstance(value, str):
        # Longest first, so that "Ada Lovelace" goes whole before "Ada" could split it.
        for secret in sorted(filter(None, secrets), key=len, reverse=True):
            pattern = rf"(?<![A-Za-z0-9_]){re.escape(secret)}(?![A-Za-z0-9_])"
            value = re.sub(pattern, lambda _: replacement, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, dict):
        return {key: scrub(item, secrets, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub(item, secrets, replacement) for item in value]
    return value
