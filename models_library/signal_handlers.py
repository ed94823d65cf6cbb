"""Keep derived data fresh: a new or replaced document file gets its text extracted."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from models_library.text_extraction import Status


def document_saved(sender, instance, **kwargs):
    if not instance.needs_extraction:
        return
    from models_library.tasks import schedule_extraction

    if instance.extraction_status != Status.PENDING:
        sender.objects.filter(pk=instance.pk).update(extraction_status=Status.PENDING,
                                                     extraction_message="")
        instance.extraction_status = Status.PENDING
    schedule_extraction(instance)


def register_signal_handlers():
    post_save.connect(document_saved, sender=get_document_model(),
                      dispatch_uid="models_library_document_saved")
