"""What reaches the search engine: a reader's words, never query syntax; and Wagtail's
database search, made to find Japanese words and to keep a typed double quote a
character.

Japanese has no spaces between words, so SQLite's FTS5 and PostgreSQL's text search
each read a whole Japanese sentence as one word. Candor's backend indexes and searches
Japanese as overlapping pairs of characters, after NFKC normalisation (home/search_text.py
says why). The library's indexers read every value through ``ObjectIndexer.prepare_value``
and its ``Index.add_items`` names that class directly, so the backend puts a subclass in
its place in the database backend's module; everything else is Wagtail's.

Wagtail's SQLite backend (FTS5) wraps each search term in double quotes without doubling
the quotes inside it, so a term such as ``"unclosed`` or ``O"Brien`` reached SQLite as
broken query syntax and the admin's listings answered 500. FTS5 reads a doubled quote
inside a quoted term as the character itself. PostgreSQL escapes terms itself.

Rows indexed before this backend hold Japanese sentences whole: ``manage.py
update_index`` rebuilds them (``load_demo_content`` runs it)."""

import functools
import re

from django.db import connection

from wagtail.search.backends.database import SearchBackend as database_search_backend

from modelsearch.query import PlainText

from .search_text import index_text, normalised, query_text

MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+")


def plain_words(query):
    """The words of a query, without the quotes, colons and operators that full-text
    search engines read as syntax: a reader's query is only ever words. Full-width and
    half-width forms are made one (ＳＳＯ is SSO, ｻﾎﾟｰﾄ is サポート)."""
    return " ".join(WORD.findall(normalised(query[:MAX_QUERY_LENGTH])))


def as_indexed(query, quotes_doubled=False):
    """A plain-text query cut into the words the index holds. Punctuation alone (「」)
    stays as typed: it matches nothing, where no words at all would be an error."""
    words = query_text(query.query_string)
    if not words.strip():
        words = query.query_string
    if quotes_doubled:
        words = words.replace('"', '""')
    return PlainText(words, operator=query.operator, boost=query.boost)


def indexing_japanese_words(object_indexer):
    """The library's ObjectIndexer, with every text it indexes cut into Japanese words."""

    class ObjectIndexer(object_indexer):
        def prepare_value(self, value):
            if isinstance(value, (list, dict)):
                return super().prepare_value(value)  # which prepares each item in turn
            return index_text(super().prepare_value(value))

    return ObjectIndexer


class SQLiteWords:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = as_indexed(query, quotes_doubled=True)
        return super().build_search_query_content(query, config=config)


class PostgresWords:
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            query = as_indexed(query)
        return super().build_tsquery_content(query, config=config, invert=invert)


# Each is importable only on its own database: its index model exists only there.


@functools.cache
def sqlite_backend():
    from modelsearch.backends.database.sqlite import sqlite

    sqlite.ObjectIndexer = indexing_japanese_words(sqlite.ObjectIndexer)

    class SearchQueryCompiler(SQLiteWords, sqlite.SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(SQLiteWords, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    return sqlite.SQLiteSearchBackend, SearchQueryCompiler, AutocompleteQueryCompiler


@functools.cache
def postgres_backend():
    from modelsearch.backends.database.postgres import postgres

    postgres.ObjectIndexer = indexing_japanese_words(postgres.ObjectIndexer)

    class SearchQueryCompiler(PostgresWords, postgres.PostgresSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(PostgresWords, postgres.PostgresAutocompleteQueryCompiler):
        pass

    return postgres.PostgresSearchBackend, SearchQueryCompiler, AutocompleteQueryCompiler


BACKENDS = {"sqlite": sqlite_backend, "postgresql": postgres_backend}


def SearchBackend(params):  # noqa: N802  (Wagtail looks a backend up by this name)
    backend = database_search_backend(params)
    if connection.vendor in BACKENDS:
        database_backend, search_compiler, autocomplete_compiler = BACKENDS[connection.vendor]()
        # SQLite without FTS5 falls back to LIKE, which finds Japanese words as typed.
        if isinstance(backend, database_backend):
            backend.query_compiler_class = search_compiler
            backend.autocomplete_query_compiler_class = autocomplete_compiler
    return backend
