"""CSV exports that a spreadsheet opens as text, never as formulas.

Much of what Candor exports was typed by visitors: testimonial authors' names, inaccuracy
reports, demo requests, NPS comments, and the log entries that name such records. A cell
such as ``=HYPERLINK("http://evil.example","x")`` would run as a formula in the editor's
spreadsheet, so a text cell that a spreadsheet would read as one is prefixed with a
single quote (OWASP, "CSV injection"). Numbers stay numbers, negative ones included.

Every admin export, Candor's and Wagtail's own (snippet listings, reports, form
submissions, site history), writes its rows through Wagtail's SpreadsheetExportMixin, so
the rule is installed there once, for exports written later too. XLSX exports already
store every cell as a value, never a formula."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` as a spreadsheet shows it: text that would start a formula gets a
    leading single quote. Anything but text (a number, a date) is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def write_csv_row(view, writer, row_dict):
    """SpreadsheetExportMixin.write_csv_row, with each preprocessed value neutralised:
    a field's own preprocessing (a date, a list) may itself produce text."""
    return writer.writerow(
        {
            field: neutralise(view.preprocess_field_value(field, value, view.FORMAT_CSV))
            for field, value in row_dict.items()
        }
    )


def neutralise_formulas_in_every_csv_export():
    SpreadsheetExportMixin.write_csv_row = write_csv_row
