"""The portal's Wagtail document model: the file plus its extracted text.

Text is extracted when a file is uploaded or replaced (``models_library.tasks``)
and kept in ``extracted_text``, which Wagtail's search index holds, so a search
finds words that appear only inside a file. Documents in a private collection
stay private, text included: ``PortalDocument.objects.public()`` is the only
way public surfaces list documents.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.models import CollectionViewRestriction
from wagtail.search import index

from models_library.text_extraction import EXTENSION_KIND, KIND_LABELS, KINDS, Status


class PortalDocumentQuerySet(DocumentQuerySet):
    def public(self):
        """Documents outside every private collection (one subquery)."""
        restricted = list(
            CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        )
        hidden = Q()
        for path in restricted:
            hidden |= Q(collection__path__startswith=path)
        return self.exclude(hidden) if restricted else self


MAX_INDEXED_TEXT = 200_000  # characters of one page's document text sent to the index


def public_document_text(document_ids):
    """Title, description and extracted text of the public documents among ``document_ids``.

    Pages that use documents index this text (``document_text`` search field), so the
    portal search finds a pathway or a model by words that occur only inside its files.
    Documents in a private collection contribute nothing, whoever uses them.
    """
    ids = [pk for pk in document_ids if pk]
    if not ids:
        return ""
    rows = PortalDocument.objects.public().filter(pk__in=ids).order_by("pk").values_list(
        "title", "description", "extracted_text")
    text = "\n".join(part for row in rows for part in row if part)
    return text[:MAX_INDEXED_TEXT]


class PortalDocument(AbstractDocument):
    class Language(models.TextChoices):
        FINNISH = "fi", _("Finnish")
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")

    description = models.TextField(
        _("description"), blank=True, max_length=1000,
        help_text=_("What the document is and who it is for; shown on its page and in search."),
    )
    language = models.CharField(
        _("language"), max_length=2, blank=True, choices=Language.choices,
        help_text=_("Leave empty to take the language from the file."),
    )
    page_count = models.PositiveIntegerField(_("page count"), null=True, blank=True,
                                             editable=False)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"), max_length=12, choices=Status.CHOICES, default=Status.PENDING,
        editable=False,
    )
    extraction_message = models.CharField(_("extraction message"), max_length=500, blank=True,
                                          editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    extracted_from = models.CharField(
        max_length=255, blank=True, editable=False,
        help_text="The stored file name the text was extracted from.",
    )

    objects = PortalDocumentQuerySet.as_manager()

    admin_form_fields = ("title", "file", "description", "language", "collection", "tags")
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("language"),
        index.FilterField("extraction_status"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    @property
    def needs_extraction(self):
        return bool(self.file) and self.extracted_from != self.file.name

    @property
    def kind(self):
        return EXTENSION_KIND.get(self.file_extension.lower(), "")

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.file_extension.upper())

    @property
    def content_type(self):
        """Only the allowed types are served as themselves; anything else is opaque bytes."""
        kind = self.kind
        return KINDS[kind][1] if kind else "application/octet-stream"

    @property
    def content_disposition(self):
        """Always a download: a document never opens inside the portal's origin."""
        from urllib.parse import quote

        return "attachment; filename={0}; filename*=UTF-8''{0}".format(quote(self.filename))

    @property
    def text_extracted(self):
        return self.extraction_status == Status.EXTRACTED

    @property
    def text_not_extracted(self):
        return self.extraction_status in Status.NOT_EXTRACTED
