"""The service-pathway catalogue: the library index's filters, counts and URL state.

Pathways filter by target group, region, organisation type and related operating
model, combined with AND across facets and OR within one, every facet counted
against the others, unknown values ignored with a note — exactly as the library
index does, by the same ``FilteredListing`` on a facet index of the catalogue's
pathways kept in the site memo (three queries when content has changed, none
after). The organisation types are derived from the steps and kept in one
delimited field.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from models_library.blocks import OrganisationType
from models_library.models.listing import (
    Facet,
    FacetIndex,
    FilteredListing,
    facet_rows,
    sort_orders,
)
from models_library.models.pages import OperatingModelPage
from models_library.models.pathways import ServicePathwayPage
from models_library.models.taxonomy import Region, TargetGroup
from portal.site_memo import memo
from portal.visibility import visibility

MAX_DOCUMENTS = 50
CARD_LOOKUPS = {"servicepathwaypage__target_groups__code": "target_groups",
                "servicepathwaypage__regions__code": "regions"}


def pathway_facets():
    return [
        Facet("target_group", _("Target group"), ["servicepathwaypage__target_groups__code"]),
        Facet("region", _("Region"), ["servicepathwaypage__regions__code"]),
        Facet("organisation_type", _("Organisation type"), []),
        Facet("model", _("Related operating model"),
              ["servicepathwaypage__operating_models__id"]),
    ]


def pathway_index(index_page, request=None):
    return memo(request, ("pathway-facets", index_page.pk),
                lambda: _build_pathway_index(index_page, request))


def _build_pathway_index(index_page, request):
    rule = visibility(request)
    base = rule.filter(Page.objects.descendant_of(index_page).type(ServicePathwayPage)
                       .filter(locale_id=index_page.locale_id))
    rows = list(ServicePathwayPage.objects.filter(pk__in=base.values("pk"))
                .order_by("title", "pk")
                .values_list("pk", "first_published_at", "last_published_at",
                             "organisation_types"))
    values = {pk: {"organisation_type": {code for code in types.split("|") if code}}
              for pk, _f, _l, types in rows}
    cards = {pk: {"regions": set(), "target_groups": set()} for pk in values}
    lookups = [(facet.name, lookup) for facet in pathway_facets() for lookup in facet.lookups]
    for pk, number, value in facet_rows(base, [lookup for _name, lookup in lookups]):
        name, lookup = lookups[number]
        values[pk].setdefault(name, set()).add(value)
        if lookup in CARD_LOOKUPS:
            cards[pk][CARD_LOOKUPS[lookup]].add(value)
    model_ids = {value for page_values in values.values() for value in page_values.get("model", ())}
    # Only models a visitor may open are offered.
    models = {str(pk): title for pk, title in rule.filter(
        OperatingModelPage.objects.filter(pk__in=[int(pk) for pk in model_ids])
    ).values_list("pk", "title")} if model_ids else {}
    return FacetIndex(
        values=values, cards=cards,
        types=dict.fromkeys(values, ServicePathwayPage._meta.model_name),
        sort_orders=sort_orders([(pk, first, last) for pk, first, last, _t in rows]),
        labels={"model": models},
    )


class PathwayListing(FilteredListing):
    page_models = (ServicePathwayPage,)

    def _facet_index(self, index_page, request):
        return pathway_index(index_page, request)

    def _definitions(self):
        return pathway_facets()

    def _valid_values(self, facet, raw):
        if not raw:
            return set()
        if facet.name == "organisation_type":
            return set(OrganisationType.values) & set(raw)
        if facet.name == "model":
            known = set(self.index.labels["model"]) & set(raw)
            others = [value for value in raw if value not in known]
            return known | {str(pk) for pk in
                            self.visibility.visible_ids(OperatingModelPage, others)}
        model = {"region": Region, "target_group": TargetGroup}[facet.name]
        return set(self.names.map_for(model)) & set(raw)

    def _count(self, facet):
        counts = super()._count(facet)
        if facet.name == "model":  # only models a visitor may open are offered
            counts = type(counts)({value: n for value, n in counts.items()
                                   if value in self.index.labels["model"]})
        return counts

    def _labels(self, facet, values):
        if not values:
            return {}
        if facet.name == "organisation_type":
            return dict(OrganisationType.choices)
        if facet.name == "model":
            labels = {value: title for value, title in self.index.labels["model"].items()
                      if value in values}
            others = [value for value in values if value not in labels and value.isdigit()]
            if others:  # a chosen model that no pathway here uses
                labels.update((str(pk), title) for pk, title in OperatingModelPage.objects
                              .filter(pk__in=others).values_list("pk", "title"))
            return labels
        model = {"region": Region, "target_group": TargetGroup}[facet.name]
        return self.names.map_for(model)

    def _card(self, item):
        labels = dict(OrganisationType.choices)
        card = self.index.cards[item.pk]
        return {
            "page": item,
            "type": "pathway",
            "names": self.names.for_codes(item, card),
            "organisation_types": [labels[code] for code in item.organisation_types_list
                                   if code in labels],
            "step_count": item.step_count,
        }

    def documents(self):
        """Public documents that the pathways matching the filters link to."""
        pathway_ids = sorted(self.matching_ids())
        if not pathway_ids:
            return []
        return list(
            get_document_model().objects.public()
            .filter(pathways__in=pathway_ids).distinct().order_by("title")[:MAX_DOCUMENTS]
        )
