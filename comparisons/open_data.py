"""A comparison's table as open data: every cell as a row of a CSV file and a JSON
document, with its value, its evidence, its age and its corrections, so a reader can
check the table, or reuse it, without copying it by hand.

The downloads are routes of the comparison page (``data.csv``, ``data.json``), so the
page cache stores them with the page and a change that makes the page stale makes
them stale too. Words (criterion names, groups, units, notes) are in the page's
language; values, URLs and dates are the same in every language."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Site

from comparisons.table import plan_label
from home.exports import neutralise
from home.languages import default_language
from home.models import SiteSettings
from home.seo.structured_data import organization

# The one statement of the terms the data is published under (docs/open-data.md).
LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


def license_link():
    """The licence as readers see it named: {"name", "url"}."""
    return {"name": LICENSE_NAME, "url": LICENSE_URL}


CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json"
# Excel reads a CSV file as UTF-8 (and so shows Japanese) only after this mark.
BYTE_ORDER_MARK = "\ufeff"


def field_labels():
    """The columns of a row: its key in JSON, its header in CSV (in the page's language)."""
    return {
        "page": _("Comparison"),
        "product": _("Product"),
        "vendor": _("Vendor"),
        "ours": _("Made by the publisher"),
        "plan_compared": _("Plan compared"),
        "plan_recorded": _("Plan the value is recorded for"),
        "criterion": _("Criterion"),
        "group": _("Group"),
        "kind": _("Kind"),
        "unit": _("Unit"),
        "value": _("Value"),
        "support": _("Support (raw)"),
        "number": _("Number (raw)"),
        "text": _("Text (raw)"),
        "best_in_row": _("Best in row"),
        "availability": _("Availability"),
        "note": _("Note"),
        "addon_price": _("Add-on price"),
        "source_url": _("Source"),
        "verified_on": _("Verified on"),
        "source_checked_at": _("Source checked automatically at"),
        "source_flag": _("Source changed since verified"),
        "stale": _("Stale"),
        "age_in_days": _("Age in days"),
        "evidence_excerpt": _("Evidence excerpt"),
        "anchor": _("Link to the value"),
        "history": _("Change history"),
    }


def cell_row(page, page_url, cell, history):
    """One cell of the table: a value or, where none is recorded, a row that says so."""
    criterion, column, fact = cell.criterion, cell.column, cell.fact
    row = {
        "page": page.title,
        "product": column.product.name,
        "vendor": column.product.vendor,
        "ours": column.product.is_ours,
        "plan_compared": plan_label(column.plan),
        "plan_recorded": "",
        "criterion": criterion.name,
        "group": criterion.group,
        "kind": criterion.kind,
        "unit": criterion.unit,
        "value": _("not recorded"),
        "support": "",
        "number": None,
        "text": "",
        "best_in_row": cell.is_best,
        "availability": "",
        "note": "",
        "addon_price": None,
        "source_url": "",
        "verified_on": None,
        "source_checked_at": None,
        "source_flag": "",
        "stale": False,
        "age_in_days": None,
        "evidence_excerpt": "",
        "anchor": f"{page_url}#{cell.anchor}",
        "history": [],
    }
    if fact is None:
        return row
    row.update(
        plan_recorded=plan_label(fact.plan),
        value=fact.display_value,
        support=fact.support,
        number=fact.number,
        # The words compared, whatever language the page is in.
        text=fact.source_word("text"),
        availability=fact.get_availability_display() if fact.availability else "",
        note=fact.note,
        addon_price=fact.addon_price,
        source_url=fact.source_url,
        verified_on=fact.verified_on,
        source_checked_at=fact.source_checked_at,
        source_flag=fact.get_source_flag_display() if fact.source_flag else "",
        stale=cell.is_stale,
        age_in_days=cell.age_in_days,
        evidence_excerpt=fact.evidence_excerpt,
        history=history.get(fact.pk, []),
    )
    return row


def dataset_rows(page, table, page_url, history):
    """Every cell, row by row. ``history``: ``FactChange.objects.history_by_fact()``."""
    cells = [cell for row in table.rows for cell in row.cells]
    return [cell_row(page, page_url, cell, history) for cell in cells]


def last_modified(page, dates):
    """When a comparison's data last changed: the newest of the page's last
    publication and ``dates``, those its values were verified or corrected on."""
    published = page.last_published_at and timezone.localdate(page.last_published_at)
    return max((date for date in (published, *dates) if date), default=None)


def attach(response, page, extension):
    """Saved under the page's slug, which may be in any script (RFC 6266 says how),
    with the language when it is not the site's: the words differ, so the files do."""
    language = get_language()
    name = page.slug if language == default_language() else f"{page.slug}.{language}"
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.{extension}")
    return response


def csv_cell(value):
    """A value as a spreadsheet cell: text an editor or a source wrote can never be a
    formula there."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        value = " | ".join(
            f"{entry['date']}: {entry['old_value']} → {entry['new_value'] or _('removed')}"
            + (f" ({entry['reason']})" if entry["reason"] else "")
            for entry in value
        )
    elif hasattr(value, "isoformat"):
        return value.isoformat()
    elif not isinstance(value, str):
        return str(value)
    return neutralise(str(value))


def csv_response(page, table, page_url, history):
    labels = field_labels()
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer)
    writer.writerow(labels.values())
    for row in dataset_rows(page, table, page_url, history):
        writer.writerow(csv_cell(row[key]) for key in labels)
    return attach(HttpResponse(buffer.getvalue(), content_type=CSV_TYPE), page, "csv")


def json_response(page, table, page_url, history, request):
    site_settings = SiteSettings.for_request(request)
    criteria = [row.criterion for row in table.rows]
    document = {
        "title": page.title,
        "url": page_url,
        "language": get_language(),
        "dateModified": page.data_modified_on(table.columns, criteria),
        "license": license_link(),
        "publisher": organization(site_settings, Site.find_for_request(request), request),
        "columns": [
            {
                "product": column.product.name,
                "vendor": column.product.vendor,
                "ours": column.product.is_ours,
                "plan": plan_label(column.plan),
                "best_for": column.best_for,
            }
            for column in table.columns
        ],
        "criteria": [
            {
                "name": row.criterion.name,
                "group": row.criterion.group,
                "kind": row.criterion.kind,
                "unit": row.criterion.unit,
                "help_text": row.criterion.help_text,
            }
            for row in table.rows
        ],
        "fields": field_labels(),
        "cells": dataset_rows(page, table, page_url, history),
    }
    body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return attach(HttpResponse(body, content_type=JSON_TYPE), page, "json")
