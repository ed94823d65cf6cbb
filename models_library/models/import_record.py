"""What a file imported earlier became, so that importing it again unchanged is one lookup."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One imported text (by a hash of it) and the page revision it produced.

    The importer writes a record after every file it saves or finds unchanged. A file
    whose record names the page's current latest revision is reported "unchanged"
    without parsing, mapping or comparing it again: nobody has changed the page since
    this text was imported, so the full path would find it unchanged too.
    """

    # sha256 of the importer version, the parent page, the given source address and
    # the decoded text (see models_library.importer.service.record_key).
    key = models.CharField(max_length=64, unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    # The page's latest revision when the text was imported or found unchanged.
    revision_id = models.BigIntegerField()
    # The import's report (kind, title, tab, fields, other sections, warnings), repeated
    # when the text is imported again unchanged.
    summary = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("import record")
        verbose_name_plural = _("import records")

    def __str__(self):
        return f"{self.key[:12]} → page {self.page_id}"
