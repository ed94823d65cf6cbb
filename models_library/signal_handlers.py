"""Keep derived data fresh: a new or replaced document file gets its text extracted, and
the pages that use a document are indexed again when its text or privacy changes."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction
from wagtail.search.index import insert_or_update_object

from models_library.document_index import pages_using_documents, reindex_pages_using
from models_library.text_extraction import Status


def document_saved(sender, instance, **kwargs):
    # Title, description or collection (privacy) may have changed.
    reindex_pages_using([instance.pk])
    if not instance.needs_extraction:
        return
    from models_library.tasks import schedule_extraction

    if instance.extraction_status != Status.PENDING:
        sender.objects.filter(pk=instance.pk).update(extraction_status=Status.PENDING,
                                                     extraction_message="")
        instance.extraction_status = Status.PENDING
    schedule_extraction(instance)


def document_deleting(sender, instance, **kwargs):
    instance._pages_using = pages_using_documents([instance.pk])


def document_deleted(sender, instance, **kwargs):
    for page in getattr(instance, "_pages_using", []):
        insert_or_update_object(page)


def collection_privacy_changed(sender, instance, **kwargs):
    """A collection became private or public: its documents' pages are indexed again."""
    collection = instance.collection
    ids = get_document_model().objects.filter(
        collection__path__startswith=collection.path).values_list("pk", flat=True)
    reindex_pages_using(ids)


def register_signal_handlers():
    document = get_document_model()
    post_save.connect(document_saved, sender=document,
                      dispatch_uid="models_library_document_saved")
    pre_delete.connect(document_deleting, sender=document,
                       dispatch_uid="models_library_document_deleting")
    post_delete.connect(document_deleted, sender=document,
                        dispatch_uid="models_library_document_deleted")
    for signal in (post_save, post_delete):
        signal.connect(collection_privacy_changed, sender=CollectionViewRestriction,
                       dispatch_uid=f"models_library_collection_privacy_{signal is post_save}")
