"""Search indexing deferred for bulk work: the demo content, bulk imports, test fixtures."""

import functools
import logging
from contextlib import contextmanager

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import F
from django.db.models.query import ModelIterable
from django.db.models.signals import post_save
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
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


# -- related objects of a batch, loaded in bulk ----------------------------------------
# modelsearch prefetches plain relations for indexing but leaves out modelcluster's
# (ParentalManyToManyField, ParentalKey), whose managers ignore Django's prefetch
# cache; every page then cost one query per relation, twice (our analysed text and the
# backend's own RelatedFields). A batch's related objects are loaded here in one query
# per relation and handed to each page the way modelcluster keeps unsaved relations, so
# both readers get them without a query.

class WithSearchRelations(ModelIterable):
    """Model iterable that loads the search index's related objects for all rows at once
    and lets ``indexed_once`` values be computed once per object."""

    def __iter__(self):
        objects = list(super().__iter__())
        attach_search_relations(objects)
        for obj in objects:
            obj._indexed_values = {}
        yield from objects


def indexed_once(method):
    """Compute a search field's value once per object loaded for the index.

    modelsearch's database backends read every search field three times per object
    (title, body and autocomplete columns); the portal's analysed fields run Finnish
    morphology over all of a page's text. Objects from ``get_indexed_objects`` keep
    the first value; any other object computes it on every call, as before.
    """
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        kept = self.__dict__.get("_indexed_values")
        if kept is None:
            return method(self, *args, **kwargs)
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        if key not in kept:
            kept[key] = method(self, *args, **kwargs)
        return kept[key]
    return wrapper


def attach_search_relations(objects):
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    for model, group in by_model.items():
        for name, relation in _cluster_relations(model):
            related = _load_related(relation, [obj.pk for obj in group])
            for obj in group:
                cache = obj.__dict__.setdefault("_cluster_related_objects", {})
                cache.setdefault(name, related.get(obj.pk, []))


def _cluster_relations(model):
    """(name, relation) of the modelcluster relations the index reads: every child
    relation (ParentalKey), which search fields such as a page's document text go
    through, and the ParentalManyToManyFields among the RelatedFields."""
    relations = [(relation.get_accessor_name(), relation)
                 for relation in get_all_child_relations(model)]
    for field in model.get_search_fields():
        if isinstance(field, index.RelatedFields):
            try:
                target = model._meta.get_field(field.field_name)
            except FieldDoesNotExist:
                continue
            if isinstance(target, ParentalManyToManyField) and not target.remote_field.hidden:
                relations.append((field.field_name, target))
    return relations


def _load_related(field, ids):
    """{owner id: [related objects]} for one relation, in one query."""
    grouped = {}
    if isinstance(field, ParentalManyToManyField):
        owner = field.related_query_name()
        objects = (field.related_model._default_manager.filter(**{f"{owner}__in": ids})
                   .annotate(_search_owner=F(owner)))  # the related model's own order
        for obj in objects:
            grouped.setdefault(obj._search_owner, []).append(obj)
    else:
        key = field.field.attname  # a child relation (ParentalKey)
        for obj in field.related_model.objects.filter(**{f"{key}__in": ids}):
            grouped.setdefault(getattr(obj, key), []).append(obj)
    return grouped
