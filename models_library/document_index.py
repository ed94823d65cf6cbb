"""Pages whose search text includes documents (see ``public_document_text``), and
indexing them again when a document's text, title or privacy changes."""

from wagtail.search.index import insert_or_update_object


def pages_using_documents(document_ids):
    """Pathways, operating models and programmes whose search text includes the documents."""
    from models_library.models import OperatingModelPage, ProgrammePage, ServicePathwayPage

    ids = list(document_ids)
    if not ids:
        return []
    return [
        *ServicePathwayPage.objects.filter(documents__in=ids).distinct(),
        *OperatingModelPage.objects.filter(attachments__document__in=ids).distinct(),
        *ProgrammePage.objects.filter(attachments__document__in=ids).distinct(),
    ]


def reindex_pages_using(document_ids):
    for page in pages_using_documents(document_ids):
        insert_or_update_object(page)
