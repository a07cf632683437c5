"""An advocate's photo tells nobody where they live or what phone they own, and nobody
outside the moderators sees it before a moderator approves the testimonial or after it
leaves the site: stored under a random name, kept out of the public media until then
and out of the image library always, and deleted with its renditions when the author
withdraws it, asks for erasure, or a rejection is not reconsidered in time. Images
stored before all this are brought in line on upgrade."""

import datetime
import functools
import importlib
import io
import logging
import re
from pathlib import Path, PurePosixPath

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import IntegrityError
from django.db.migrations.loader import MigrationLoader
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
import time_machine
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail_factories import ImageFactory

from home.uploads import private_storage
from testimonials import personal_data
from testimonials.links import withdrawal_link
from testimonials.models import Testimonial, TestimonialSubmissionPage
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import CustomerFactory, TestimonialFactory
from tests.testimonials.test_author_edits import change_form
from tests.testimonials.test_moderation import edit_url, logged_in, publish, reject
from tests.testimonials.test_submission import valid_form

pytestmark = pytest.mark.django_db

Image = get_image_model()

UPLOADED_AS = "ana-ortiz-42-harbour-street.jpg"
MAKE, MODEL = b"Fernhill Phones", b"F1 Pro"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Ana at home, 42 Harbour Street</x:xmpmeta>'
NOW = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC)


def located_photo(name=UPLOADED_AS):
    """A phone photo: taken sideways (stored 60 wide, 100 tall, red on top, with
    Orientation 6, "turn it a quarter clockwise"), with where and on what it was taken."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = MAKE.decode()
    exif[ExifTags.Base.Model] = MODEL.decode()
    exif[ExifTags.Base.BodySerialNumber] = "SN-0042"
    exif[ExifTags.Base.DateTime] = "2025:02:14 18:30:00"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (51.0, 30.0, 12.5),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (0.0, 7.0, 39.0),
    }
    picture = PILImage.new("RGB", (60, 100), "blue")
    picture.paste("red", (0, 0, 60, 50))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif, xmp=XMP, comment=b"at home")
    buffer.seek(0)
    buffer.name = name
    return buffer


def assert_says_nothing_about_the_author(data):
    picture = PILImage.open(io.BytesIO(data))
    exif = picture.getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo), "no location"
    assert ExifTags.Base.Make not in exif and ExifTags.Base.Model not in exif
    assert ExifTags.Base.DateTime not in exif
    for secret in (MAKE, MODEL, b"SN-0042", b"xmpmeta", b"Harbour", b"at home"):
        assert secret not in data
    assert "xmp" not in picture.info and "comment" not in picture.info


def assert_upright(data):
    """Turned as the phone said: wide, and what was on top is now on the right."""
    picture = PILImage.open(io.BytesIO(data)).convert("RGB")
    assert picture.size == (100, 60)
    red, _green, blue = picture.getpixel((90, 30))
    assert red > 200 and blue < 60
    red, _green, blue = picture.getpixel((10, 30))
    assert blue > 200 and red < 60


@pytest.fixture
def media(settings, tmp_path):
    """Public media and private files in folders of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings


def files_under(root):
    root = Path(root)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def public_files(settings):
    return files_under(settings.MEDIA_ROOT)


def every_file(settings):
    return public_files(settings) | files_under(settings.PRIVATE_MEDIA_ROOT)


def gettable_under_media_url(settings, name):
    """What Django's DEBUG media serving (site/urls.py) would answer for ``name``."""
    request = RequestFactory().get(settings.MEDIA_URL + name)
    try:
        return serve(request, name, document_root=settings.MEDIA_ROOT).status_code == 200
    except Http404:
        return False


@pytest.fixture
def content_editor(django_user_model):
    return user_in_group(django_user_model, "edna", Group.objects.get(name="Editors"))


@pytest.fixture
def submitted(media, post, our_product):
    """A testimonial with a phone photo, as an anonymous visitor sends it."""
    response = post(valid_form(our_product, photo=located_photo(), consent_photo="on"))
    assert response.status_code == 302
    return Testimonial.objects.select_related("photo").get()


@pytest.fixture
def approve(moderator, django_capture_on_commit_callbacks):
    def approve(testimonial):
        with django_capture_on_commit_callbacks(execute=True):
            response = publish(logged_in(moderator), testimonial, photo=testimonial.photo_id)
        assert response.status_code == 200
        testimonial.refresh_from_db()
        assert testimonial.live and testimonial.status == Testimonial.Status.APPROVED
        return testimonial

    return approve


@pytest.fixture
def approved(submitted, approve):
    """…approved by a moderator, and shown on the wall in a JPEG rendition."""
    testimonial = approve(submitted)
    testimonial.photo.get_rendition("fill-64x64|format-jpeg")
    return testimonial


def files_of(image):
    return {image.file.name, *(rendition.file.name for rendition in image.renditions.all())}


@pytest.fixture
def roles_after_a_flush():
    """A transactional test may follow another one's flush, which removed the groups
    migrations made: make them again, as idempotently as the migration does."""
    importlib.import_module("testimonials.migrations.0005_roles").grant_roles(django_apps, None)


# Committed as it goes, as on a running site.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["Publish button", "publish() from code"])
def test_a_photo_is_public_as_soon_as_its_testimonial_is_approved(
    roles_after_a_flush, media, submitted, moderator, path
):
    """As on a running site, where no test transaction holds back what waits for a
    commit: the approval is recorded before the photo follows it."""
    if path == "Publish button":
        publish(logged_in(moderator), submitted, photo=submitted.photo_id)
    else:
        submitted.save_revision(user=moderator).publish(user=moderator)

    submitted.refresh_from_db()
    assert submitted.status == Testimonial.Status.APPROVED
    assert submitted.photo.file.name in public_files(media)


# Break 1: what a photo tells about its author --------------------------------------------


def test_an_approved_photo_and_its_jpeg_renditions_carry_no_location_or_camera(approved):
    image = approved.photo
    with image.open_file() as original:
        stored = original.read()
    rendition = image.get_rendition("width-80|format-jpeg")
    with rendition.file.open("rb") as file:
        shown = file.read()

    for data in (stored, shown):
        assert_says_nothing_about_the_author(data)
    assert_upright(stored)
    assert (image.width, image.height) == (100, 60)


def test_an_image_an_editor_uploads_in_the_admin_is_stripped_and_renamed(
    media, content_editor, django_capture_on_commit_callbacks
):
    client = logged_in(content_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailimages:add"), {"title": "Ana at the desk", "file": located_photo()}
        )

    assert response.status_code == 302
    image = Image.objects.get(title="Ana at the desk")
    with image.open_file() as original:
        stored = original.read()
    assert_says_nothing_about_the_author(stored)
    assert_upright(stored)
    assert (image.width, image.height, image.file_size) == (100, 60, len(stored))
    assert "ana" not in image.file.name and "harbour" not in image.file.name


def test_the_stored_name_carries_nothing_of_the_uploaded_filename(approved):
    names = files_of(approved.photo)

    random = PurePosixPath(approved.photo.file.name).stem
    assert re.fullmatch("[0-9a-f]{32}", random), "random, and nothing else"
    assert len(names) == 2
    for name in names:
        # Renditions are named after the original, shortened to fit.
        assert random.startswith(PurePosixPath(name).name.split(".")[0])
        assert not {"ana", "ortiz", "harbour", "street"} & set(re.split(r"[^a-z]+", name))


# Break 2: who can reach the file --------------------------------------------------------


def test_a_pending_photo_is_nowhere_under_the_media_url(media, submitted, moderator):
    # The moderator opens it (the photo chooser makes thumbnails of what it can).
    assert logged_in(moderator).get(edit_url(submitted)).status_code == 200

    assert public_files(media) == set()
    assert not gettable_under_media_url(media, submitted.photo.file.name)


def test_a_photo_sent_with_a_testimonial_that_could_not_be_stored_is_not_kept(
    media, post, our_product, monkeypatch
):
    def fails(*args, **kwargs):
        raise IntegrityError("the database refused it")

    monkeypatch.setattr(TestimonialSubmissionPage, "store_testimonial", fails)

    with pytest.raises(IntegrityError):
        post(valid_form(our_product, photo=located_photo(), consent_photo="on"))

    assert not Image.objects.exists()
    assert every_file(media) == set(), "nobody could find the file to erase it"


def test_moderators_and_editors_see_a_pending_photo_in_the_admin_and_nobody_else_does(
    client, media, submitted, moderator, content_editor, django_user_model
):
    url = reverse("testimonial_photo", args=[submitted.pk])
    sales = user_in_group(django_user_model, "sam", Group.objects.get(name="Sales"))

    for user in (moderator, content_editor):
        response = logged_in(user).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert "no-store" in response["Cache-Control"]
        assert_upright(b"".join(response.streaming_content))
    assert logged_in(sales).get(url).status_code in (302, 403)
    assert client.get(url).status_code == 302  # to the admin's login
    assert url in logged_in(moderator).get(edit_url(submitted)).content.decode()


def test_a_photo_its_author_no_longer_lets_us_show_stays_private_when_approved(
    client, media, approved, approve, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(withdrawal_link.path(approved), change_form(approved, consent_photo=None))
    approve(approved)

    assert not approved.consent_photo
    assert public_files(media) == set()


def test_a_rejected_photo_leaves_the_media_url_and_is_deleted_after_the_grace_period(
    media, approved, moderator, django_capture_on_commit_callbacks
):
    image = approved.photo
    public = files_of(image)
    assert public <= public_files(media)

    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        reject(logged_in(moderator), approved)
    approved.refresh_from_db()
    assert approved.status == Testimonial.Status.REJECTED
    assert public_files(media) == set()
    assert not gettable_under_media_url(media, image.file.name)

    def daily_run_after(days):
        later = NOW + datetime.timedelta(days=days)
        with (
            time_machine.travel(later, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("delete_rejected_photos", stdout=io.StringIO())

    days = media.TESTIMONIAL_REJECTED_PHOTO_DAYS
    daily_run_after(days - 1)
    assert Image.objects.filter(pk=image.pk).exists(), "a moderator may still reconsider"

    daily_run_after(days + 1)
    approved.refresh_from_db()
    assert approved.photo is None
    assert not Image.objects.filter(pk=image.pk).exists()
    assert every_file(media) == set()


def test_withdrawing_through_the_authors_link_deletes_the_photo_and_its_renditions(
    client, media, approved, django_capture_on_commit_callbacks
):
    image = approved.photo

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdrawal_link.path(approved), {"withdraw": "1"})

    assert response.status_code == 200
    approved.refresh_from_db()
    assert approved.status == Testimonial.Status.WITHDRAWN and approved.photo is None
    assert not Image.objects.filter(pk=image.pk).exists()
    assert every_file(media) == set()


def test_a_pending_photo_withdrawn_by_its_author_is_deleted(
    client, media, submitted, django_capture_on_commit_callbacks
):
    assert every_file(media) != set()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(withdrawal_link.path(submitted), {"withdraw": "1"})

    assert not Image.objects.exists()
    assert every_file(media) == set()


def test_a_change_by_the_author_takes_the_photo_off_the_media_url(
    client, media, approved, django_capture_on_commit_callbacks
):
    changed = change_form(approved, quote="Still twice as many customers.", consent_photo="on")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(withdrawal_link.path(approved), changed)

    approved.refresh_from_db()
    assert approved.status == Testimonial.Status.PENDING and not approved.live
    assert public_files(media) == set()
    assert approved.photo is not None, "kept for the moderator, who may approve it again"


def test_erasure_deletes_the_photo_kept_out_of_public_view_too(
    media, submitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        personal_data.erase(submitted.email)

    assert not Image.objects.exists()
    assert every_file(media) == set()


def interview_with(product, library_image):
    """A testimonial an editor entered from an interview, with a photo from the library."""
    return TestimonialFactory(
        product=product,
        source=Testimonial.Source.INTERVIEW,
        photo=library_image,
        consent_photo=True,
    )


def test_a_library_image_an_editor_chose_for_an_interview_stays_when_it_is_withdrawn(
    client, media, our_product, django_capture_on_commit_callbacks
):
    library_image = ImageFactory(title="Ana, photographed at our event")
    testimonial = interview_with(our_product, library_image)
    with django_capture_on_commit_callbacks(execute=True):
        testimonial.save_revision().publish()
        client.post(withdrawal_link.path(testimonial), {"withdraw": "1"})

    library_image.refresh_from_db()
    assert library_image.file.name in public_files(media)


def test_replacing_a_live_photo_takes_the_old_ones_public_copy_away(
    media, approved, moderator, django_capture_on_commit_callbacks
):
    sent = approved.photo
    library_image = ImageFactory(title="Ana, photographed at our event")

    with django_capture_on_commit_callbacks(execute=True):
        response = publish(logged_in(moderator), approved, photo=library_image.pk)

    assert response.status_code == 200
    approved.refresh_from_db()
    assert approved.live and approved.photo == library_image
    assert public_files(media) == {library_image.file.name}
    assert not sent.renditions.exists()
    assert not gettable_under_media_url(media, sent.file.name)
    assert Image.objects.filter(pk=sent.pk).exists(), "kept, should a moderator go back to it"


def test_replacing_a_library_image_leaves_its_file_in_the_library(
    media, our_product, moderator, django_capture_on_commit_callbacks
):
    library_image = ImageFactory(title="Ana, photographed at our event")
    testimonial = interview_with(our_product, library_image)
    client = logged_in(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        publish(client, testimonial, photo=library_image.pk)
        library_image.get_rendition("fill-64x64|format-jpeg")
        publish(client, testimonial, photo="")

    testimonial.refresh_from_db()
    assert testimonial.live and testimonial.photo is None
    assert public_files(media) == files_of(library_image)


# Break 3: the image library -------------------------------------------------------------


def test_editors_find_no_pending_photo_in_the_image_library_yet_see_it_on_the_testimonial(
    media, submitted, content_editor
):
    # In the collection where editors may work, as every image is unless moved.
    ImageFactory(title="Ana Ortiz at our event", collection=Collection.get_first_root_node())
    client = logged_in(content_editor)
    views = {
        "library": client.get(reverse("wagtailimages:index")),
        "library search": client.get(reverse("wagtailimages:index_results"), {"q": "Ana"}),
        "chooser": client.get(reverse("wagtailimages_chooser:choose")),
        "chooser search": client.get(reverse("wagtailimages_chooser:choose_results"), {"q": "Ana"}),
        "admin API": client.get(reverse("wagtailadmin_api:images:listing")),
    }

    for view, response in views.items():
        assert response.status_code == 200, view
        content = response.content.decode()
        assert "Ana Ortiz at our event" in content, view
        assert "Testimonial photo" not in content, view
    edit_form = client.get(edit_url(submitted)).content.decode()
    assert reverse("testimonial_photo", args=[submitted.pk]) in edit_form


def test_no_library_view_opens_a_pending_photo_by_its_id(media, submitted, content_editor):
    """The photo belongs to its testimonial: the library's views of one image (edit,
    replace, delete, usage, preview, URLs) don't open it, even for someone who may
    edit images and knows the id; a library image still opens."""
    library_image = ImageFactory(collection=Collection.get_first_root_node())
    client = logged_in(content_editor)

    def answers(image):
        urls = {
            "edit": reverse("wagtailimages:edit", args=[image.pk]),
            "delete": reverse("wagtailimages:delete", args=[image.pk]),
            "usage": reverse("wagtailimages:image_usage", args=[image.pk]),
            "url generator": reverse("wagtailimages:url_generator", args=[image.pk]),
            "preview": reverse("wagtailimages:preview", args=[image.pk, "original"]),
        }
        return {view: client.get(url).status_code for view, url in urls.items()}

    assert set(answers(submitted.photo).values()) == {404}
    deleting = client.post(reverse("wagtailimages:delete", args=[submitted.photo.pk]))
    assert deleting.status_code == 404
    assert Image.objects.filter(pk=submitted.photo.pk).exists()
    assert answers(library_image)["edit"] == 200


# Break 4: photos stored before all this ---------------------------------------------------


MIGRATION = "0008_protect_stored_photos"
RANDOM_NAME = r"[0-9a-f]{32}\.jpg"


@functools.cache
def migration_state():
    """The models as the migration sees them, and the migration itself."""
    migration = importlib.import_module(f"testimonials.migrations.{MIGRATION}").Migration
    apps = MigrationLoader(None).project_state(("testimonials", MIGRATION)).apps
    return apps, migration


@pytest.fixture
def upgrade(django_capture_on_commit_callbacks):
    """Run the migration's code as ``migrate`` would, its transaction committed."""

    def upgrade():
        apps, migration = migration_state()
        with django_capture_on_commit_callbacks(execute=True):
            for operation in migration.operations:
                operation.code(apps, None)

    return upgrade


@pytest.fixture
def operators_command(django_capture_on_commit_callbacks):
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("protect_stored_images", stdout=io.StringIO())

    return run


def stored_before(name, *, title="Testimonial photo: Ana Ortiz", uploaded_by=None):
    """An image as Candor used to store it: the file as sent, location and all, under
    its uploader's name in the public media; shown once in a rendition."""
    stored = default_storage.save(f"original_images/{name}", located_photo(name))
    image = Image.objects.create(
        title=title, file=stored, width=60, height=100, uploaded_by_user=uploaded_by
    )
    image.get_rendition("fill-64x64|format-jpeg")
    return image


def fresh(image):
    """``image`` as stored now (refresh_from_db would measure a private file in the
    public media)."""
    return Image.objects.get(pk=image.pk)


def private_files(settings):
    return files_under(settings.PRIVATE_MEDIA_ROOT)


def contents(storage, name):
    with storage.open(name) as file:
        return file.read()


def test_a_pending_photo_is_stripped_renamed_and_kept_private(media, upgrade, moderator):
    photo = stored_before("ana-ortiz-42-harbour-street.jpg")
    testimonial = TestimonialFactory(photo=photo, consent_photo=True)

    upgrade()

    photo = fresh(photo)
    assert re.fullmatch(f"testimonial_photos/{RANDOM_NAME}", photo.file.name)
    assert public_files(media) == set(), "neither the original nor a rendition"
    assert not photo.renditions.exists()
    assert private_files(media) == {photo.file.name}
    stored = contents(private_storage(), photo.file.name)
    assert_says_nothing_about_the_author(stored)
    assert_upright(stored)
    assert (photo.width, photo.height, photo.file_size) == (100, 60, len(stored))
    response = logged_in(moderator).get(reverse("testimonial_photo", args=[testimonial.pk]))
    assert response.status_code == 200


def test_only_a_photo_live_with_its_authors_consent_is_public_again(media, upgrade):
    shown = TestimonialFactory(
        approved=True, consent_photo=True, photo=stored_before("ana-ortiz.jpg")
    ).photo
    not_agreed = TestimonialFactory(
        approved=True, consent_photo=False, photo=stored_before("ben-okafor.jpg")
    ).photo
    rejected = TestimonialFactory(
        rejected=True, consent_photo=True, photo=stored_before("cleo-park.jpg")
    ).photo

    upgrade()

    shown, not_agreed, rejected = (fresh(photo) for photo in (shown, not_agreed, rejected))
    assert public_files(media) == {shown.file.name}
    assert gettable_under_media_url(media, shown.file.name)
    assert private_files(media) == {shown.file.name, not_agreed.file.name, rejected.file.name}
    assert_says_nothing_about_the_author(contents(default_storage, shown.file.name))


def test_library_images_are_stripped_and_renamed_where_they_are(media, upgrade, content_editor):
    # An editor's upload chosen for a testimonial from the form, a photo taken in an
    # interview, an advocate's photo an editor made a customer's logo, one used nowhere.
    uploaded = stored_before("ana-at-our-event.jpg", uploaded_by=content_editor)
    TestimonialFactory(approved=True, consent_photo=True, photo=uploaded)
    interview = stored_before("ben-okafor-interview.jpg", title="Ben Okafor")
    TestimonialFactory(source=Testimonial.Source.INTERVIEW, photo=interview)
    logo = stored_before("cleo-park.jpg")
    TestimonialFactory(photo=logo)
    CustomerFactory(logo=logo)
    unused = stored_before("harbour-at-dusk.jpg", title="Harbour at dusk")
    library = [uploaded, interview, logo, unused]

    upgrade()

    library = [fresh(image) for image in library]
    for image in library:
        assert re.fullmatch(f"original_images/{RANDOM_NAME}", image.file.name)
        stored = contents(default_storage, image.file.name)
        assert_says_nothing_about_the_author(stored)
        assert_upright(stored)
        assert (image.width, image.height, image.file_size) == (100, 60, len(stored))
        assert not image.renditions.exists(), "named after the old file, made again when needed"
    assert public_files(media) == {image.file.name for image in library}
    assert private_files(media) == set()


def every_stored_thing(settings):
    files = {
        root: {name: (Path(root) / name).read_bytes() for name in files_under(root)}
        for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
    }
    images = list(Image.objects.order_by("pk").values())
    renditions = list(Image.get_rendition_model().objects.order_by("pk").values())
    return files, images, renditions


def test_running_the_upgrade_twice_changes_nothing(media, upgrade, content_editor):
    TestimonialFactory(photo=stored_before("ana-ortiz.jpg"))
    TestimonialFactory(approved=True, consent_photo=True, photo=stored_before("ben-okafor.jpg"))
    stored_before("harbour-at-dusk.jpg", uploaded_by=content_editor)
    upgrade()
    for image in Image.objects.filter(file__startswith="original_images/"):
        image.get_rendition("fill-64x64|format-jpeg")
    once = every_stored_thing(media)

    upgrade()

    assert every_stored_thing(media) == once


def test_a_missing_file_is_logged_and_left_for_the_operators_command(
    media, upgrade, operators_command, caplog
):
    lost = TestimonialFactory(photo=stored_before("ana-ortiz.jpg")).photo
    lost_name = lost.file.name
    default_storage.delete(lost_name)
    other = TestimonialFactory(photo=stored_before("ben-okafor.jpg")).photo

    with caplog.at_level(logging.WARNING):
        upgrade()

    assert lost_name in caplog.text
    lost = fresh(lost)
    other = fresh(other)
    assert lost.file.name == lost_name
    assert other.file.name.startswith("testimonial_photos/"), "the others are done"

    # The operator puts the file back (the media volume was not mounted, say).
    default_storage.save(lost_name, located_photo())
    operators_command()

    lost = fresh(lost)
    assert re.fullmatch(f"testimonial_photos/{RANDOM_NAME}", lost.file.name)
    assert public_files(media) == set()
    assert private_files(media) == {lost.file.name, other.file.name}
