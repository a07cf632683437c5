"""Model instances made from full database rows without ``Model.__init__``.

A comparison table or a product's facts load hundreds of rows of one model per render,
and ``Model.__init__`` costs more than the query: it sends pre_init and post_init,
and sets each field through its descriptor. For a row holding every concrete field of
a model that adds nothing of its own to that (no ``__init__``, no field whose
descriptor stores anything but the value, nobody listening for the signals), putting
the values in the instance's ``__dict__`` makes the same instance. Anything else goes
through Django as usual.
"""

from functools import cache

from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init


def from_row(model, db, field_names, values):
    """What ``Model.from_db`` would return, made faster where it is the same thing."""
    if len(values) == len(model._meta.concrete_fields) and plain_rows(model):
        instance = model.__new__(model)
        instance._state = state = ModelState()
        state.adding = False
        state.db = db
        instance.__dict__.update(zip(field_names, values, strict=True))
        return instance
    return super(model, model).from_db(db, field_names, values)


def plain_rows(model):
    return not (pre_init.has_listeners(model) or post_init.has_listeners(model)) and plain_model(
        model
    )


@cache
def plain_model(model):
    """True when ``Model.__init__`` given a full row only stores its values."""
    own_init = any(
        "__init__" in vars(klass) for klass in model.__mro__ if klass not in (Model, object)
    )
    # DeferredAttribute (and ForeignKeyDeferredAttribute, which also forgets a cached
    # related object that a new instance does not have) store the value as it is.
    stored_as_is = all(
        isinstance(vars_of(model).get(field.attname), DeferredAttribute)
        for field in model._meta.concrete_fields
    )
    return not own_init and stored_as_is


def vars_of(model):
    """Class attributes, inherited ones included."""
    attributes = {}
    for klass in reversed(model.__mro__):
        attributes.update(vars(klass))
    return attributes
