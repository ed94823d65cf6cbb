"""Search indexing once per object for bulk work (the demo content, test fixtures)."""

from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler


@contextmanager
def index_once():
    """Index each object saved inside the block once, when the block ends.

    Building pages saves each one several times (creation, revision, publication,
    translation), and every save re-indexed it. Here the saves are noted and each
    object that still exists is indexed once at the end, in its final state, also
    when the block ends with an error; deletions keep their own handler.
    """
    saved = {}

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(instance._meta.label, instance.pk)] = None

    models = [model for model in index.get_indexed_models()
              if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(note, sender=model, weak=False, dispatch_uid="portal-index-once")
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid="portal-index-once")
            post_save.connect(post_save_signal_handler, sender=model)
        for label, pk in saved:
            instance = apps.get_model(label).objects.filter(pk=pk).first()
            if instance is not None:
                index.insert_or_update_object(instance)
