"""What reaches the search engine: a reader's words, never query syntax; and Wagtail's
database search, with a double quote typed into a search box kept as a character on
SQLite.

Wagtail's SQLite backend (FTS5) wraps each search term in double quotes without doubling
the quotes inside it, so a term such as ``"unclosed`` or ``O"Brien`` reached SQLite as
broken query syntax and the admin's listings answered 500. FTS5 reads a doubled quote
inside a quoted term as the character itself; that is all this adds. PostgreSQL and the
other backends are Wagtail's, unchanged."""

import functools
import re

from django.db import connection

from wagtail.search.backends.database import SearchBackend as database_search_backend

from modelsearch.query import PlainText

MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+")


def plain_words(query):
    """The words of a query, without the quotes, colons and operators that full-text
    search engines read as syntax: a reader's query is only ever words."""
    return " ".join(WORD.findall(query[:MAX_QUERY_LENGTH]))


class QuotesAsCharacters:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText) and '"' in query.query_string:
            query = PlainText(
                query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost
            )
        return super().build_search_query_content(query, config=config)


@functools.cache
def sqlite_compilers():
    # Importable only where the database is SQLite: its index model exists only there.
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class SearchQueryCompiler(QuotesAsCharacters, SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(QuotesAsCharacters, SQLiteAutocompleteQueryCompiler):
        pass

    return SQLiteSearchBackend, SearchQueryCompiler, AutocompleteQueryCompiler


def SearchBackend(params):  # noqa: N802  (Wagtail looks a backend up by this name)
    backend = database_search_backend(params)
    if connection.vendor == "sqlite":
        fts5_backend, search_compiler, autocomplete_compiler = sqlite_compilers()
        if isinstance(backend, fts5_backend):
            backend.query_compiler_class = search_compiler
            backend.autocomplete_query_compiler_class = autocomplete_compiler
    return backend
