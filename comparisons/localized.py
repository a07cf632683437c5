"""Comparison data in the reader's language.

Products, criteria and facts are entered once, in the site's default language. Their
numbers, support levels, sources and dates are the same in every language: one fact,
many languages, so a correction in one is a correction in all. Their words (a
criterion's name, group, description and unit; a fact's note and short text; a
product's summary) are translated with wagtail-localize into rows of their own that
share the source's ``translation_key``. Everything refers to the source rows; the
translations only lend them their words.

Before a page in another language is rendered, ``localize`` gives the source objects it
shows the words of their translations, in memory. A missing translation leaves the
source's words, as ``SourceText`` that knows its language, so the page marks it
(``lang="en"``) and a screen reader switches voice. The hundreds of facts of a table
or a product page are loaded with their translation's words in the same query
(``with_words_in``), rather than looked up by a list of their translation keys.

Each source row keeps a digest of its words, and a translation keeps the digest of the
words it was translated from (wagtail-localize copies it, as a synchronised field, when
the translation is made). When the two differ the translation is outdated: editors see
it marked, and a fact's outdated note is not shown at all, because an old note would
contradict a corrected claim. A label (a criterion's name, a product's summary) keeps
its outdated translation until a translator updates it, rather than switching language
mid-page.
"""

import hashlib
from collections import defaultdict
from functools import cache
from operator import attrgetter
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from wagtail_localize.fields import SynchronizedField

from home.languages import default_language
from home.model_rows import loaded_value
from home.prepared import PreparedQuery

# What only lending a record its translation's words reads (``localize``): a page in
# the records' own language may leave them in the database.
TRANSLATION_FIELDS = ("translation_key", "wording")


class SourceText(str):
    """Words shown in the language they were written in, not the page's."""

    def __new__(cls, value, lang):
        text = super().__new__(cls, value)
        text.lang = lang
        return text


def in_source_locale():
    """Choices limited to the rows in the site's default language: the ones facts and
    pages refer to (``limit_choices_to`` for every foreign key to a translatable
    product or criterion; Django checks it in model validation)."""
    return Q(locale__language_code=default_language())


def ours_in_source_locale():
    return in_source_locale() & Q(is_ours=True)


class Wording:
    """For a model whose words are translated: remembers the digest of its words on
    every save of a source row. A translation's digest is left as wagtail-localize
    copied it from the source it was translated from."""

    # The fields a reader sees in words; the model names them.
    translated_words = ()
    # Whether an outdated translation is hidden (a claim) or kept (a label).
    outdated_words_shown = True

    def source_word(self, name):
        """The field's words as the source row has them, also once ``localize`` has
        lent this instance its translation's: what stays the same in every language."""
        return self.__dict__.get("_source_words", {}).get(name, getattr(self, name))

    def kept_in_source_words(self):
        """Words not taken from this record's own translation (see ``word_as_listed``)."""
        return ()

    def word_as_listed(self, name, source, source_lang):
        """A kept word as readers see it: the source's, in the source's language."""
        return SourceText(source, source_lang)

    @classmethod
    def localize_children(cls, instances, locale_id, source_lang):
        """Words of the records' children, once the records have theirs."""

    def clean(self):
        super().clean()
        # A record starts in the default language; other languages are its translations
        # (made with Translate), never records of their own that nothing refers to.
        if self.original() is None:
            raise ValidationError(
                _(
                    "Add it in %(language)s first: in other languages it is a translation "
                    "of that record, made with “Translate”."
                )
                % {"language": get_language_info(default_language())["name_translated"]}
            )

    def original(self):
        """The record in the default language this one translates (itself, if it is
        that record), or None if there is none."""
        if self.is_source_row():
            return self
        originals = type(self).objects.in_source_language()
        return originals.filter(translation_key=self.translation_key).first()

    def words_digest(self):
        """A fingerprint of the record's words, to tell whether a translation was made
        from the words the original has now."""
        words = (str(getattr(self, name) or "") for name in self.translated_words)
        return hashlib.sha256("\x1f".join(words).encode()).hexdigest()

    def save(self, *args, **kwargs):
        source = self.is_source_row()
        if source:
            self.wording = self.words_digest()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "wording"}
        super().save(*args, **kwargs)
        if source:
            self.share_with_translations()

    @classmethod
    def shared_fields(cls):
        """The columns every language shares: the synchronised fields, except the
        digest a translation keeps of the words it was made from."""
        names = {
            field.field_name
            for field in cls.translatable_fields
            if isinstance(field, SynchronizedField)
        }
        return [
            field.attname
            for field in cls._meta.concrete_fields
            if field.name in names and field.name != "wording"
        ]

    @property
    def translation_state(self):
        """For editors: whether this row is the original, or a translation made from
        the original's present words. Needs ``source_wording`` (see
        ``TranslatableQuerySet.with_source_wording``)."""
        if self.is_source_row():
            return _("Original")
        if not self.wording or self.wording != getattr(self, "source_wording", None):
            return _("Outdated: the original has changed since it was translated")
        # A sync copies the original's digest: words still the original's are not
        # translated yet, though they are up to date.
        untranslated = [
            name
            for name in self.translated_words
            if getattr(self, name) and getattr(self, name) == getattr(self, f"source_{name}", None)
        ]
        if untranslated:
            return _("Partly translated: some words are still the original's")
        return _("Up to date")

    def share_with_translations(self):
        """Keep the translations' copy of the data the source's at once, rather than at
        the next wagtail-localize sync: no language ever shows another value."""
        shared = {name: getattr(self, name) for name in self.shared_fields()}
        if shared:
            self.get_translations().update(**shared)

    def is_source_row(self):
        language = default_language()
        if self.locale_id is None:
            return Locale.get_default().language_code == language
        # Known without a query when the listing annotated it or the locale is loaded.
        code = getattr(self, "locale_code", None)
        if code is None and "locale" in self._state.fields_cache:
            code = self.locale.language_code
        if code is None:
            code = _language_codes().get(self.locale_id)
        return code == language


class TranslatableQuerySet(models.QuerySet):
    def in_source_language(self):
        """The rows facts and pages refer to: not their translations."""
        return self.filter(in_source_locale())

    def in_default_locale(self):
        """The same rows, filtered by the locale itself rather than its language code:
        what a search backend can filter on (the admin's choosers, the API)."""
        return self.filter(locale=Locale.get_default())

    def with_source_wording(self):
        """Each row with the digest of its original's words, in the same query."""
        originals = self.model.objects.filter(
            in_source_locale(), translation_key=OuterRef("translation_key")
        )
        return self.annotate(
            source_wording=Subquery(originals.values("wording")[:1]),
            locale_code=F("locale__language_code"),
            **{
                f"source_{name}": Subquery(originals.values(name)[:1])
                for name in self.model.translated_words
            },
        )

    def with_words_in(self, locale_id):
        """Each row with the words of its translation into ``locale_id``, read in the
        same query (``localize`` lends them without looking them up). The translation
        key and the digest are compared in the database, not loaded: a table's hundreds
        of keys are never made into UUIDs, nor listed in a second query."""
        translations = self.model.objects.filter(
            translation_key=OuterRef("translation_key"), locale_id=locale_id
        ).order_by()
        if not self.model.outdated_words_shown:
            translations = translations.filter(wording=OuterRef("wording"))
        return self.annotate(
            **{
                lent_name(name, locale_id): Subquery(translations.values(name)[:1])
                for name in self.model.translated_words
            }
        )

    def bulk_create(self, objs, *args, **kwargs):
        # Rows made in bulk skip save(): they get the default locale and their
        # wording here, as saved ones do.
        objs = list(objs)
        default = None
        for obj in objs:
            if obj.locale_id is None:
                default = default or Locale.get_default()
                obj.locale = default
        codes = _language_codes() if objs else {}
        for obj in objs:
            if codes.get(obj.locale_id) == default_language():
                obj.wording = obj.words_digest()
        return super().bulk_create(objs, *args, **kwargs)


def delete_translations(sender, instance, **kwargs):
    """Translations only lend words to their original: without it they mean nothing.
    On ``post_delete``, so a bulk delete (a queryset's) takes them too."""
    if instance.is_source_row():
        instance.get_translations().delete()


def _language_codes():
    return dict(Locale.objects.values_list("pk", "language_code"))


def localize(objects, locale_id):
    """Give each source object in ``objects`` the words of its translation into the
    locale ``locale_id``, in memory (never saved): one query per model with objects
    in another language, none for a page in the objects' own."""
    # By model, each instance once (keyed by identity): one listed twice takes the words
    # once.
    by_model = defaultdict(dict)
    for obj in objects:
        if obj is not None:
            by_model[type(obj)][id(obj)] = obj
    source_language = default_language()
    for model, instances in by_model.items():
        localized = _localize_instances(model, instances.values(), locale_id, source_language)
        if localized:
            model.localize_children(localized, locale_id, source_language)


def _localize_instances(model, instances, locale_id, source_lang):
    """``localize`` for the instances of one model; returns those it localized."""
    names = model.translated_words
    read_words = _words_of(model)
    read_lent = _lent_words_of(model, locale_id)
    lent_key = lent_name(names[0], locale_id)
    localized = []
    unread = defaultdict(list)  # by translation key: (instance, its source's words)
    for obj in instances:
        loaded = obj.__dict__
        if loaded_value(obj, "locale_id") == locale_id or "_localized" in loaded:
            continue
        words = read_words(obj)
        if not any(words):
            # Nothing to translate (most facts: a number or a support level, and no
            # note): they read the same in every language. Not looked up.
            localized.append(obj)
        elif lent_key in loaded:
            # Loaded with their translation's words (``with_words_in``), the digests
            # matched in the query: no word of an outdated translation is here.
            _lend_words(obj, names, words, read_lent(obj), source_lang)
            localized.append(obj)
        else:
            unread[obj.translation_key].append((obj, words))
    if unread:
        keys = [key if type(key) is UUID else UUID(str(key)) for key in unread]
        rows = {row["translation_key"]: row for row in translations_of(model)(locale_id, keys)}
        for key, pending in unread.items():
            row = rows.get(key)
            for obj, words in pending:
                # The original's stored digest: kept on every save and bulk creation.
                current = row is not None and (
                    row["wording"] == obj.wording or model.outdated_words_shown
                )
                translated = [row[name] for name in names] if current else None
                _lend_words(obj, names, words, translated, source_lang)
                localized.append(obj)
    return localized


@cache
def translations_of(model):
    """The words of the translations into a locale of ``model``'s rows with these
    translation keys, compiled once for each number of keys (home.prepared)."""

    def build(locale_id, keys):
        translations = model.objects.filter(locale_id=locale_id, translation_key__in=keys)
        # Keyed, not listed: no join or sort for the model's ordering.
        return translations.order_by().values("translation_key", "wording", *model.translated_words)

    return PreparedQuery(build, int, [UUID])


@cache
def _words_of(model):
    """A function reading an instance's translated words, as a tuple, in one call."""
    return _reader(model.translated_words)


def lent_name(name, locale_id):
    """The attribute ``with_words_in`` reads the words of field ``name`` into: each
    language's apart, so words read for one are never lent in another."""
    return f"{name}_in_locale_{locale_id}"


@cache
def _lent_words_of(model, locale_id):
    """A function reading the words ``with_words_in`` read with an instance, as a tuple
    in the order of ``translated_words``."""
    return _reader([lent_name(name, locale_id) for name in model.translated_words])


def _reader(names):
    read = attrgetter(*names)
    return read if len(names) > 1 else lambda obj: (read(obj),)


def localize_for(page, objects):
    """``localize`` into ``page``'s language."""
    localize(objects, page.locale_id)


def _lend_words(obj, names, sources, translated, source_lang):
    """Lend ``obj`` the words ``translated`` (its translation's, in the order of
    ``names``; None if there is no translation, or none to show) in place of its
    ``sources``."""
    obj._source_words = dict(zip(names, sources, strict=True))
    kept = obj.kept_in_source_words()
    for name, source, word in zip(names, sources, translated or (None,) * len(names), strict=True):
        if not source:
            continue
        if name in kept:
            word = obj.word_as_listed(name, source, source_lang)
        elif not word or word == source:
            # A translation saved before a translator reached this text holds the
            # source's words: they are still the source's, in its language.
            word = SourceText(source, source_lang)
        setattr(obj, name, word)
    obj._localized = True
