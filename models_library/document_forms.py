"""The admin's document form: uploads are checked by content before they are stored."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from models_library.text_extraction import RefusedFile, check_upload

DEFAULT_MAX_BYTES = 25 * 1024 * 1024


def max_upload_bytes():
    return getattr(settings, "PORTAL_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def read_upload(uploaded, limit):
    """Up to ``limit + 1`` bytes of an upload, from the start, leaving it rewound."""
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    uploaded.seek(0)
    return data


class PortalDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        document = self.instance
        if document.pk and "file" in self.fields and document.text_not_extracted:
            # A lasting notice on the document's edit page, where the editor can act on it.
            self.fields["file"].help_text = _(
                "The text of the current file was not extracted, so search does not find "
                "words inside it: %(reason)s"
            ) % {"reason": document.extraction_message
                 or document.get_extraction_status_display()}

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is None or "file" not in self.changed_data:
            return uploaded
        limit = max_upload_bytes()
        try:
            check_upload(read_upload(uploaded, limit), uploaded.name, limit)
        except RefusedFile as refusal:
            raise ValidationError(str(refusal), code="refused") from refusal
        return uploaded

    def save(self, commit=True):
        if "file" in self.changed_data:
            self.instance.extracted_from = ""  # a replaced file is always read again
        return super().save(commit=commit)
