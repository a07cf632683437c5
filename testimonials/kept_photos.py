"""A photo kept while the advocate corrects the rest of the form.

A browser never sends a chosen file twice: when the testimonial form comes back with an
error, the file input is empty again. So a photo that is valid itself, sent with a form
that is not, is stored stripped (home.uploads) in the private storage, outside the public
media and with no address, and the form carries a signed token naming it. Sent again
with the token, the form uses the kept file as if it had just been chosen: the
testimonial's photo is stored from it the way every advocate's photo is (photos.py), and
the kept file is deleted.

The token is bound to the page the form belongs to and to the form's own single-use
token (home.anti_abuse), and expires with it: one visitor's token names nobody else's
file, and a token that was altered, belongs to another form or has expired finds
nothing. A kept file is deleted when it is used or replaced, and at the latest by the
daily ``delete_kept_photos`` once its form has expired. It is tied to no e-mail address
and outlives nobody's form by more than a day, so the export and erasure of personal
data need not look for it."""

import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import PurePosixPath

from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import File
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home import form_limits
from home.anti_abuse import TIMESTAMP_MAX_AGE
from home.uploads import private_storage, store_without_metadata

FOLDER = "kept_photos"
SALT = "candor.kept-photo"
# As long as the form it was sent with may be sent again.
MAX_AGE = TIMESTAMP_MAX_AGE
# Kept files are stored in one folder per hour, named after it, so the daily clean-up
# knows their age from their names: every storage can list, few say when a file was made.
HOUR_FORMAT = "%Y%m%d%H"


class KeptPhoto:
    """A kept file, found through its token."""

    def __init__(self, name, filename, token):
        self.name = name
        # What the visitor called the file, shown back to them and nowhere else.
        self.filename = filename
        self.token = token

    def open(self):
        return File(private_storage().open(self.name), name=self.name)

    def exists(self):
        return private_storage().exists(self.name)

    def delete(self):
        private_storage().delete(self.name)


@contextmanager
def opened(photo):
    """The file of a photo, whether chosen now (an upload) or kept."""
    if isinstance(photo, KeptPhoto):
        with photo.open() as file:
            yield file
    else:
        yield photo


def keep(upload, scope):
    """Store ``upload`` (a validated image) stripped, for the form of ``scope``; the
    kept photo, its token included."""
    hour = datetime.fromtimestamp(time.time(), UTC).strftime(HOUR_FORMAT)
    name = store_without_metadata(upload, private_storage(), f"{FOLDER}/{hour}")["file"]
    filename = PurePosixPath(getattr(upload, "name", "") or "").name[:100]
    token = signing.dumps({"file": name, "filename": filename, "scope": scope}, salt=SALT)
    return KeptPhoto(name, filename, token)


def find(token, scope):
    """The kept photo ``token`` names, if the token is genuine, was given to the form of
    ``scope``, has not expired and its file is still there; otherwise None."""
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        name, filename, given_to = value["file"], value["filename"], value["scope"]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if given_to != scope or not str(name).startswith(f"{FOLDER}/"):
        return None
    photo = KeptPhoto(name, filename, token)
    return photo if photo.exists() else None


def delete_expired(now=None):
    """Delete every kept file whose form has expired; the number deleted."""
    now = time.time() if now is None else now
    storage = private_storage()
    try:
        hours, _files = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0  # nothing was ever kept
    deleted = 0
    for hour in hours:
        try:
            started = datetime.strptime(hour, HOUR_FORMAT).replace(tzinfo=UTC).timestamp()
        except ValueError:
            continue  # not a folder this module made
        # The last file of an hour was kept at its end.
        if started + 3600 + MAX_AGE > now:
            continue
        folder = f"{FOLDER}/{hour}"
        for name in storage.listdir(folder)[1]:
            storage.delete(f"{folder}/{name}")
            deleted += 1
        storage.delete(folder)  # the emptied folder, where the storage has folders
    return deleted


class KeepsPhoto:
    """For a form with a ``photo`` field, a hidden ``kept_photo`` and a checkbox
    ``forget_kept_photo``, shown by ``page``; the form is a home.anti_abuse.PublicForm."""

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The page the form belongs to: a photo kept for it is kept for nothing else.
        self.page = page
        # The kept photo in use, one the visitor replaced or removed, and a valid photo
        # chosen this time.
        self.kept = self.superseded = self.valid_photo = None

    def kept_photo_scope(self):
        """This page and the form's single-use token: another visitor's form has another."""
        token = self.signed_token()
        return f"{self.page.pk}:{token[1]}" if token and self.page else None

    def use_kept_photo(self, cleaned_data):
        """The kept photo stands in for a photo not chosen again; one that cannot be
        found is never silently dropped."""
        token = cleaned_data.get("kept_photo")
        if not token:
            return
        found = find(token, self.kept_photo_scope())
        if self.files.get("photo") or cleaned_data.get("forget_kept_photo"):
            self.superseded = found
        elif found is None:
            self.add_error(
                "photo",
                ValidationError(
                    _(
                        "We could not keep the photo you chose before. Please choose your "
                        "photo again."
                    ),
                    code="kept_photo_lost",
                ),
            )
        else:
            self.kept = cleaned_data["photo"] = found

    def keep_photo(self, request):
        """Shown again with errors: keep a valid photo the visitor chose, so they need
        not choose it again, and delete one they replaced or removed. Only for a form a
        person sent (its token good, not over its limit): a bot's sends keep nothing.
        Each file kept counts against the form's limit, so nobody fills the disk by
        sending a photo with a mistake again and again; a visitor who corrects the form
        sends the kept photo back, which costs nothing."""
        if not self.is_bound or self.is_valid():
            return
        if self.superseded is not None:
            self.superseded.delete()
        chosen = self.valid_photo
        if chosen is not None and chosen is not self.kept and self.sent_by_a_person():
            usage = self.count_send(request, form_limits.KEPT_PHOTO)
            if not (usage and usage["should_limit"]):
                self.kept = keep(chosen, self.kept_photo_scope())
        self.data = self.data.copy()
        self.data["kept_photo"] = self.kept.token if self.kept else ""
        self.data.pop("forget_kept_photo", None)
        if self.kept:
            # Said under the file input, which browsers show empty again.
            self["photo"].help_text = kept_photo_note(self.kept)

    def sent_by_a_person(self):
        return (
            "rendered_at" not in self.errors
            and not self.is_bot
            and not self.has_error(NON_FIELD_ERRORS, code="limit_reached")
            and self.kept_photo_scope() is not None
        )

    def kept_photo_used(self):
        """Once the testimonial is stored: the kept files are no longer needed."""
        for photo in (self.kept, self.superseded):
            if photo is not None:
                photo.delete()


def kept_photo_note(kept):
    if kept.filename:
        return gettext("Your photo “%(name)s” is kept: choose another to replace it.") % {
            "name": kept.filename
        }
    return gettext("Your photo is kept: choose another to replace it.")
