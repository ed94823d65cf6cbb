"""Background work for documents: text extraction after an upload or a replaced file.

The task runs through Django's task framework (django-tasks, which Wagtail uses):
with the default immediate backend it runs when the upload's transaction
commits; a deployment that configures a worker backend moves it out of the
request, so a long file does not keep the editor waiting.
"""

import logging

from django.db import transaction
from django_tasks import task
from wagtail.search.index import insert_or_update_object

from models_library.document_index import reindex_pages_using
from models_library.text_extraction import Extraction, Status, extract

logger = logging.getLogger(__name__)


def read_file(document):
    """The document's bytes, or None when its file is missing from storage."""
    try:
        with document.open_file() as handle:
            return handle.read()
    except (FileNotFoundError, OSError, ValueError) as error:
        logger.warning("Document %s: file cannot be read: %s", document.pk, error)
        return None


def extract_document(document):
    """Extract and store the text of one document; return the stored status."""
    from django.utils.translation import gettext

    data = read_file(document)
    if data is None:
        result = Extraction(Status.FAILED,
                            message=gettext("The file is missing from storage; upload it again."))
    else:
        result = extract(data)
    type(document).objects.filter(pk=document.pk).update(
        extracted_text=result.text,
        extraction_status=result.status,
        extraction_message=str(result.message)[:500],
        page_count=result.page_count,
        extracted_from=document.file.name,
    )
    if not document.language and result.language:
        type(document).objects.filter(pk=document.pk, language="").update(
            language=result.language)
    document.refresh_from_db()
    insert_or_update_object(document)
    reindex_pages_using([document.pk])
    return document.extraction_status


@task()
def extract_document_text_task(document_id):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None and document.needs_extraction:
        extract_document(document)


def schedule_extraction(document):
    """Extract the text once the upload's transaction has committed."""
    document_id = document.pk
    transaction.on_commit(lambda: extract_document_text_task.enqueue(document_id))
