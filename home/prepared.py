"""Queries built and compiled once per process, then run with new values.

Building a queryset (``filter``, ``select_related``) and compiling it to SQL is Python
that runs on every render, and on SQLite it costs more than running the query: the
route to a product page (one query for the page, its product and its logo) spent about
50,000 Python bytecodes compiling its SQL and 10,000 reading its row. A query a page
runs on every render, the same but for its values, is built here once with stand-ins
for them and compiled; from then on it runs with the values in the stand-ins' places.
Its rows make the same instances as Django's (related objects and prefetches
included): through Django's own iterable, or, for rows all made alike (a table's
hundreds of facts), all at once (home.prepared_rows).

Only values the database receives as they are can stand in: strings, integers and UUIDs
that the query passes whole, as parameters (as often as it likes: a subquery repeating a
condition). Preparing a query that changes a value (a LIKE adds ``%``) or writes it
into its SQL is refused when the query is first run, so a test of the code that runs
it finds the mistake."""

import copy
import itertools
import threading
from collections import OrderedDict
from uuid import UUID

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ModelIterable

from home.prepared_prefetch import prefetch
from home.prepared_rows import converted, maker

# Stand-ins: values no page asks for, within any database's integer range.
_numbers = itertools.count(2_147_000_000)

# Shapes (the lengths of a query's lists) compiled per query, the most recently used
# kept: a comparison of 8 products on 60 criteria is one, of 3 on 12 another.
SHAPES_KEPT = 32


def stand_in(kind):
    number = next(_numbers)
    if kind is int:
        return number
    if kind is str:
        return f"\x00prepared-{number}\x00"
    if kind is UUID:
        return UUID(int=number)
    raise TypeError(f"a prepared query takes strings, integers and UUIDs, not {kind!r}")


def as_passed(param, value):
    """How a value reaches the database where its stand-in ``value`` reached it as
    ``param``, or None if it did not reach it there."""
    if type(param) is type(value) and param == value:
        return same
    # PostgreSQL's driver is handed some integers in a type of its own (Int4, an int).
    if isinstance(value, int) and isinstance(param, int) and param == value:
        return type(param)
    # SQLite stores a UUID as its hex digits.
    if isinstance(value, UUID) and param == value.hex:
        return hex_digits
    return None


def same(value):
    return value


def hex_digits(value):
    return value.hex


class PreparationError(ValueError):
    """The query cannot run with other values in its stand-ins' places."""


class PreparedQuery:
    """``build(*values)`` returns the queryset; calling this returns its instances for
    ``values``, as a list (a queryset made from it would compile again, with the
    stand-ins). ``kinds`` are the values' types: ``str``, ``int``, ``UUID``, or a list
    of one (``[int]``, for ``pk__in``), compiled once for each length it comes in. ``build``
    is called once per length, so what it reads (the active language, a setting) must
    be one of the values."""

    def __init__(self, build, *kinds):
        self.build = build
        self.kinds = kinds
        self.shapes = OrderedDict()
        self.lock = threading.Lock()  # a threaded server's requests share the shapes

    def __call__(self, *values):
        if len(values) != len(self.kinds):
            raise TypeError(f"{len(self.kinds)} values expected, {len(values)} given")
        shape = tuple(
            len(value)
            for value, kind in zip(values, self.kinds, strict=True)
            if checked(value, kind)
        )
        with self.lock:
            prepared = self.shapes.get(shape)
            if prepared is None:
                prepared = self.shapes[shape] = prepare(self.build, self.kinds, shape)
                while len(self.shapes) > SHAPES_KEPT:
                    self.shapes.popitem(last=False)
            else:
                self.shapes.move_to_end(shape)
        return prepared.run(flattened(values, self.kinds))

    def __repr__(self):
        return f"<PreparedQuery {self.build.__qualname__}>"


def checked(value, kind):
    """Whether ``value`` is a list (True) or a single value (False) of ``kind``."""
    if isinstance(kind, list):
        (item_kind,) = kind
        if type(value) not in (list, tuple) or any(type(v) is not item_kind for v in value):
            raise TypeError(f"{value!r} is not a list of {item_kind.__name__}")
        return True
    if type(value) is not kind:
        raise TypeError(f"{value!r} is not a {getattr(kind, '__name__', kind)}")
    return False


def flattened(values, kinds):
    """The values one by one, each list's items in its place."""
    flat = []
    for value, kind in zip(values, kinds, strict=True):
        if isinstance(kind, list):
            flat.extend(value)
        else:
            flat.append(value)
    return flat


class Prepared:
    """A queryset compiled once, and where each of its values went in the parameters."""

    def __init__(self, queryset, compiler, sql, params, places):
        # ``places``: for each value, where it goes in the parameters and how.
        self.queryset = queryset
        self.compiler = compiler
        self.sql = sql
        self.params = params
        self.places = places
        self.columns = [column for column, *_ in compiler.select[: compiler.col_count]]
        self.converted_for = (None, None)
        self.make = maker(queryset, compiler)

    def converters(self, connection):
        """How each column is read: the same for every row of every run on a connection
        (the functions are its operations'; each thread has its own connection)."""
        known, converters = self.converted_for
        if known is not connection:
            compiler = copy.copy(self.compiler)
            compiler.connection = connection
            converters = compiler.get_converters(self.columns)
            self.converted_for = (connection, converters)
        return converters

    def run(self, values):
        params = list(self.params)
        for places, value in zip(self.places, values, strict=True):
            for place, adapted in places:
                params[place] = adapted(value)
        template = self.queryset
        alias = template.db
        connection = connections[alias]
        converters = self.converters(connection)
        lookups = template._prefetch_related_lookups
        if self.make is not None:
            with connection.cursor() as cursor:
                cursor.execute(self.sql, params)
                rows = cursor.fetchall()
            found = self.make(alias, converted(rows, converters, connection))
            return self.prefetched(found, lookups)
        # The compiler as compiled, on this thread's connection, answering with this
        # call's parameters; Django's iterable reads its rows as it reads any query's.
        compiler = copy.copy(self.compiler)
        compiler.connection = connection
        compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        compiler.get_converters = lambda expressions: converters
        query = copy.copy(template.query)
        query.get_compiler = lambda *args, **kwargs: compiler
        queryset = QuerySet(model=template.model, query=query, using=alias)
        queryset._iterable_class = template._iterable_class
        queryset._fields = template._fields
        return self.prefetched(list(queryset), lookups)

    def prefetched(self, found, lookups):
        # Instances only: a query of values prefetches nothing.
        if lookups and found and self.queryset._iterable_class is ModelIterable:
            prefetch(found, lookups, PreparedQuery, PreparationError)
        return found


class Nothing:
    """A query that finds nothing, whatever its values."""

    def run(self, values):
        return []


NOTHING = Nothing()


def prepare(build, kinds, shape):
    """Build the queryset with stand-ins (lists of ``shape``'s lengths), compile it and
    find where each stand-in went."""
    lengths = iter(shape)
    arguments, stand_ins = [], []
    for kind in kinds:
        if isinstance(kind, list):
            items = [stand_in(kind[0]) for _ in range(next(lengths))]
            arguments.append(items)
            stand_ins.extend(items)
        else:
            arguments.append(stand_in(kind))
            stand_ins.append(arguments[-1])
    queryset = build(*arguments)
    compiler = queryset.query.get_compiler(using=queryset.db)
    # Also works out what the rows hold (compiler.select, klass_info), kept with it.
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        # An empty list that empties the whole query (``pk__in=[]``) empties it for any
        # values; one that empties a part of it (an alternative) is left out of its SQL.
        return NOTHING
    places = []
    for value in stand_ins:
        where = [
            (place, adapt)
            for place, param in enumerate(params)
            if (adapt := as_passed(param, value)) is not None
        ]
        changed = isinstance(value, str) and any(
            isinstance(param, str) and value in param and param != value for param in params
        )
        if not where or changed or str(value) in sql:
            raise PreparationError(
                f"{queryset.model.__name__}: each value must reach the database unchanged, "
                f"as a parameter ({sql} with {params})"
            )
        places.append(where)
    return Prepared(queryset, compiler, sql, tuple(params), places)
