from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from models_library.blocks import (
    DescriptionStreamBlock,
    DevelopmentPathStreamBlock,
    EvaluationNotesBlock,
    ProgrammeSectionsBlock,
    missing_required_sections,
)
from models_library.forms import OperatingModelPageForm
from models_library.models.documents import public_document_text
from models_library.models.mixins import ContactMixin, PlaceMixin, SourceMixin
from models_library.models.related import EvaluationCriterion
from models_library.serializers import RelatedPageField, TagListField, TermListField
from models_library.taxonomy_names import TaxonomyNames, page_terms
from portal.indexing import indexed_once
from portal.models import BasePage
from portal.models.mixins import LocalizedRoutesMixin, localized_route
from portal.prepared import children
from portal.site_memo import memo
from portal.visibility import visibility

RICH = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def api_fields(*names, terms=(), extra=()):
    """Read-only API v2 fields: plain fields, taxonomy terms as {code, name}, and tags."""
    return [
        *(APIField(name) for name in names),
        *(APIField(name, serializer=TermListField()) for name in terms),
        APIField("topics", serializer=TagListField()),
        *extra,
    ]


class ProgrammeTag(TaggedItemBase):
    content_object = ParentalKey(
        "models_library.ProgrammePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class OperatingModelTag(TaggedItemBase):
    content_object = ParentalKey(
        "models_library.OperatingModelPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Stage(models.TextChoices):
    DEVELOPING = "developing", _("Being developed")
    READY = "ready", _("Ready for use")
    EVALUATED = "evaluated", _("Evaluated")


class LibraryPageMixin(ContactMixin, SourceMixin, PlaceMixin):
    """What programmes and operating models share: place, funding, source and contact."""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        codes = page_terms(self)
        context.update(
            names=TaxonomyNames().for_codes(self, codes),
            topics=sorted(codes["topics"]),
            attachments=children(self, "attachments", select_related=["document"]),
            links=children(self, "links"),
        )
        return context

    @indexed_once
    def document_text(self):
        """The text of the page's public attachments, for the search index."""
        return public_document_text([item.document_id for item in self.attachments.all()])


class ProgrammePage(LibraryPageMixin, BasePage):
    """Kokonaisuus: a programme or project, possibly with sub-programmes and models."""

    purpose = RichTextField(_("purpose and objectives"), features=RICH, blank=True)
    starting_point = RichTextField(
        _("starting point and strategic links"), features=RICH, blank=True
    )
    goal = RichTextField(_("goal"), features=RICH, blank=True)
    intended_results = RichTextField(_("intended results"), features=RICH, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    period_text = models.CharField(
        _("period of activity as written"), max_length=500, blank=True
    )
    partners = models.TextField(_("partners"), blank=True)
    other_sections = StreamField(
        ProgrammeSectionsBlock(), blank=True, verbose_name=_("other sections")
    )
    topics = ClusterTaggableManager(through=ProgrammeTag, blank=True, verbose_name=_("topics"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("purpose"),
        FieldPanel("starting_point"),
        FieldPanel("goal"),
        FieldPanel("intended_results"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
             FieldPanel("period_text")],
            heading=_("Period of activity"),
        ),
        FieldPanel("partners"),
        *PlaceMixin.place_panels,
        FieldPanel("topics"),
        FieldPanel("other_sections"),
        InlinePanel("attachments", label=_("Attachments")),
        InlinePanel("links", label=_("Links")),
        *ContactMixin.contact_panels,
        *SourceMixin.source_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("purpose"),
        index.SearchField("starting_point"),
        index.SearchField("goal"),
        index.SearchField("intended_results"),
        index.SearchField("partners"),
        index.SearchField("other_sections"),
        index.SearchField("document_text"),
        *PlaceMixin.place_search_fields,
        *SourceMixin.source_search_fields,
    ]
    api_fields = api_fields(
        "summary", "purpose", "starting_point", "goal", "intended_results", "start_date",
        "end_date", "period_text", "partners", "other_sections", "implementation_place",
        "contact_organisation", "contact_email", "authors", "source_url", "source_created",
        "source_modified",
        terms=("regions", "municipalities", "funders"),
    )

    parent_page_types = ["models_library.LibraryIndexPage", "models_library.ProgrammePage"]
    subpage_types = ["models_library.ProgrammePage", "models_library.OperatingModelPage"]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rule = visibility(request)
        context["operating_models"] = (
            rule.filter(OperatingModelPage.objects.filter(programme=self))
            .order_by("title").only("id", "title", "url_path", "path", "depth", "summary",
                                    "locale_id", "slug", "stage")
        )
        context["sub_programmes"] = (
            rule.filter(ProgrammePage.objects.child_of(self)).order_by("title")
        )
        return context


class OperatingModelPage(LocalizedRoutesMixin, RoutablePageMixin, LibraryPageMixin, BasePage):
    """Toimintamalli: a described, reusable way of working."""

    base_form_class = OperatingModelPageForm

    programme = models.ForeignKey(
        ProgrammePage, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="operating_models", verbose_name=_("programme"),
    )
    variant_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="variants",
        verbose_name=_("regional variant of"),
        help_text=_("The model this one adapts to another region; groups the variants."),
    )
    stage = models.CharField(_("development stage"), max_length=12, choices=Stage.choices,
                             default=Stage.DEVELOPING)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("cover image"),
    )
    cover_image_alt = models.CharField(
        _("cover image alternative text"), max_length=250, blank=True,
        help_text=_("Required with a cover image: describe what it shows."),
    )
    target_groups = ParentalManyToManyField(
        "models_library.TargetGroup", blank=True, related_name="operating_models",
        verbose_name=_("target groups"),
    )
    phenomena = ParentalManyToManyField(
        "models_library.Phenomenon", blank=True, related_name="operating_models",
        verbose_name=_("phenomena"),
    )
    topics = ClusterTaggableManager(through=OperatingModelTag, blank=True,
                                    verbose_name=_("topics"))
    description = StreamField(DescriptionStreamBlock(), blank=True,
                              verbose_name=_("description sections"))
    development_path_intro = models.TextField(
        _("development path introduction"), blank=True,
        help_text=_("A short text above the development path's sections."),
    )
    development_path = StreamField(
        DevelopmentPathStreamBlock(), blank=True, verbose_name=_("development path"),
        help_text=_("How the model was developed: operating environment, starting point and "
                    "the phases of the work (Innokylä's development path tab)."),
    )
    evaluation_notes = StreamField(
        EvaluationNotesBlock(), blank=True, verbose_name=_("evaluation notes"),
        help_text=_("Text of the evaluation besides the rated criteria."),
    )

    content_panels = [
        *BasePage.content_panels,
        PageChooserPanel("programme", "models_library.ProgrammePage"),
        PageChooserPanel("variant_of", "models_library.OperatingModelPage"),
        FieldPanel("stage"),
        *PlaceMixin.place_panels,
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("target_groups"), FieldPanel("phenomena")],
            heading=_("Classification"),
        ),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_image_alt")],
                        heading=_("Cover image")),
        FieldPanel("description"),
        InlinePanel("evaluation_criteria", label=_("Evaluation checklist")),
        FieldPanel("evaluation_notes"),
        FieldPanel("development_path_intro"),
        FieldPanel("development_path"),
        InlinePanel("development_log", label=_("Development log")),
        InlinePanel("attachments", label=_("Attachments")),
        InlinePanel("links", label=_("Links")),
        *ContactMixin.contact_panels,
        *SourceMixin.source_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("development_path"),
        index.FilterField("stage"),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("phenomena", [index.SearchField("name")]),
        index.RelatedFields("programme", [index.SearchField("title")]),
        index.SearchField("document_text"),
        *PlaceMixin.place_search_fields,
        *SourceMixin.source_search_fields,
    ]
    api_fields = api_fields(
        "summary", "stage", "implementation_place", "description", "evaluation_criteria",
        "evaluation_notes", "development_path_intro", "development_path", "development_log",
        "authors", "source_url", "source_created", "source_modified",
        terms=("regions", "municipalities", "funders", "target_groups", "phenomena"),
        extra=(APIField("programme", serializer=RelatedPageField()),
               APIField("variant_of", serializer=RelatedPageField())),
    )

    parent_page_types = ["models_library.LibraryIndexPage", "models_library.ProgrammePage"]
    subpage_types = []
    # Read with the page when it is served (portal.routing): the page shows it.
    route_select_related = ("cover_image",)

    class Meta:
        verbose_name = _("operating model")
        verbose_name_plural = _("operating models")

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_image_alt.strip():
            raise ValidationError(
                {"cover_image_alt": _("Describe the cover image for people who cannot see it.")}
            )
        if self.variant_of_id and self.variant_of_id == self.pk:
            raise ValidationError({"variant_of": _("A model cannot be a variant of itself.")})

    def visible_programme(self, request=None):
        """The model's programme if anyone may see it (kept in the site memo)."""
        if not self.programme_id:
            return None
        return memo(request, ("visible-programme", self.programme_id),
                    lambda: visibility(request).or_none(self.programme))

    def missing_required_sections(self):
        return missing_required_sections(self.description)

    def _linked(self, request=None):
        """(ids of the models that have variants, ids of the models a pathway names),
        kept in the site memo: most models have neither and skip those queries."""
        def build():
            roots = OperatingModelPage.objects.filter(variant_of__isnull=False)
            named = self.pathways.through.objects.all()
            return (set(roots.values_list("variant_of_id", flat=True)),
                    set(named.values_list("operatingmodelpage_id", flat=True)))

        return memo(request, ("model-links",), build)

    def has_variants(self, request=None):
        return bool(self.variant_of_id) or self.pk in self._linked(request)[0]

    def other_variants(self, request=None):
        root_id = self.variant_of_id or self.pk
        # The group as a subquery on the model table alone, where both sides of the OR
        # are indexed (primary key, variant_of): written into the join, SQLite read every
        # page of the language to test the OR.
        group = OperatingModelPage.objects.filter(
            models.Q(pk=root_id) | models.Q(variant_of_id=root_id)).values("pk")
        return (
            visibility(request).filter(OperatingModelPage.objects.filter(pk__in=group))
            .exclude(pk=self.pk).filter(locale_id=self.locale_id).order_by("title")
            .only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key",
                  "implementation_place")
        )

    def library_page(self, request=None):
        """The library index this model sits in: its nearest ancestor that is not a
        programme (models live below the index, possibly inside programmes). Found
        without naming the index class, which imports this module; kept in the site
        memo."""
        return memo(request, ("library-page", self.path[:-Page.steplen]), lambda: (
            Page.objects.ancestor_of(self).not_type(ProgrammePage)
            .order_by("-depth").specific().first()
        ))

    def compare_url(self, variants, request=None):
        library = visibility(request).or_none(self.library_page(request)) if variants else None
        if library is None:
            return ""
        keys = "&".join(f"m={page.translation_key}" for page in [self, *variants[:2]])
        compare = library.specific_deferred.reverse_subpage("compare")
        return f"{library.url}{compare}?{keys}"

    def evaluation_summary(self, criteria=None):
        """(rating, label, count) for green, yellow and red, in that order."""
        criteria = self.evaluation_criteria.all() if criteria is None else criteria
        counts = Counter(criterion.rating for criterion in criteria)
        return [(rating, label, counts[rating])
                for rating, label in EvaluationCriterion.Rating.choices]

    def citation(self, request=None):
        year = (self.source_modified or self.last_published_at or timezone.now()).year
        url = self.get_full_url(request) or ""
        authors = self.authors or (self.contact_organisation or "")
        return {"authors": authors, "year": year, "title": self.title, "url": url,
                "accessed": timezone.localdate()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        evaluation = children(self, "evaluation_criteria")
        variants = list(self.other_variants(request)) if self.has_variants(request) else []
        context.update(
            programme=self.visible_programme(request),
            variants=variants,
            compare_url=self.compare_url(variants, request),
            evaluation=evaluation,
            evaluation_summary=self.evaluation_summary(evaluation),
            development_log=children(self, "development_log", order_by=["date"]),
            pathways=list(
                visibility(request).filter(self.pathways.filter(locale_id=self.locale_id))
                .order_by("title").only("id", "title", "path", "depth", "url_path", "locale_id",
                                        "slug", "summary")
            ) if self.pk in self._linked(request)[1] else [],
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @localized_route("print")
    def print_route(self, request):
        return self.render(request, template="models_library/operating_model_page_print.html")
