"""One reading of an uploaded CSV, shared by every import in the admin.

Editors export these files from a CRM, a spreadsheet or a review platform. Excel saves
"CSV UTF-8" with a byte-order mark, and plain "CSV" in Japan as Shift_JIS (Windows code
page 932), so both are read; anything else gets one clear message asking for CSV UTF-8.
Headings are matched whatever their case and surrounding spaces, and a column may be
known by several headings (a platform's export calls it something else). A file that
lacks a required column is refused whole, naming what is missing and what is expected:
nothing of it is stored. Cells lose the spaces around them; codes (addresses, dates,
choices, numbers) are folded with NFKC as every public form folds them (home.form_input),
so a full-width ２０２６／０３／０３ is a date. Words people wrote are left as they are."""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.form_input import normalised

MAX_BYTES = 4 * 1024 * 1024
MAX_ROWS = 20_000
# What a cell may hold at most: more than any field we store, less than a runaway file.
MAX_CELL = 20_000

DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?")


class CsvError(Exception):
    """The file as a whole cannot be imported; the message says why, to an editor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Column:
    """A column an import reads: its name, the headings it is known by (its name
    included), headings that start a longer one (a platform's question names the
    product), and whether a file must have it."""

    name: str
    headings: tuple = ()
    starts: tuple = ()
    required: bool = False

    def matches(self, key):
        """Whether a heading (as heading_key gives it) names this column."""
        if key in {heading_key(heading) for heading in (self.name, *self.headings)}:
            return True
        return any(key.startswith(heading_key(start)) for start in self.starts)


@dataclass
class Row:
    """A line of the file: its number as a spreadsheet shows it (the headings are row
    1) and its cells by column name. A column that several headings fill (a review's
    answers to several questions) keeps every non-blank value with its heading."""

    number: int
    values: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.values[name][0][1] if name in self.values else ""

    def all(self, name):
        """[(heading, value), ...] of a column, in the file's order."""
        return self.values.get(name, [])

    def code(self, name):
        """A cell that holds a code, not words: folded as forms fold them."""
        return normalised(self[name]).strip()


@dataclass
class Table:
    rows: list
    encoding: str
    # Which columns the file has, each with the headings it had (in the file's order).
    present: dict
    ignored: list


def heading_key(heading):
    return " ".join(normalised(heading).split()).lower().replace("_", " ")


def decode(data):
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # UTF-16 (Excel's "Unicode text") decodes as Shift_JIS with a NUL in every
        # other character: no text file has one.
        if "\x00" not in text:
            return text, encoding
    raise CsvError(
        _(
            "This file is neither UTF-8 nor Shift_JIS text. In Excel, save it with "
            "“Save as” and the type “CSV UTF-8 (comma delimited)”, then upload it again."
        )
    )


def read_table(data, columns):
    """The rows of ``data`` (the file's bytes), by column name, or CsvError."""
    if len(data) > MAX_BYTES:
        raise CsvError(
            _("This file is larger than %(size)s MB: split it into smaller files.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    text, encoding = decode(data)
    csv.field_size_limit(MAX_CELL)
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise CsvError(
            _("This file could not be read as CSV (%(error)s).") % {"error": error}
        ) from error
    if not records or not any(cell.strip() for cell in records[0]):
        raise CsvError(_("This file is empty: its first row must name the columns."))
    present, ignored, positions = match_headings(records[0], columns)
    body = [(number, record) for number, record in enumerate(records[1:], start=2)]
    body = [(number, record) for number, record in body if any(cell.strip() for cell in record)]
    if len(body) > MAX_ROWS:
        raise CsvError(
            ngettext(
                "This file has more than %(limit)s row: split it into smaller files.",
                "This file has more than %(limit)s rows: split it into smaller files.",
                MAX_ROWS,
            )
            % {"limit": f"{MAX_ROWS:,}"}
        )
    rows = []
    for number, record in body:
        row = Row(number)
        for position, name in positions:
            value = record[position].strip() if position < len(record) else ""
            if value:
                row.values.setdefault(name, []).append((records[0][position].strip(), value))
        rows.append(row)
    return Table(rows=rows, encoding=encoding, present=present, ignored=ignored)


def match_headings(headings, columns):
    present, ignored, positions = {}, [], []
    for position, heading in enumerate(headings):
        key = heading_key(heading)
        column = next((column for column in columns if column.matches(key)), None)
        if column is None:
            if key:
                ignored.append(heading.strip())
            continue
        present.setdefault(column.name, []).append(heading.strip())
        positions.append((position, column.name))
    missing = [column.name for column in columns if column.required and column.name not in present]
    if missing:
        raise CsvError(
            _(
                "This file lacks the columns %(missing)s. Its first row must name the "
                "columns; this import reads %(expected)s. Nothing was imported."
            )
            % {
                "missing": ", ".join(f"“{name}”" for name in missing),
                "expected": ", ".join(
                    f"{column.name}{'' if column.required else ' ' + _('(optional)')}"
                    for column in columns
                ),
            }
        )
    return present, ignored, positions


def parse_date(value):
    """A date written YYYY-MM-DD, or YYYY/MM/DD as Excel in Japan writes it (a time
    after it, as platforms export, is left out); None for a blank; ValueError else."""
    value = normalised(value).strip()
    if not value:
        return None
    match = DATE.fullmatch(value)
    if not match:
        raise ValueError(value)
    return datetime.date(*(int(part) for part in match.groups()))
