"""Inline records that belong to a library page: attachments, links, evaluation, log."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable


class AttachmentBase(Orderable):
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def display_title(self):
        return self.title or self.document.title


class LinkBase(Orderable):
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("address"), max_length=500)

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True


class ProgrammeAttachment(AttachmentBase):
    page = ParentalKey("models_library.ProgrammePage", related_name="attachments")


class ProgrammeLink(LinkBase):
    page = ParentalKey("models_library.ProgrammePage", related_name="links")


class OperatingModelAttachment(AttachmentBase):
    page = ParentalKey("models_library.OperatingModelPage", related_name="attachments")


class OperatingModelLink(LinkBase):
    page = ParentalKey("models_library.OperatingModelPage", related_name="links")


class EvaluationCriterion(Orderable):
    """One row of the evaluation checklist (arviointimittari)."""

    class Rating(models.TextChoices):
        GREEN = "green", _("met")
        YELLOW = "yellow", _("partly met")
        RED = "red", _("not met")

    page = ParentalKey("models_library.OperatingModelPage", related_name="evaluation_criteria")
    criterion = models.CharField(_("criterion"), max_length=300)
    rating = models.CharField(_("rating"), max_length=6, choices=Rating.choices)
    note = models.TextField(_("note"), blank=True)
    rated_on = models.DateField(_("rated on"), null=True, blank=True)

    panels = [FieldPanel("criterion"), FieldPanel("rating"), FieldPanel("note"),
              FieldPanel("rated_on")]

    class Meta(Orderable.Meta):
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation checklist")


class DevelopmentLogEntry(Orderable):
    """A dated step on the development path (kehittämisen polku)."""

    class Phase(models.TextChoices):
        UNDERSTAND = "understand", _("Understand")
        IMAGINE_AND_TRY = "imagine_and_try", _("Imagine and try")
        DESCRIBE_AND_SHARE = "describe_and_share", _("Describe and share")

    page = ParentalKey("models_library.OperatingModelPage", related_name="development_log")
    date = models.DateField(_("date"))
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    text = models.TextField(_("what happened"))

    panels = [FieldPanel("date"), FieldPanel("phase"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("development log entry")
        verbose_name_plural = _("development log")
