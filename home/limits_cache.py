"""The shared store of limits: how often each client address sent each form, which
form tokens were used, which referral visits were counted.

It is a cache alias of its own (``settings.RATELIMIT_USE_CACHE``), never the page
cache: full pages would evict the counts and reset every limit. It is shared by every
app server: Redis when REDIS_URL is set, otherwise a table in the database."""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


def limits_cache():
    return caches[settings.RATELIMIT_USE_CACHE]


class LimitsDatabaseCache(DatabaseCache):
    """Django's database cache, whose increment two app servers cannot both lose.

    Django reads the value and writes it back; two processes counting at once both
    read 3 and both write 4. Here the row is locked first, by an update that changes
    nothing (a row lock on PostgreSQL, the write lock on SQLite), so the second
    process reads what the first one wrote."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Django tries to insert and lets the unique key refuse a duplicate: a write
        # and an error in the database's log for every hit on a key it already has.
        if self.has_key(key, version=version):
            return False
        return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        with transaction.atomic(using=db), connection.cursor() as cursor:
            # Only quoted names are formatted in; the key is a parameter.
            cursor.execute(
                "UPDATE {table} SET {expires} = {expires} WHERE {cache_key} = %s".format(  # noqa: S608
                    table=quote_name(self._table),
                    expires=quote_name("expires"),
                    cache_key=quote_name("cache_key"),
                ),
                [self.make_and_validate_key(key, version=version)],
            )
            # The new value keeps the alias's TIMEOUT: a counter's key names its
            # window, so living longer than the window never counts a send twice.
            return super().incr(key, delta, version)

    def _cull(self, db, cursor, now, num):
        # Only entries past their time. Django, once the table is full, also deletes a
        # third of the live ones by key order: used form tokens first, so a flood of
        # referral visits from many addresses would make tokens good again and reset
        # limits. Every entry expires (a day at most), so the table stays bounded.
        connection = connections[db]
        quote_name = connection.ops.quote_name
        cursor.execute(
            "DELETE FROM {table} WHERE {expires} < %s".format(  # noqa: S608
                table=quote_name(self._table), expires=quote_name("expires")
            ),
            [connection.ops.adapt_datetimefield_value(now)],
        )
