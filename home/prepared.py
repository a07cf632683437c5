"""Queries built and compiled once per process, then run with new values.

Building a queryset (``filter``, ``select_related``) and compiling it to SQL is Python
that runs on every render, and on SQLite it costs more than running the query: the
route to a product page (one query for the page, its product and its logo) spent about
50,000 Python bytecodes compiling its SQL and 10,000 reading its row. A query a page
runs on every render, the same but for its values, is built here once with stand-ins
for them and compiled; from then on it runs with the values in the stand-ins' places,
through Django's own iterable, so its rows make the same instances (related objects
and prefetches included).

Only values the database receives as they are can stand in: strings and integers that
the query passes whole, as parameters (as often as it likes: a subquery repeating a
condition). Preparing a query that changes a value (a LIKE adds ``%``) or writes it
into its SQL is refused when the query is first run, so a test of the code that runs
it finds the mistake."""

import copy
import itertools

from django.db import connections
from django.db.models import QuerySet

# Stand-ins: values no page asks for, within any database's integer range.
_numbers = itertools.count(2_147_000_000)


def stand_in(kind):
    number = next(_numbers)
    if kind is int:
        return number
    if kind is str:
        return f"\x00prepared-{number}\x00"
    raise TypeError(f"a prepared query takes strings and integers, not {kind.__name__}")


class PreparationError(ValueError):
    """The query cannot run with other values in its stand-ins' places."""


class PreparedQuery:
    """``build(*values)`` returns the queryset; calling this returns its instances for
    ``values``, as a list (a queryset made from it would compile again, with the
    stand-ins). ``kinds`` are the values' types, ``str`` or ``int``. ``build`` is called
    once, so what it reads (the active language, a setting) must be one of the values."""

    def __init__(self, build, *kinds):
        self.build = build
        self.kinds = kinds
        self.prepared = None

    def __call__(self, *values):
        if len(values) != len(self.kinds):
            raise TypeError(f"{len(self.kinds)} values expected, {len(values)} given")
        for value, kind in zip(values, self.kinds, strict=True):
            if type(value) is not kind:
                raise TypeError(f"{value!r} is not a {kind.__name__}")
        if self.prepared is None:
            self.prepared = prepare(self.build, self.kinds)
        return self.prepared.run(values)

    def __repr__(self):
        return f"<PreparedQuery {self.build.__qualname__}>"


class Prepared:
    """A queryset compiled once, and where each of its values went in the parameters."""

    def __init__(self, queryset, compiler, sql, params, places):
        # ``places``: for each value, where it goes in the parameters and as what type.
        self.queryset = queryset
        self.compiler = compiler
        self.sql = sql
        self.params = params
        self.places = places
        # How each column is read: the same for every row of every run.
        columns = [column for column, *_ in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(columns)

    def run(self, values):
        params = list(self.params)
        for places, value in zip(self.places, values, strict=True):
            for place, adapted in places:
                params[place] = adapted(value)
        template = self.queryset
        alias = template.db
        # The compiler as compiled, on this thread's connection, answering with this
        # call's parameters; Django's iterable reads its rows as it reads any query's.
        compiler = copy.copy(self.compiler)
        compiler.connection = connections[alias]
        compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        compiler.get_converters = lambda expressions: self.converters
        query = copy.copy(template.query)
        query.get_compiler = lambda *args, **kwargs: compiler
        queryset = QuerySet(model=template.model, query=query, using=alias)
        queryset._iterable_class = template._iterable_class
        queryset._fields = template._fields
        queryset._prefetch_related_lookups = template._prefetch_related_lookups
        return list(queryset)


def prepare(build, kinds):
    """Build the queryset with stand-ins, compile it and find where each one went."""
    stand_ins = [stand_in(kind) for kind in kinds]
    queryset = build(*stand_ins)
    compiler = queryset.query.get_compiler(using=queryset.db)
    # Also works out what the rows hold (compiler.select, klass_info), kept with it.
    sql, params = compiler.as_sql()
    places = []
    for value in stand_ins:
        # PostgreSQL's driver is handed some integers in a type of its own (Int4, an
        # int): a value takes its stand-in's type in each place.
        where = [
            i for i, param in enumerate(params) if isinstance(param, type(value)) and param == value
        ]
        changed = isinstance(value, str) and any(
            isinstance(param, str) and value in param and param != value for param in params
        )
        if not where or changed or str(value) in sql:
            raise PreparationError(
                f"{queryset.model.__name__}: each value must reach the database unchanged, "
                f"as a parameter ({sql} with {params})"
            )
        places.append([(place, type(params[place])) for place in where])
    return Prepared(queryset, compiler, sql, tuple(params), places)
