"""Model instances made from database rows without ``Model.__init__``.

A comparison table or a product's facts load hundreds of rows per render, and making
each instance cost more than the query: ``Model.__init__`` sends pre_init and
post_init and sets each field through its descriptor, and modelcluster's
``ClusterableModel.__init__`` first lists the model's child relations, for keyword
arguments a row never has. For a model that adds nothing else (no ``__init__`` of its
own, no field whose descriptor stores anything but the value, nobody listening for the
signals), putting the row's values in the instance's ``__dict__`` makes the same
instance; a deferred field is one left out, as Django leaves it. Anything else goes
through Django as usual. Whether anybody listens is asked once per query.

Models opt in with ``LoadedFromRows``; a listing of Wagtail's own pages (which cannot)
is made from its rows by ``made_from_rows``. A prepared query (home.prepared) makes all
of its rows' instances at once, with ``from_rows``.
"""

from functools import cache

from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init

from modelcluster.models import ClusterableModel
from wagtail.models import Page

# Constructors that, given only a row's values (no keyword arguments), do nothing more
# than Model.__init__. Wagtail's Page gives a page made in code (one without an id) its
# content type and menu default; a row always has its id.
ROW_PLAIN_INITS = (Model, ClusterableModel, Page, object)


class LoadedFromRows:
    """For a model loaded many rows at a time: its instances made by ``from_row``, or
    all of a query's at once by ``from_rows``."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # The two make the same instances: what one adds, the other must.
        if "from_db" in vars(cls) and "from_rows" not in vars(cls):
            raise TypeError(f"{cls.__name__} adds to from_db: add the same to from_rows")

    @classmethod
    def from_db(cls, db, field_names, values):
        return from_row(cls, db, field_names, values)

    @classmethod
    def from_rows(cls, db, names, rows):
        """The instances of ``rows``: the fields ``names`` (attribute names), then any
        annotations, as ``made_from_rows`` makes them."""
        return made_from_rows(cls, rows, names, db)


# model -> (the list of field names its rows were last checked with, the answer).
_checked = {}


def from_row(model, db, field_names, values):
    """What ``Model.from_db`` would return, made faster where it is the same thing."""
    # Django hands every row of a query (and of each model it selects related) the same
    # list of field names: the listeners are looked up once per query and model rather
    # than for each of a table's hundreds of rows.
    checked_names, plain = _checked.get(model, (None, False))
    if checked_names is not field_names:
        plain = plain_rows(model)
        _checked[model] = (field_names, plain)
    if plain:
        instance = model.__new__(model)
        instance._state = state = ModelState()
        state.adding = False
        state.db = db
        instance.__dict__.update(zip(field_names, values, strict=True))
        return instance
    return Model.from_db.__func__(model, db, field_names, values)


def loaded_value(instance, attname):
    """A field's value as the instance was loaded with it, read from the instance itself:
    a foreign key's descriptor does more than read its column, for each of a table's
    hundreds of rows. One the query left out is read as Django reads it."""
    try:
        return instance.__dict__[attname]
    except KeyError:
        return getattr(instance, attname)


def made_from_rows(model, rows, names, db="default"):
    """``model`` instances holding the fields ``names`` only (by attribute name, and
    annotations after them), made from ``rows`` of them as ``from_row`` makes one; any
    other field is deferred, read when asked for, as Django reads one left out by
    ``only()``. For a listing of links, where making each page through
    ``Model.__init__`` cost more than its row, and a prepared query's rows."""
    names = list(names)
    if not plain_rows(model):
        return made_by_django(model, rows, names, db)
    made = []
    new = model.__new__
    for values in rows:
        instance = new(model)
        instance._state = state = ModelState()
        state.adding = False
        state.db = db
        instance.__dict__.update(zip(names, values, strict=True))
        made.append(instance)
    return made


def made_by_django(model, rows, names, db):
    # Model.from_db takes fields only, in the model's order: anything else (an
    # annotation) is set after, as Django's iterable sets it.
    position = {name: n for n, name in enumerate(names)}
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in position]
    others = [name for name in names if name not in fields]
    made = []
    for values in rows:
        field_values = [values[position[name]] for name in fields]
        instance = Model.from_db.__func__(model, db, fields, field_values)
        for name in others:
            setattr(instance, name, values[position[name]])
        made.append(instance)
    return made


def plain_rows(model):
    # Listeners are checked for each query: one may connect after the first is loaded.
    listened = pre_init.has_listeners(model) or post_init.has_listeners(model)
    return not listened and plain_model(model)


@cache
def plain_model(model):
    """True when ``Model.__init__`` given a row only stores its values."""
    own_init = any(
        "__init__" in vars(klass) for klass in model.__mro__ if klass not in ROW_PLAIN_INITS
    )
    # DeferredAttribute (and ForeignKeyDeferredAttribute, which also forgets a cached
    # related object that a new instance does not have) store the value as it is.
    attributes = class_attributes(model)
    stored_as_is = all(
        isinstance(attributes.get(field.attname), DeferredAttribute)
        for field in model._meta.concrete_fields
    )
    return not own_init and stored_as_is


def class_attributes(model):
    """Class attributes, inherited ones included."""
    attributes = {}
    for klass in reversed(model.__mro__):
        attributes.update(vars(klass))
    return attributes
