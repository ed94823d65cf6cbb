"""Service pathways (palvelupolut) and their catalogue.

A pathway's steps live in one StreamField (see ``PathwayStepsBlock``). What the
catalogue filters on and what other pages list is derived from the steps on every
save: the organisation types, the number of steps, and the operating models and
documents the steps link to. The derived links are parental many-to-many fields,
so they travel with revisions and change on the live site only when the pathway
is published.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from models_library import pathway_diagram
from models_library.blocks import PathwayStepsBlock
from models_library.models.documents import public_document_text
from models_library.models.mixins import ContactMixin
from models_library.models.pages import RICH, OperatingModelPage
from models_library.serializers import PageListField, TermListField
from models_library.taxonomy_names import TaxonomyNames
from portal.indexing import indexed_once
from portal.models import BasePage
from portal.visibility import visibility

DOCUMENTS_ROUTE = "asiakirjat"


class ServicePathwayPage(ContactMixin, BasePage):
    """Palvelupolku: the services a client passes through, step by step, with branches."""

    description = RichTextField(_("description"), features=RICH, blank=True)
    responsible_organisations = models.TextField(
        _("responsible organisations"), blank=True, help_text=_("One organisation per line."),
    )
    target_groups = ParentalManyToManyField(
        "models_library.TargetGroup", blank=True, related_name="pathways",
        verbose_name=_("target groups"),
    )
    regions = ParentalManyToManyField(
        "models_library.Region", blank=True, related_name="pathways", verbose_name=_("regions"),
    )
    steps = StreamField(PathwayStepsBlock(), blank=True, verbose_name=_("steps"))

    # Derived from the steps on every save; editors never set these directly.
    operating_models = ParentalManyToManyField(
        "models_library.OperatingModelPage", blank=True, related_name="pathways",
        verbose_name=_("operating models used"),
    )
    documents = ParentalManyToManyField(
        get_document_model_string(), blank=True, related_name="pathways",
        verbose_name=_("documents used"),
    )
    organisation_types = models.CharField(
        _("organisation types"), max_length=500, blank=True, editable=False,
        help_text="Codes of the steps' organisation types, each between | characters.",
    )
    step_count = models.PositiveIntegerField(_("number of steps"), default=0, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("target_groups"), FieldPanel("regions"),
             FieldPanel("responsible_organisations")],
            heading=_("For whom and where"),
        ),
        FieldPanel("steps"),
        *ContactMixin.contact_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("responsible_organisations"),
        index.SearchField("steps_text"),
        index.FilterField("organisation_types"),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("regions", [index.SearchField("name")]),
        index.RelatedFields("operating_models", [index.SearchField("title")]),
        index.SearchField("document_text"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("responsible_organisations"),
        APIField("target_groups", serializer=TermListField()),
        APIField("regions", serializer=TermListField()),
        APIField("organisation_types_list"),
        APIField("step_count"),
        APIField("steps"),
        APIField("operating_models", serializer=PageListField()),
    ]

    parent_page_types = ["models_library.PathwayIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service pathway")
        verbose_name_plural = _("service pathways")

    @property
    def organisation_types_list(self):
        return [code for code in self.organisation_types.split("|") if code]

    def clean(self):
        super().clean()
        self.refresh_derived_fields()

    def refresh_derived_fields(self):
        raw = list(self.steps.raw_data)
        model_ids, document_ids = pathway_diagram.referenced_ids(raw)
        codes = pathway_diagram.organisation_types(raw)
        self.organisation_types = f"|{'|'.join(codes)}|" if codes else ""
        self.step_count = pathway_diagram.step_count(raw)
        self.operating_models = list(OperatingModelPage.objects.filter(pk__in=model_ids))
        self.documents = list(get_document_model().objects.filter(pk__in=document_ids))

    def steps_text(self):
        """The steps' texts for search, read from the raw data without any query."""
        return pathway_diagram.steps_text(list(self.steps.raw_data))

    @indexed_once
    def document_text(self):
        """The text of the public documents the steps link to, for the search index.

        A word found only inside a document finds this pathway: the result is the
        pathway (with its region and target group facets), whose page links to the
        document. Private documents add nothing.
        """
        return public_document_text([document.pk for document in self.documents.all()])

    def diagram(self, request=None):
        """The steps as a drawable tree; two queries whatever the number of steps."""
        raw = list(self.steps.raw_data)
        model_ids, document_ids = pathway_diagram.referenced_ids(raw)
        models_by_id = {}
        if model_ids:
            models_by_id = {
                page.pk: page for page in visibility(request).filter(
                    OperatingModelPage.objects.filter(pk__in=model_ids)
                ).only("id", "title", "path", "depth", "url_path", "locale_id", "slug", "live")
            }
        documents_by_id = {}
        if document_ids:
            documents_by_id = {
                document.pk: document
                for document in get_document_model().objects.public().filter(pk__in=document_ids)
            }
        return pathway_diagram.build_diagram(raw, models_by_id, documents_by_id)

    def catalogue_url(self, request=None):
        """The parent catalogue's address, read from this page's own (no extra query)."""
        url = self.get_url(request) or ""
        return url[: url.rstrip("/").rfind("/") + 1] if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            diagram=self.diagram(request),
            catalogue_url=self.catalogue_url(request),
            names=TaxonomyNames().for_page(self),
            organisations=[line.strip() for line in self.responsible_organisations.splitlines()
                           if line.strip()],
        )
        return context
