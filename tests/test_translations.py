"""The Japanese catalogue covers every public string, and what is served is compiled
from what is committed. So does the English one, which translates each string into
itself: English pages find Candor's strings in it rather than through every installed
app's catalogue (locale/en/LC_MESSAGES/django.po says why)."""

from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.commands.makemessages import Command as MakeMessages

import polib
import pytest

LOCALE = Path(django_settings.BASE_DIR) / "locale"
LANGUAGES = ["ja", "en"]
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


def catalogue(language):
    return LOCALE / language / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module", params=LANGUAGES)
def language(request):
    return request.param


@pytest.fixture(scope="module")
def committed(language):
    return polib.pofile(str(catalogue(language)))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The strings in the code now, extracted once for every language's test."""
    target = tmp_path_factory.mktemp("extracted")
    call_command(ExtractInto(target), locale=["ja"], ignore_patterns=IGNORE, verbosity=0)
    return polib.pofile(str(target / "ja" / "LC_MESSAGES" / "django.po"))


def test_every_public_string_has_a_translation(extracted, committed):
    translated = {key(entry) for entry in committed.translated_entries()}
    missing = [entry.msgid for entry in extracted if key(entry) not in translated]

    assert len(extracted) > 100
    assert not missing, f"Run `make messages` and translate: {missing}"


def test_no_translation_is_fuzzy_or_empty(committed):
    assert not committed.fuzzy_entries()
    assert not committed.untranslated_entries()
    # msgfmt leaves out a fuzzy header, and with it the character set and plural forms.
    assert not committed.metadata_is_fuzzy


def test_english_translates_each_string_into_itself():
    english = polib.pofile(str(catalogue("en")))

    changed = [entry.msgid for entry in english if not is_its_own_translation(entry)]

    assert english.metadata["Language"] == "en"
    assert not changed, f"English words are changed in the code, not here: {changed}"


def is_its_own_translation(entry):
    if entry.msgid_plural:
        return entry.msgstr_plural == {0: entry.msgid, 1: entry.msgid_plural}
    return entry.msgstr == entry.msgid


def test_the_compiled_catalogue_matches_the_committed_one(language, committed):
    compiled = polib.mofile(str(catalogue(language).with_suffix(".mo")))

    served = {key(entry): (entry.msgstr, tuple(entry.msgstr_plural.values())) for entry in compiled}
    for entry in committed.translated_entries():
        assert served.get(key(entry)) == (
            entry.msgstr,
            tuple(entry.msgstr_plural.values()),
        ), f"Run `make messages`: {entry.msgid!r} is not compiled"
