"""An advocate's request for a copy of their data, or for its erasure: everything
stored under their address, revisions, history and photos included; nobody else's."""

import io
import json
import os

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection

from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Revision

import pytest
from PIL import Image as PILImage

from home.personal_data import erase_personal_data, export_personal_data
from testimonials.author_edits import withdraw
from testimonials.models import CaseStudyQuote, Testimonial
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = pytest.mark.django_db

ADDRESS = "Ada.Lovelace@Example.com"
NAME = "Ada Lovelace"
# An earlier spelling, kept only in a revision.
OLD_NAME = "Ada Lovelase"
COMPANY = "Analytical Engines Ltd"
QUOTE = "The engine weaves algebraic patterns for our support queue."


def photo(title, filename):
    buffer = io.BytesIO()
    PILImage.new("RGB", (80, 80), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=filename))


@pytest.fixture
def ada(our_product):
    """An approved, published testimonial with a photo, revisions, a rendition, a
    case study quoting it, and a second one still pending, from the same person."""
    image = photo(f"Testimonial photo: {NAME}", "ada-lovelace.png")
    image.get_rendition("fill-64x64")
    approved = TestimonialFactory(
        product=our_product,
        quote=QUOTE,
        author_name=OLD_NAME,
        author_company=COMPANY,
        author_role="Head of support",
        email=ADDRESS,
        photo=image,
        consent_photo=True,
    )
    approved.save_revision().publish()
    approved.author_name = NAME
    approved.save()
    approved.save_revision().publish()
    pending = TestimonialFactory(
        product=our_product,
        quote="Second thoughts from Ada about the differential queue.",
        author_name=NAME,
        email=ADDRESS.lower(),
    )
    pending.save_revision()
    return {"approved": Testimonial.objects.get(pk=approved.pk), "pending": pending, "photo": image}


@pytest.fixture
def charles(our_product):
    """Someone else, who asked for nothing."""
    image = photo("Testimonial photo: Charles Babbage", "charles.png")
    testimonial = TestimonialFactory(
        product=our_product,
        quote="Difference engines need fewer tickets.",
        author_name="Charles Babbage",
        email="charles@example.com",
        photo=image,
    )
    testimonial.save_revision().publish()
    return Testimonial.objects.get(pk=testimonial.pk)


def database_rows():
    """Every row of every table, search index included, as lower-case text."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                yield table, " ".join(str(value) for value in row).lower()


def tables_mentioning(*texts):
    texts = [text.lower() for text in texts]
    return {table for table, row in database_rows() if any(text in row for text in texts)}


def test_export_finds_everything_stored_under_the_address(ada, charles, case_study_index):
    case_study = CaseStudyPageFactory(parent=case_study_index, title="Analytical support")
    CaseStudyQuote.objects.create(page=case_study, testimonial=ada["approved"])

    data = export_personal_data("ada.lovelace@EXAMPLE.com")["data"]["testimonials"]

    assert {item["id"] for item in data} == {ada["approved"].pk, ada["pending"].pk}
    approved = next(item for item in data if item["id"] == ada["approved"].pk)
    assert approved["quote"] == QUOTE
    assert approved["author"] == {
        "name": NAME,
        "role": "Head of support",
        "company": COMPANY,
        "email": ADDRESS,
    }
    assert approved["consent"]["show_name"] is True
    assert approved["consent"]["given_at"]
    assert approved["photo"]["file"] == ada["photo"].file.name
    assert approved["photo"]["title"] == f"Testimonial photo: {NAME}"
    assert len(approved["photo"]["renditions"]) == 1
    assert approved["quoted_in_case_studies"] == ["Analytical support"]
    assert [revision["stored"]["author_name"] for revision in approved["revisions"]] == [
        OLD_NAME,
        NAME,
    ]
    assert "wagtail.publish" in [entry["action"] for entry in approved["history"]]
    assert "Charles" not in json.dumps(data, default=str)


def test_a_withdrawal_is_part_of_the_export(ada):
    withdraw(ada["pending"])

    (pending,) = [
        item
        for item in export_personal_data(ADDRESS)["data"]["testimonials"]
        if item["id"] == ada["pending"].pk
    ]

    assert pending["status"] == "withdrawn"
    assert pending["withdrawn_at"]


def test_export_command_writes_json_to_stdout_or_a_file(ada, tmp_path):
    stdout = io.StringIO()
    call_command("export_personal_data", ADDRESS.upper(), stdout=stdout)
    assert len(json.loads(stdout.getvalue())["data"]["testimonials"]) == 2

    output = tmp_path / "ada.json"
    call_command("export_personal_data", ADDRESS, output=str(output), stderr=io.StringIO())
    assert len(json.loads(output.read_text())["data"]["testimonials"]) == 2


def test_erase_leaves_no_trace_of_the_person(ada, charles, django_capture_on_commit_callbacks):
    files = [ada["photo"].file.path] + [r.file.path for r in ada["photo"].renditions.all()]
    assert all(os.path.exists(path) for path in files)
    assert tables_mentioning(NAME, OLD_NAME, ADDRESS)

    with django_capture_on_commit_callbacks(execute=True):
        erased = erase_personal_data(ADDRESS.swapcase())

    assert erased["testimonials"] == 2
    leftovers = tables_mentioning(NAME, OLD_NAME, "Lovelace", ADDRESS, COMPANY, QUOTE)
    assert leftovers == set()
    assert not get_image_model().objects.filter(pk=ada["photo"].pk).exists()
    assert not any(os.path.exists(path) for path in files)
    testimonial = Testimonial.objects.get(pk=ada["approved"].pk)
    assert testimonial.status == Testimonial.Status.WITHDRAWN
    assert not testimonial.live
    assert export_personal_data(ADDRESS)["data"]["testimonials"] == []


def test_revisions_and_history_keep_only_anonymous_copies(ada, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(ADDRESS)

    testimonial = Testimonial.objects.get(pk=ada["approved"].pk)
    revisions = Revision.objects.for_instance(testimonial)
    assert revisions.count() == 2
    for revision in revisions:
        assert revision.content["author_name"] == "(erased)"
        assert revision.content["quote"] == ""
        assert revision.content["email"] == "erased@erased.invalid"
        assert revision.content["photo"] is None
        assert NAME not in revision.object_str
    entries = ModelLogEntry.objects.for_instance(testimonial)
    assert "wagtail.unpublish" in entries.values_list("action", flat=True)
    assert all("Lovelace" not in entry.label for entry in entries)


def test_another_persons_data_is_untouched(ada, charles, django_capture_on_commit_callbacks):
    before = Testimonial.objects.filter(pk=charles.pk).values().get()
    revisions_before = list(Revision.objects.for_instance(charles).values("content", "object_str"))

    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(ADDRESS)

    assert Testimonial.objects.filter(pk=charles.pk).values().get() == before
    assert list(Revision.objects.for_instance(charles).values("content", "object_str")) == (
        revisions_before
    )
    assert os.path.exists(charles.photo.file.path)
    assert Testimonial.objects.public().filter(pk=charles.pk).exists()


def test_the_moderation_record_still_adds_up(ada, charles, our_product):
    ada["pending"].reject(Testimonial.RejectionReason.OFF_TOPIC)
    before = our_product.testimonials.summary()["moderation"]

    erase_personal_data(ADDRESS)

    after = our_product.testimonials.summary()["moderation"]
    assert after["submitted"] == before["submitted"] == 3
    assert after["published"] == before["published"] - 1
    assert after["withdrawn"] == before["withdrawn"] + 1
    assert after["rejected"] == before["rejected"]


def test_an_erased_testimonial_leaves_every_public_page(
    client, ada, wall_page, case_study_index, django_capture_on_commit_callbacks
):
    case_study = CaseStudyPageFactory(parent=case_study_index)
    CaseStudyQuote.objects.create(page=case_study, testimonial=ada["approved"])
    assert QUOTE in client.get(case_study.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(ADDRESS)

    for url in (wall_page.url, case_study.url, "/search/?q=algebraic", "/api/v2/testimonials/"):
        body = client.get(url).content.decode()
        assert QUOTE not in body
        assert NAME not in body


def test_a_shared_photo_is_kept_but_no_longer_names_anyone(ada, charles):
    Testimonial.objects.filter(pk=charles.pk).update(photo=ada["photo"])

    erase_personal_data(ADDRESS)

    kept = get_image_model().objects.get(pk=ada["photo"].pk)
    assert NAME not in kept.title
    assert Testimonial.objects.get(pk=charles.pk).photo == kept


def test_erase_command_asks_first(ada, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(Exception, match="Nothing was erased"):
        call_command("erase_personal_data", ADDRESS, stdout=io.StringIO())

    assert Testimonial.objects.filter(email__iexact=ADDRESS).count() == 2


def test_erase_command_erases_after_yes(ada, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    stdout = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_personal_data", ADDRESS, stdout=stdout)

    assert "testimonials: 2 found" in stdout.getvalue()
    assert "testimonials: 2 erased" in stdout.getvalue()
    assert not Testimonial.objects.filter(email__iexact=ADDRESS).exists()


def test_erase_command_with_yes_does_not_ask(ada, monkeypatch):
    def no_questions(prompt):
        raise AssertionError("asked")

    monkeypatch.setattr("builtins.input", no_questions)

    call_command("erase_personal_data", ADDRESS, yes=True, stdout=io.StringIO())

    assert not Testimonial.objects.filter(email__iexact=ADDRESS).exists()
