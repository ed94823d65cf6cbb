"""Mixins shared by the library's page types, each with its own fields and panels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class ContactMixin(models.Model):
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_organisation = models.CharField(_("contact organisation"), max_length=300, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True,
        help_text=_("Prefer a role address (for example tyokyky@example.fi)."),
    )

    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_organisation"),
             FieldPanel("contact_email")],
            heading=_("Contact"),
        )
    ]

    class Meta:
        abstract = True


class SourceMixin(models.Model):
    """Where a description came from and who wrote it, kept as the source says."""

    authors = models.CharField(_("authors"), max_length=500, blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    source_created = models.DateField(_("created (source)"), null=True, blank=True)
    source_modified = models.DateField(_("last modified (source)"), null=True, blank=True)

    source_panels = [
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("source_url"),
                FieldRowPanel([FieldPanel("source_created"), FieldPanel("source_modified")]),
            ],
            heading=_("Authors and source"),
        )
    ]
    source_search_fields = [index.SearchField("authors"), index.FilterField("source_url")]

    class Meta:
        abstract = True


class PlaceMixin(models.Model):
    """Regions and municipalities as taxonomy, plus the place as the author wrote it."""

    implementation_place = models.TextField(
        _("place of implementation"), blank=True,
        help_text=_("As the author wrote it; regions and municipalities below are for filtering."),
    )
    regions = ParentalManyToManyField(
        "models_library.Region", blank=True, related_name="%(class)s_pages",
        verbose_name=_("regions"),
    )
    municipalities = ParentalManyToManyField(
        "models_library.Municipality", blank=True, related_name="%(class)s_pages",
        verbose_name=_("municipalities"),
    )
    funders = ParentalManyToManyField(
        "models_library.Funder", blank=True, related_name="%(class)s_pages",
        verbose_name=_("funders"),
    )

    place_panels = [
        MultiFieldPanel(
            [
                FieldPanel("implementation_place"),
                FieldPanel("regions"),
                FieldPanel("municipalities"),
                FieldPanel("funders"),
            ],
            heading=_("Place and funding"),
        )
    ]
    place_search_fields = [
        index.SearchField("implementation_place"),
        index.RelatedFields("regions", [index.SearchField("name")]),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
        index.RelatedFields("funders", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True
