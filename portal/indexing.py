"""Search indexing deferred for bulk work: the demo content, bulk imports, test fixtures."""

import logging
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler

logger = logging.getLogger(__name__)

CHUNK = 100  # objects per bulk request to a search backend


@contextmanager
def deferred_indexing(models=None, batch_size=None):
    """Index the objects saved inside the block in bulk, once each, not on every save.

    Building pages saves each one several times (creation, revision, publication,
    translation), and every save re-indexed it. While the block runs, the search
    backends' save handler is disconnected for ``models`` (by default every model
    indexed on save); the ids of saved objects are collected and indexed in their
    final state when the block ends, also when it ends with an error, and every
    ``batch_size`` saves (when given) once the transaction commits, so no saved
    object is left out of the index. Objects rolled back in the meantime no longer
    exist and are skipped; deletions keep their own handler. Other saves of these
    models in the same process are deferred too: for bulk work in one process.
    """
    if models is None:
        models = [model for model in index.get_indexed_models()
                  if getattr(model, "search_auto_update", True)]
    pending = {model: set() for model in models}
    uid = f"deferred-indexing-{id(pending)}"

    def collect(sender, instance, raw=False, **kwargs):
        if raw:
            return
        pending[sender].add(instance.pk)
        if batch_size and sum(len(ids) for ids in pending.values()) >= batch_size:
            transaction.on_commit(lambda: _index_pending(pending))

    reconnect = []
    for model in models:
        if post_save.disconnect(post_save_signal_handler, sender=model):
            reconnect.append(model)
        post_save.connect(collect, sender=model, weak=False, dispatch_uid=uid)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=uid)
        for model in reconnect:
            post_save.connect(post_save_signal_handler, sender=model)
        _index_pending(pending)


def _index_pending(pending):
    """Index (in bulk) the collected objects that still exist, and forget them."""
    for model, ids in pending.items():
        if not ids:
            continue
        wanted = list(ids)
        ids.clear()
        for start in range(0, len(wanted), CHUNK):
            objects = list(model.get_indexed_objects().filter(pk__in=wanted[start:start + CHUNK]))
            if not objects:
                continue
            for backend in get_search_backends(with_auto_update=True):
                try:
                    backend.add_bulk(model, objects)
                except Exception:
                    if not getattr(backend, "catch_indexing_errors", False):
                        raise
                    logger.exception("Could not index %d %s objects in %s", len(objects),
                                     model._meta.label, backend)
