"""A prepared query's rows made into what Django's iterable makes of them, all at once.

Django's iterable reads a query's rows one by one: each row's columns converted one by
one, each instance made by ``from_db``, and each object selected with it (a table's
criteria with their rows, a product with its logo) by a populator of its own, row by
row. A comparison's 480 facts and 60 criteria spent more on that than on the query.
For rows all made alike (dictionaries for ``values()``; instances of a
``LoadedFromRows`` model, with what ``select_related`` selects with them), the
columns are converted one column at a time and the instances of each model made in
one pass, then joined up as Django's populators join them. Any other query
(``extra()``, multi-table inheritance, a model that makes its instances its own way)
goes through Django's iterable (home.prepared)."""

from django.db.models.query import ModelIterable, ValuesIterable

from home.model_rows import LoadedFromRows


def maker(queryset, compiler):
    """For a query whose rows are all made alike, a function making them from its
    rows at once: ``make(alias, rows)``. None for any other, which Django's iterable
    reads row by row."""
    if compiler.has_extra_select or queryset._known_related_objects:
        return None
    query = queryset.query
    if queryset._iterable_class is ValuesIterable:
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        return lambda alias, rows: [dict(zip(names, row, strict=True)) for row in rows]
    klass_info = compiler.klass_info
    model = queryset.model
    if (
        queryset._iterable_class is not ModelIterable
        or not issubclass(model, LoadedFromRows)
        or klass_info["model"] is not model
    ):
        return None
    # The model's columns, then its annotations, each named as Django's iterable sets
    # them; an annotation that a class attribute would take is left to Django. What
    # select_related selects comes after them.
    count = len(klass_info["select_fields"])
    annotations = sorted(compiler.annotation_col_map.items(), key=lambda item: item[1])
    width = count + len(annotations)
    if klass_info["select_fields"] != list(range(count)) or [
        position for _, position in annotations
    ] != list(range(count, width)):
        return None
    if any(hasattr(model, name) for name, _ in annotations):
        return None
    names = [column.target.attname for column, *_ in compiler.select[:count]]
    names += [name for name, _ in annotations]
    populators = related_populators(klass_info, compiler.select)
    if populators is None:
        return None

    def make(alias, rows):
        own = [row[:width] for row in rows] if populators else rows
        instances = model.from_rows(alias, names, own)
        for populate in populators:
            populate(alias, rows, instances)
        return instances

    return make


def related_populators(klass_info, select):
    """For each model selected with ``klass_info``'s (``select_related``), a function
    ``populate(alias, rows, parents)`` giving each parent its object from its row, as
    Django's RelatedPopulator gives one row's; None if one cannot be made so."""
    populators = []
    for info in klass_info.get("related_klass_infos", ()):
        populate = related_populator(info, select)
        if populate is None:
            return None
        populators.append(populate)
    return populators


def related_populator(info, select):
    fields = info["select_fields"]
    # A parent's columns read into a child (multi-table inheritance) are not in a run.
    if info["from_parent"] or not fields or fields != list(range(fields[0], fields[-1] + 1)):
        return None
    start, end = fields[0], fields[-1] + 1
    model = info["model"]
    names = [column.target.attname for column, *_ in select[start:end]]
    key = start + names.index(model._meta.pk.attname)
    nested = related_populators(info, select)
    if nested is None:
        return None
    made_from = rows_made(model, names)
    local_setter, remote_setter = info["local_setter"], info["remote_setter"]

    def populate(alias, rows, parents):
        # A row whose related object is missing (a null foreign key) gives its parent None.
        found = [row for row in rows if row[key] is not None]
        children = iter(made_from(alias, [row[start:end] for row in found]))
        made = []
        for row, parent in zip(rows, parents, strict=True):
            child = next(children) if row[key] is not None else None
            local_setter(parent, child)
            if child is not None:
                remote_setter(child, parent)
                made.append(child)
        for populate_nested in nested:
            populate_nested(alias, found, made)

    return populate


def rows_made(model, names):
    """How ``model``'s instances are made from rows of the fields ``names``: all at once
    if it is made from rows, else each by its own ``from_db``, as Django makes it."""
    if issubclass(model, LoadedFromRows):
        return lambda alias, rows: model.from_rows(alias, names, rows)
    return lambda alias, rows: [model.from_db(alias, names, row) for row in rows]


def converted(rows, converters, connection):
    """``rows`` with each column read as Django reads it: column by column, one call
    per value, rather than each row's columns one by one."""
    if not converters or not rows:
        return rows
    columns = list(zip(*rows, strict=True))
    for position, (functions, expression) in converters.items():
        column = columns[position]
        for function in functions:
            column = [function(value, expression, connection) for value in column]
        columns[position] = column
    return list(zip(*columns, strict=True))
