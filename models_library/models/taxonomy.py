"""Taxonomy: small translatable snippets on one abstract base.

Each term has a language-independent ``code`` shared by its translations, so
filter URLs and imports stay the same in every language.

Terms are moderated like pages: an editor's change is saved as a draft revision
and goes through the "Moderators approval" workflow; only a moderator publishes.
The database row holds the live version, and public surfaces use live terms only.
"""

import uuid

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

TAXONOMY_NAMESPACE = uuid.UUID("5c3c8f8e-3f1b-4c55-9a34-1c1f0b6a2d41")


def translation_key_for(kind, code):
    """Deterministic translation keys let data loaders upsert terms idempotently."""
    return uuid.uuid5(TAXONOMY_NAMESPACE, f"{kind}:{code}")


class BaseTaxonomy(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin,
                   TranslatableMixin, index.Indexed, models.Model):
    code = models.SlugField(
        _("code"),
        max_length=80,
        help_text=_("Identifier used in addresses; the same in every translation."),
    )
    name = models.CharField(_("name"), max_length=200)
    revisions = GenericRelation(
        "wagtailcore.Revision", content_type_field="base_content_type",
        object_id_field="object_id", related_query_name="%(class)s",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type",
        object_id_field="object_id", related_query_name="%(class)s",
        for_concrete_model=False,
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    # The admin's term list searches names and codes.
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"),
                     index.SearchField("code"), index.AutocompleteField("code")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.name

    @classmethod
    def names_for_language(cls, language=None):
        """Map code -> name of live terms in the language, falling back to Finnish. One query."""
        language = (language or get_language() or "fi")[:2]
        names = {}
        rows = cls.objects.filter(
            live=True, locale__language_code__in=[language, "fi"]
        ).values_list(
            "code", "name", "locale__language_code"
        )
        for code, name, row_language in rows:
            if row_language == language or code not in names:
                names[code] = name
        return names


class Region(BaseTaxonomy):
    class Kind(models.TextChoices):
        COUNTY = "county", _("wellbeing services county")
        CITY = "city", _("city organising its own services")
        NATIONAL = "national", _("national")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNTY)

    panels = [*BaseTaxonomy.panels, FieldPanel("kind")]

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Municipality(BaseTaxonomy):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )

    panels = [*BaseTaxonomy.panels, FieldPanel("region")]

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")


class Funder(BaseTaxonomy):
    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")


class TargetGroup(BaseTaxonomy):
    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Phenomenon(BaseTaxonomy):
    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("phenomenon")
        verbose_name_plural = _("phenomena")
