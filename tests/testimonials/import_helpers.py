"""Uploading a CSV file to an import in the admin and confirming it, as an editor does."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.testimonials.advocate_fixtures import user_in_group


def csv_bytes(rows, encoding="utf-8"):
    """``rows`` (lists of cells, the headings first) as a file Excel would write."""
    lines = ["\r\n".join(",".join(quoted(cell) for cell in row) for row in rows), ""]
    return "\r\n".join(lines).encode(encoding)


def quoted(cell):
    cell = str(cell)
    if any(character in cell for character in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def client_in(django_user_model, group_name, username=None):
    user = user_in_group(
        django_user_model, username or group_name.lower(), Group.objects.get(name=group_name)
    )
    client = Client()
    client.force_login(user)
    return client


def upload(client, kind, data, filename="list.csv", **options):
    url = reverse(f"testimonials_import_{kind}")
    sent = SimpleUploadedFile(filename, data, content_type="text/csv")
    return client.post(url, {"file": sent, **options})


def confirm(client, kind, preview_response):
    url = reverse(f"testimonials_import_{kind}_confirm")
    return client.post(url, {"token": preview_response.context["token"]})


def row_errors(response):
    """(row, column, message) of every error the preview lists."""
    preview = response.context["preview"]
    return [
        (row.number, error.column, error.message) for row in preview.errors for error in row.errors
    ]
