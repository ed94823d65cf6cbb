from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from models_library.tasks import extract_document


class Command(BaseCommand):
    help = "Extract the text of every document again (or only of those not yet extracted)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true",
                            help="Only documents whose current file has not been read yet.")

    def handle(self, *args, missing=False, **options):
        documents = get_document_model().objects.order_by("pk")
        counts = {}
        for document in documents.iterator():
            if missing and not document.needs_extraction:
                continue
            status = extract_document(document)
            counts[status] = counts.get(status, 0) + 1
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Documents read again — {summary or 'none'}."))
