"""What every import shares: a preview of what a file would change, row by row, and the
rule for confirming it.

A row is new, updated, unchanged, a duplicate (of a row above or of what is stored:
left out, never stored twice) or has errors (each with its column and message). A file
with any row in error is not applied at all: the editor corrects the file and uploads
it again. Leaving rows out silently would leave customers out of campaigns that say
they invited every customer, and reviews out of figures that say they count them all;
a spreadsheet is quicker to fix than a half-imported list is to find."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

NEW, UPDATED, UNCHANGED, DUPLICATE, ERROR = "new", "updated", "unchanged", "duplicate", "error"
OUTCOME_LABELS = {
    NEW: _("New"),
    UPDATED: _("Updated"),
    UNCHANGED: _("Unchanged"),
    DUPLICATE: _("Duplicate: left out"),
    ERROR: _("Error"),
}
# How many rows a preview shows; the counts cover them all, and every error is listed.
PREVIEW_ROWS = 50


@dataclass
class RowError:
    column: str
    message: str


@dataclass
class RowResult:
    """One row of the file as the import reads it: what it would store, and why not."""

    number: int
    shown: list  # the cells the preview shows, in the importer's column order
    outcome: str = NEW
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    # What the importer will store, once the file is confirmed.
    record: object = None
    extra: dict = field(default_factory=dict)

    def error(self, column, message):
        self.errors.append(RowError(column, message))
        self.outcome = ERROR

    @property
    def outcome_label(self):
        return OUTCOME_LABELS[self.outcome]


@dataclass
class Preview:
    rows: list
    ignored_columns: list

    @property
    def counts(self):
        counted = Counter(row.outcome for row in self.rows)
        return {outcome: counted.get(outcome, 0) for outcome in OUTCOME_LABELS}

    @property
    def count_list(self):
        return [(OUTCOME_LABELS[outcome], count) for outcome, count in self.counts.items()]

    @property
    def errors(self):
        return [row for row in self.rows if row.errors]

    @property
    def may_confirm(self):
        return not self.errors and any(row.outcome in (NEW, UPDATED) for row in self.rows)

    @property
    def first_rows(self):
        return self.rows[:PREVIEW_ROWS]

    def of(self, *outcomes):
        return [row for row in self.rows if row.outcome in outcomes]
