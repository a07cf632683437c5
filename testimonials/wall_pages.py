"""The testimonial wall's pages, by keyset: a page starts just past the last testimonial
of the one before it (its cursor), never at an OFFSET, so the hundredth page costs what
the first does, however many testimonials there are.

The wall's orders put the reader's language first (``TestimonialQuerySet.newest_first``
and ``critical_first``). No index can hold "the reader's language first", so each order
is read as segments that an index can: one per language (and, lowest rating first, one
for the rated and one for the unrated). Every segment gives at most a page beyond the
cursor, all in one query, and the page is the first of them in the wall's order.

A cursor is the position it names, spelled out: the sort key and the id of a testimonial
(``en.1735689600000000.42``: language, time submitted in microseconds, id; lowest rating
first, the rating comes first, ``-`` for none). It finds its page whether or not that
testimonial is still shown; the page cache keeps only pages whose cursor is one."""

import datetime
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import connections
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils.translation import gettext

from home.languages import reader_language
from home.prepared import PreparedQuery

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MICROSECOND = datetime.timedelta(microseconds=1)
# Lowest rating first, those without one come last, as if rated below everything.
UNRATED = 6


class InvalidCursor(Http404):
    def __init__(self):
        super().__init__(gettext("There is no such page of testimonials."))


@dataclass(frozen=True)
class Part:
    """One place in a sort key: a column, or a rank that is the same for a whole
    segment (its language, or "unrated")."""

    column: str = ""
    descending: bool = False
    rank: int | None = None


@dataclass
class Position:
    """A testimonial's place in an order: what a cursor says."""

    language: str
    submitted_at: datetime.datetime
    pk: int
    rating: int | None = None

    @classmethod
    def of(cls, row):
        pk, language, submitted_at, *rating = row
        return cls(language, as_datetime(submitted_at), pk, *rating)

    @classmethod
    def of_testimonial(cls, testimonial):
        return cls(
            testimonial.language, testimonial.submitted_at, testimonial.pk, testimonial.rating
        )


def as_datetime(value):
    # Raw rows from SQLite hold text, from PostgreSQL an aware datetime; both are UTC.
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Order:
    """One of the wall's orders, as its segments read it."""

    critical: bool = False

    @property
    def columns(self):
        return ("pk", "language", "submitted_at", *(("rating",) if self.critical else ()))

    def segments(self, language):
        """(condition, parts) for each segment, in any order: they are merged."""
        newest = [Part("submitted_at", descending=True), Part("pk", descending=True)]
        for code, _name in settings.LANGUAGES:
            rank = Part(rank=0 if code == language else 1)
            if not self.critical:
                yield Q(language=code), [rank, *newest]
                continue
            yield Q(language=code, rating__isnull=False), [Part("rating"), rank, *newest]
            yield Q(language=code, rating__isnull=True), [Part(rank=UNRATED), rank, *newest]

    def key(self, position, language):
        """Where ``position`` sorts, as a tuple Python compares."""
        rank = 0 if position.language == language else 1
        since = (position.submitted_at - EPOCH) // MICROSECOND
        key = (rank, -since, -position.pk)
        if self.critical:
            return (position.rating or UNRATED, *key)
        return key

    # Cursors ---------------------------------------------------------------------------

    def cursor(self, position):
        since = (position.submitted_at - EPOCH) // MICROSECOND
        values = [position.language, str(since), str(position.pk)]
        if self.critical:
            values.insert(0, str(position.rating) if position.rating else "-")
        return ".".join(values)

    def position(self, cursor):
        """The position a cursor names; ``InvalidCursor`` (a 404) if it names none."""
        values = cursor.split(".")
        rating = None
        if self.critical and len(values) == 4:
            stars, *values = values
            if stars != "-":
                rating = whole(stars, 1, 5)
        if len(values) != 3 or values[0] not in dict(settings.LANGUAGES):
            raise InvalidCursor
        language, since, pk = values
        try:
            submitted_at = EPOCH + whole(since, 0, 10**17) * MICROSECOND
        except OverflowError as error:
            raise InvalidCursor from error
        return Position(language, submitted_at, whole(pk, 1, 2**63 - 1), rating)


def whole(text, least, most):
    """A whole number written plainly (no sign, no leading zero) within bounds."""
    if not text.isascii() or not text.isdigit() or (text != "0" and text.startswith("0")):
        raise InvalidCursor
    number = int(text)
    if not least <= number <= most:
        raise InvalidCursor
    return number


def beyond(parts, values, forward, inclusive):
    """The condition for the rows past ``values`` in a segment's order (before them if
    not ``forward``): a Q, or True (all of the segment) or False (none of it). Written
    as ``a >= x AND (a > x OR ...)``, so an index seeks to the cursor."""
    if not parts:
        return inclusive
    part, value, rest = parts[0], values[0], beyond(parts[1:], values[1:], forward, inclusive)
    if part.rank is not None:
        return rest if part.rank == value else (part.rank > value) == forward
    lookup = f"{part.column}__{'gt' if part.descending != forward else 'lt'}"
    if rest is False:
        return Q(**{lookup: value})
    if rest is True:
        return Q(**{f"{lookup}e": value})
    return Q(**{f"{lookup}e": value}) & (Q(**{lookup: value}) | rest)


def cursor_values(order, position):
    """The cursor's value for each part of a segment's key."""
    rank = 0 if position.language == reader_language() else 1
    newest = [position.submitted_at, position.pk]
    if order.critical:
        return [position.rating or UNRATED, rank, *newest]
    return [rank, *newest]


def positions(testimonials, order, after=None, forward=True, count=1):
    """The first ``count`` positions past ``after`` (a Position, or None for the
    start), ``after`` itself included if it is still there: one query."""
    language = reader_language()
    queries = []
    for condition, parts in order.segments(language):
        segment = testimonials.filter(condition)
        if after is not None:
            past = beyond(parts, cursor_values(order, after), forward, inclusive=True)
            if past is False:
                continue
            if past is not True:
                segment = segment.filter(past)
        ordering = [
            f"-{part.column}" if part.descending == forward else part.column
            for part in parts
            if part.column
        ]
        queries.append(segment.order_by(*ordering).values_list(*order.columns)[:count])
    rows = union_all(queries, testimonials.db)
    found = sorted(
        (Position.of(row) for row in rows),
        key=lambda position: order.key(position, language),
        reverse=not forward,
    )
    return found[:count]


def first(testimonials, count, critical=False):
    """The first ``count`` of ``testimonials`` in the wall's order, ready to display,
    read through its indexes rather than by sorting them all (a product page's newest):
    each segment's first ids in a subquery, so one query however many there are."""
    return in_wall_order(candidates(testimonials, count, critical), count, critical)


def candidates(testimonials, count, critical=False):
    """What ``first`` puts in order: the first ``count`` of each segment, as a queryset.
    Its SQL is the same in every language (the reader's counts only in the order)."""
    order = Order(critical=critical)
    queries = [
        testimonials.filter(condition)
        .order_by(*(f"-{p.column}" if p.descending else p.column for p in parts if p.column))
        .values_list("pk")[:count]
        for condition, parts in order.segments(reader_language())
    ]
    ids, params = union_sql(queries)
    # Django's own SQL, with its parameters kept apart.
    return testimonials.for_display().filter(pk__in=RawSQL(ids, params))  # noqa: S611


def in_wall_order(testimonials, count, critical=False):
    order, language = Order(critical=critical), reader_language()

    def place(testimonial):
        return order.key(Position.of_testimonial(testimonial), language)

    return sorted(testimonials, key=place)[:count]


def newest_of_product(model, count):
    """``first(count)`` of one product's public testimonials, compiled once (the query
    of every product page): called with the product's id."""
    # Its segments are the site's languages, read when it is compiled: one compiled
    # for each list of them.
    return newest_of_product_in(model, count, tuple(settings.LANGUAGES))


@cache
def newest_of_product_in(model, count, languages):

    def build(product_id):
        return candidates(model.objects.filter(product_id=product_id).public(), count)

    return PreparedQuery(build, int)


@cache
def shown_by_id(model):
    """A wall page's testimonials, by their ids, with what their cards show
    (``for_display``): the same query on every page of the wall whatever the reader's
    filters (those chose the ids), compiled once per number of ids."""

    def build(ids):
        return model.objects.public().for_display().filter(pk__in=ids)

    return PreparedQuery(build, [int])


def union_sql(queries):
    """The SQL and parameters of every query's rows, one after the other. Django unions
    sliced querysets on PostgreSQL only, so the SQL is joined here; each part is
    Django's own SQL."""
    sql, params = [], []
    for number, query in enumerate(queries):
        part, part_params = query.query.sql_with_params()
        sql.append(f"SELECT * FROM ({part}) AS segment_{number}")  # noqa: S608 (Django's SQL)
        params.extend(part_params)
    return " UNION ALL ".join(sql), params


def union_all(queries, alias):
    """The rows of every query, in one round trip."""
    if not queries:
        return []
    sql, params = union_sql(queries)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass
class WallPage:
    """One page of the wall: its testimonials and the cursors of its neighbours."""

    positions: list
    newer: str = ""  # the cursor before which the previous page ends
    older: str = ""  # the cursor after which the next page starts
    canonical: str = ""  # the cursor after which this page starts, if not the first
    confirmed: bool = False  # the cursor asked for names a testimonial shown on the wall

    @property
    def is_first(self):
        return not self.newer


def wall_page(testimonials, order, per_page, after="", before=""):
    """The page of ``testimonials`` (filtered; ``order`` orders them) after or before
    a cursor, or the first page. None if the cursor leads nowhere any more (nothing
    after it, or nothing before the page before it): the first page is the answer."""
    if after and before:
        raise InvalidCursor
    cursor = after or before
    position = order.position(cursor) if cursor else None
    found = positions(testimonials, order, position, forward=not before, count=per_page + 2)
    # The whole cursor, not only its id: a made-up time before a real id would
    # otherwise find the same page under any number of addresses.
    confirmed = bool(found) and position is not None and order.cursor(found[0]) == cursor
    if confirmed:
        found = found[1:]
    if before:
        if len(found) <= per_page:
            return None
        shown = found[:per_page][::-1]
        page = WallPage(
            shown, newer=order.cursor(shown[0]), canonical=order.cursor(found[per_page])
        )
        page.older = order.cursor(shown[-1])
    else:
        shown = found[:per_page]
        if position is not None and not shown:
            return None
        page = WallPage(shown, canonical=cursor)
        if position is not None:
            page.newer = order.cursor(shown[0])
        if len(found) > per_page:
            page.older = order.cursor(shown[-1])
    page.confirmed = confirmed
    return page
