"""Small page mixins, each with its own fields, panels and search fields.

Mixins come before ``Page`` in a class's bases so their fields and methods win.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class SummaryMixin(models.Model):
    """A short plain-text summary for listings, search results and meta tags."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown in listings and search results."),
    )

    summary_panels = [FieldPanel("summary")]
    summary_search_fields = [index.SearchField("summary"), index.AutocompleteField("summary")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary


class BasePage(SummaryMixin, Page):
    """The abstract base of every page type in the portal."""

    content_panels = [*Page.content_panels, *SummaryMixin.summary_panels]
    search_fields = [*Page.search_fields, *SummaryMixin.summary_search_fields]

    class Meta:
        abstract = True
