"""What a prepared query prefetches (``prefetch_related``), read by prepared queries too.

Django's prefetch builds and compiles a query for each lookup on every run, with the
instances found in its ``IN`` list: on the wall, whose twenty cards prefetch their
photos' renditions and our replies' earlier versions, that was a tenth of a render once
the wall's own query was prepared. A lookup that follows relations already loaded with
the instances (``select_related``) to a reverse foreign key (``photo__renditions``) is
read here by a query compiled once per number of parents (home.prepared), and cached on
each parent as Django caches it, so ``photo.renditions.all()`` reads it. Any other
lookup (a ``Prefetch`` with a queryset of its own, a many-to-many, a relation not
loaded, a key that is not an integer) is left to Django."""

from collections import defaultdict
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db.models import prefetch_related_objects
from django.db.models.constants import LOOKUP_SEP
from django.db.models.fields.related_descriptors import ReverseManyToOneDescriptor


def prefetch(instances, lookups, prepared_query, refused):
    """``prefetch_related_objects(instances, *lookups)``, the lookups it can read with
    prepared queries (``prepared_query``, home.prepared's, which runs this) read so;
    one whose query ``prepared_query`` refuses (``refused``) is left to Django."""
    # A ``Prefetch`` among them may name the same relations with a queryset of its own,
    # which Django checks against the rest: all of them are left to it then.
    if any(not isinstance(lookup, str) for lookup in lookups):
        prefetch_related_objects(instances, *lookups)
        return
    left = []
    for lookup in lookups:
        try:
            done = prefetched(instances, lookup, prepared_query)
        except refused:  # a child model whose query changes its values
            done = False
        if not done:
            left.append(lookup)
    if left:
        prefetch_related_objects(instances, *left)


def prefetched(instances, lookup, prepared_query):
    """Whether ``lookup`` was read for ``instances`` (False: left to Django, which finds
    at most the empty prefetch caches it would have made itself)."""
    *path, accessor = lookup.split(LOOKUP_SEP)
    walked = []
    parents = loaded_along(instances, path, walked)
    if parents is None:
        return False
    for obj in walked:
        # As Django leaves every object it walks through, whatever it finds.
        obj.__dict__.setdefault("_prefetched_objects_cache", {})
    if not parents:
        return True  # nothing to prefetch for: no photo on any card
    descriptor = getattr(type(parents[0]), accessor, None)
    # Exactly a reverse foreign key: a many-to-many's descriptor is a subclass.
    if type(descriptor) is not ReverseManyToOneDescriptor:
        return False
    field = descriptor.field  # the child's foreign key to the parent
    if len(field.foreign_related_fields) != 1:
        return False
    target = field.foreign_related_fields[0].attname
    cache_name = field.remote_field.cache_name
    keys = list(dict.fromkeys(getattr(parent, target) for parent in parents))
    if any(type(key) is not int for key in keys) or any(
        cache_name in parent._prefetched_objects_cache for parent in parents
    ):
        return False
    children = defaultdict(list)
    for child in children_query(field, prepared_query)(keys):
        children[getattr(child, field.attname)].append(child)
    for parent in parents:
        found = children.get(getattr(parent, target), [])
        for child in found:
            field.set_cached_value(child, parent)
        # The parent's own related queryset, as Django caches it: one filtered further
        # asks the database with the parent's condition.
        queryset = getattr(parent, accessor).get_queryset()
        queryset._result_cache = found
        queryset._prefetch_done = True
        parent._prefetched_objects_cache[cache_name] = queryset
    return True


def loaded_along(instances, path, walked):
    """The objects ``path`` (forward relations) leads to from ``instances``, each once,
    if every step was loaded with them; None if one was not. ``walked`` is given every
    object on the way (the last step's included)."""
    objects = instances
    for name in path:
        walked.extend(objects)
        if not objects:
            return objects
        try:
            field = objects[0]._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        # A foreign key, or a one-to-one either way (a testimonial's reply).
        if not ((field.many_to_one and field.concrete) or field.one_to_one):
            return None
        if not all(field.is_cached(obj) for obj in objects):
            return None
        related = (field.get_cached_value(obj) for obj in objects)
        objects = list({id(obj): obj for obj in related if obj is not None}.values())
    walked.extend(objects)
    return objects


@cache
def children_query(field, prepared_query):
    """The children of parents whose keys it is given, by ``field``: as the parent's
    related manager reads them (the child model's default manager, built once: one
    whose query reads the language or the time would need its own prepared query)."""
    model = field.model

    def build(keys):
        return model._default_manager.filter(**{f"{field.name}__in": keys})

    build.__qualname__ = f"children_query({model.__name__}.{field.name})"
    return prepared_query(build, [int])
