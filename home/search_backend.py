"""Wagtail's database search, with a double quote typed into a search box kept as a
character on SQLite.

Wagtail's SQLite backend (FTS5) wraps each search term in double quotes without doubling
the quotes inside it, so a term such as ``"unclosed`` or ``O"Brien`` reached SQLite as
broken query syntax and the admin's listings answered 500. FTS5 reads a doubled quote
inside a quoted term as the character itself; that is all this adds. PostgreSQL and the
other backends are Wagtail's, unchanged."""

from wagtail.search.backends.database import SearchBackend as database_search_backend

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText


class QuotesAsCharacters:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText) and '"' in query.query_string:
            query = PlainText(
                query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost
            )
        return super().build_search_query_content(query, config=config)


class SearchQueryCompiler(QuotesAsCharacters, SQLiteSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(QuotesAsCharacters, SQLiteAutocompleteQueryCompiler):
    pass


def SearchBackend(params):  # noqa: N802  (Wagtail looks a backend up by this name)
    backend = database_search_backend(params)
    if isinstance(backend, SQLiteSearchBackend):
        backend.query_compiler_class = SearchQueryCompiler
        backend.autocomplete_query_compiler_class = AutocompleteQueryCompiler
    return backend
