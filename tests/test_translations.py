"""The Japanese catalogue covers every public string, and what is served is compiled
from what is committed."""

from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.commands.makemessages import Command as MakeMessages

import polib
import pytest

CATALOGUE = Path(django_settings.BASE_DIR) / "locale" / "ja" / "LC_MESSAGES" / "django.po"
IGNORE = ["test-artifacts/*", "staticfiles/*", "media/*", "tests/*"]


def key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


class ExtractInto(MakeMessages):
    """makemessages writing a fresh catalogue under ``target``. Run from the project
    root it would otherwise merge into the committed locale/ it finds there."""

    def __init__(self, target):
        super().__init__()
        self.target = str(target)

    def find_files(self, root):
        files = super().find_files(root)
        self.locale_paths = [self.target]
        for translatable in files:
            translatable.locale_dir = self.target
        return files


@pytest.fixture(scope="module")
def committed():
    return polib.pofile(str(CATALOGUE))


def test_every_public_string_has_a_japanese_translation(tmp_path, committed):
    call_command(ExtractInto(tmp_path), locale=["ja"], ignore_patterns=IGNORE, verbosity=0)
    extracted = polib.pofile(str(tmp_path / "ja" / "LC_MESSAGES" / "django.po"))

    translated = {key(entry) for entry in committed.translated_entries()}
    missing = [entry.msgid for entry in extracted if key(entry) not in translated]

    assert len(extracted) > 100
    assert not missing, f"Run `make messages` and translate: {missing}"


def test_no_translation_is_fuzzy_or_empty(committed):
    assert not committed.fuzzy_entries()
    assert not committed.untranslated_entries()


def test_the_compiled_catalogue_matches_the_committed_one(committed):
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))

    served = {key(entry): (entry.msgstr, tuple(entry.msgstr_plural.values())) for entry in compiled}
    for entry in committed.translated_entries():
        assert served.get(key(entry)) == (
            entry.msgstr,
            tuple(entry.msgstr_plural.values()),
        ), f"Run `make messages`: {entry.msgid!r} is not compiled"
