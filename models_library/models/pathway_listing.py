"""The service-pathway catalogue: the library index's filters, counts and URL state.

Pathways filter by target group, region, organisation type and related operating
model, combined with AND across facets and OR within one, every facet counted
against the others, unknown values ignored with a note — exactly as the library
index does, by reusing ``FilteredListing``. The organisation types are derived
from the steps and kept in one delimited field, so they are counted in Python
over one query.
"""

from collections import Counter

from django.db.models import Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from models_library.blocks import OrganisationType
from models_library.models.listing import Facet, FilteredListing
from models_library.models.pages import OperatingModelPage
from models_library.models.pathways import ServicePathwayPage
from models_library.models.taxonomy import Region, TargetGroup

MAX_DOCUMENTS = 50


def pathway_facets():
    return [
        Facet("target_group", _("Target group"), ["servicepathwaypage__target_groups__code"]),
        Facet("region", _("Region"), ["servicepathwaypage__regions__code"]),
        Facet("organisation_type", _("Organisation type"), []),
        Facet("model", _("Related operating model"),
              ["servicepathwaypage__operating_models__id"]),
    ]


class PathwayListing(FilteredListing):
    def _definitions(self):
        return pathway_facets()

    def _valid_values(self, facet, raw):
        if not raw:
            return set()
        if facet.name == "organisation_type":
            return set(OrganisationType.values) & set(raw)
        if facet.name == "model":
            return {str(pk) for pk in self.visibility.visible_ids(OperatingModelPage, raw)}
        model = {"region": Region, "target_group": TargetGroup}[facet.name]
        return set(model.objects.filter(code__in=raw, live=True).values_list("code", flat=True))

    def base_queryset(self):
        return self.visibility.filter(
            Page.objects.descendant_of(self.index_page)
            .type(ServicePathwayPage)
            .filter(locale_id=self.index_page.locale_id)
        )

    def _facet_q(self, facet):
        if facet.name == "organisation_type":
            condition = Q()
            for code in facet.selected:
                condition |= Q(organisation_types__contains=f"|{code}|")
            return Q(pk__in=ServicePathwayPage.objects.filter(condition).values("pk"))
        return super()._facet_q(facet)

    def _count(self, facet):
        ids = self.filtered(exclude=facet.name).values("pk")
        if facet.name == "organisation_type":
            counts = Counter()
            for value in ServicePathwayPage.objects.filter(pk__in=ids).values_list(
                "organisation_types", flat=True
            ):
                counts.update(code for code in value.split("|") if code)
            return counts
        counts = super()._count(facet)
        if facet.name == "model":  # only models a visitor may open are offered
            visible = {str(pk) for pk in self._model_ids_visible(counts)}
            counts = Counter({value: n for value, n in counts.items() if value in visible})
        return counts

    def _model_ids_visible(self, counts):
        return self.visibility.visible_ids(OperatingModelPage, list(counts))

    def _labels(self, facet, values):
        if not values:
            return {}
        if facet.name == "organisation_type":
            return dict(OrganisationType.choices)
        if facet.name == "model":
            ids = [value for value in values if value.isdigit()]
            return {str(pk): title for pk, title in
                    OperatingModelPage.objects.filter(pk__in=ids).values_list("pk", "title")}
        model = {"region": Region, "target_group": TargetGroup}[facet.name]
        return self.names.map_for(model)

    def _prefetch(self, items):
        prefetch_related_objects(items, "regions", "target_groups")

    def _card(self, item):
        labels = dict(OrganisationType.choices)
        return {
            "page": item,
            "type": "pathway",
            "names": self.names.for_page(item),
            "organisation_types": [labels[code] for code in item.organisation_types_list
                                   if code in labels],
            "step_count": item.step_count,
        }

    def documents(self):
        """Public documents that the pathways matching the filters link to."""
        pathway_ids = self.filtered().values("pk")
        return list(
            get_document_model().objects.public()
            .filter(pathways__in=pathway_ids).distinct().order_by("title")[:MAX_DOCUMENTS]
        )
