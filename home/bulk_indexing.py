"""Loading hundreds of records at once (the demo, the benchmark's data set): Wagtail's
reference index and the search index built once at the end, not record by record.

Record by record, every save of an indexed model runs a search-index task (a query for
the object, another to store its words: about 12 ms each, a quarter of the demo's load)
and updates the reference index; ``update_index`` and ``rebuild_references_index`` then
do it all again from scratch. Within ``indexes_paused()`` saves skip both; the loader
then runs ``rebuild_indexes()`` once, if it changed anything."""

from contextlib import contextmanager

from django.core.management import call_command
from django.db.models.signals import post_save

from wagtail.signal_handlers import disable_reference_index_auto_update

from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler


@contextmanager
def indexes_paused():
    """Saves leave both indexes alone (deletions are still taken out of the search
    index as they happen, as a rebuild would): rebuild them afterwards."""
    with disable_reference_index_auto_update(), search_index_paused():
        yield


def rebuild_indexes():
    """Both indexes, from what is in the database."""
    call_command("rebuild_references_index", verbosity=0)
    call_command("update_index", verbosity=0)


@contextmanager
def search_index_paused():
    """Saves of indexed models enqueue no search-index task; the handlers are
    connected again however it ends. In this process only, so a management command or
    a test that loads data in bulk, not a request of a running site."""
    models = [
        model
        for model in index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
