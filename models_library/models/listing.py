"""The library index's filtering, facet counts, sorting and pagination.

Filters combine with AND across facets and OR within one facet. Every facet is
counted against the other facets' filters, so a count says how many results
choosing that value would give. The number of queries is fixed: it does not
grow with the number of results, tags, regions or facet values.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from models_library.models.pages import OperatingModelPage, ProgrammePage, Stage
from models_library.models.taxonomy import Funder, Region, TargetGroup
from models_library.taxonomy_names import TaxonomyNames
from portal.text import strip_control_characters
from portal.visibility import visibility

PAGE_SIZE = 20
MAX_VALUES_PER_FACET = 30
TERM_FACETS = {"region", "funder", "target_group"}

SORTS = {
    "updated": ("-last_published_at", _("Most recently updated")),
    "newest": ("-first_published_at", _("Newest")),
    "name": ("title", _("Name")),
}
TYPES = {
    "model": (OperatingModelPage, _("Operating model")),
    "programme": (ProgrammePage, _("Programme")),
}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    lookups: list
    options: list = field(default_factory=list)
    selected: list = field(default_factory=list)


def facet_definitions():
    return [
        Facet("type", _("Content type"), []),
        Facet("topic", _("Topic"), ["operatingmodelpage__tagged_items__tag__slug",
                                    "programmepage__tagged_items__tag__slug"]),
        Facet("target_group", _("Target group"), ["operatingmodelpage__target_groups__code"]),
        Facet("region", _("Region"), [
            "operatingmodelpage__regions__code",
            "operatingmodelpage__municipalities__region__code",
            "programmepage__regions__code",
            "programmepage__municipalities__region__code",
        ]),
        Facet("stage", _("Development stage"), ["operatingmodelpage__stage"]),
        Facet("funder", _("Funder"), ["operatingmodelpage__funders__code",
                                      "programmepage__funders__code"]),
        Facet("programme", _("Programme"), ["operatingmodelpage__programme_id"]),
    ]


def listing_context(index_page, params, request=None):
    """What the library index page shows for these query parameters."""
    listing = LibraryListing(index_page, params, request)
    return {
        "listing": listing,
        "page_obj": listing.results(),
        "facets": listing.counted_facets(),
        "sorts": [(key, label) for key, (_order, label) in SORTS.items()],
    }


class LibraryListing:
    def __init__(self, index_page, params, request=None):
        self.index_page = index_page
        self.params = params
        self.visibility = visibility(request)
        self.notes = []
        self.names = TaxonomyNames()
        self.facets = self._definitions()
        self.by_name = {facet.name: facet for facet in self.facets}
        self._read_params()

    def _definitions(self):
        return facet_definitions()

    # -- reading the query string -------------------------------------------------
    def _read_params(self):
        for facet in self.facets:
            # Control characters are dropped: they are never part of a value, the
            # database may refuse them (NUL on PostgreSQL) and notices echo the value.
            raw = [strip_control_characters(v).strip() for v in self.params.getlist(facet.name)]
            raw = [value for value in raw if value]
            raw = list(dict.fromkeys(raw))[:MAX_VALUES_PER_FACET]
            valid = self._valid_values(facet, raw)
            for value in raw:
                if value in valid:
                    facet.selected.append(value)
                else:
                    self.notes.append(
                        _("The filter value “%(value)s” for “%(facet)s” is not known and was "
                          "ignored.") % {"value": value[:60], "facet": facet.label}
                    )
        sort = self.params.get("sort", "updated")
        if sort not in SORTS:
            self.notes.append(_("Unknown sort order ignored."))
            sort = "updated"
        self.sort = sort

    def _valid_values(self, facet, raw):
        if not raw:
            return set()
        if facet.name == "type":
            return set(TYPES) & set(raw)
        if facet.name == "stage":
            return set(Stage.values) & set(raw)
        if facet.name == "topic":
            return set(Tag.objects.filter(slug__in=raw).values_list("slug", flat=True))
        if facet.name == "programme":
            return {str(pk) for pk in self.visibility.visible_ids(ProgrammePage, raw)}
        model = {"region": Region, "funder": Funder, "target_group": TargetGroup}[facet.name]
        return set(model.objects.filter(code__in=raw, live=True).values_list("code", flat=True))

    # -- querying -------------------------------------------------------------------
    def base_queryset(self):
        return (
            self.visibility.filter(Page.objects.descendant_of(self.index_page))
            .type(OperatingModelPage, ProgrammePage)
            .filter(locale_id=self.index_page.locale_id)
        )

    def _facet_q(self, facet):
        if facet.name == "type":
            return Q(pk__in=Page.objects.type(*[TYPES[v][0] for v in facet.selected])
                     .values("pk"))
        condition = Q()
        for lookup in facet.lookups:
            condition |= Q(**{f"{lookup}__in": facet.selected})
        return Q(pk__in=Page.objects.filter(condition).values("pk"))

    def filtered(self, exclude=None):
        queryset = self.base_queryset()
        for facet in self.facets:
            if facet.selected and facet.name != exclude:
                queryset = queryset.filter(self._facet_q(facet))
        return queryset

    def results(self):
        order = SORTS[self.sort][0]
        queryset = self.filtered().order_by(order, "pk").specific()
        paginator = Paginator(queryset, PAGE_SIZE)
        page_obj = paginator.get_page(self.params.get("page"))
        items = list(page_obj.object_list)
        self._prefetch(items)
        page_obj.items = [self._card(item) for item in items]
        return page_obj

    def _prefetch(self, items):
        models = [item for item in items if isinstance(item, OperatingModelPage)]
        programmes = [item for item in items if isinstance(item, ProgrammePage)]
        prefetch_related_objects(
            models, "regions", "municipalities", "funders", "target_groups", "phenomena",
            "tagged_items__tag", "programme",
        )
        prefetch_related_objects(programmes, "regions", "municipalities", "funders",
                                 "tagged_items__tag")

    def _card(self, item):
        is_model = isinstance(item, OperatingModelPage)
        return {
            "page": item,
            "type": "model" if is_model else "programme",
            "type_label": TYPES["model" if is_model else "programme"][1],
            "names": self.names.for_page(item),
            "topics": sorted(tagged.tag.name for tagged in item.tagged_items.all()),
            "programme": self.visibility.or_none(item.programme) if is_model else None,
            "stage": item.get_stage_display() if is_model else "",
        }

    # -- facet counts ---------------------------------------------------------------
    def counted_facets(self):
        for facet in self.facets:
            counts = self._count(facet)
            values = set(counts) | set(facet.selected)
            labels = self._labels(facet, values)
            if facet.name == "programme" or facet.name in TERM_FACETS:
                # only programmes a visitor may see and published terms are offered
                values &= set(labels)
            facet.options = sorted(
                (
                    Option(value, labels.get(value, value), counts.get(value, 0),
                           value in facet.selected)
                    for value in values
                ),
                key=lambda option: (str(option.label).lower(), option.value),
            )
        return self.facets

    def _count(self, facet):
        ids = self.filtered(exclude=facet.name).values("pk")
        if facet.name == "type":
            rows = Page.objects.filter(pk__in=ids).values_list("pk", "content_type__model")
            model_names = {model._meta.model_name: key for key, (model, _l) in TYPES.items()}
            return Counter(model_names[name] for _pk, name in rows)
        pairs = set()
        for lookup in facet.lookups:
            rows = (
                Page.objects.filter(pk__in=ids)
                .exclude(**{f"{lookup}__isnull": True})
                .values_list("pk", lookup)
            )
            pairs.update((pk, str(value)) for pk, value in rows)
        return Counter(value for _pk, value in pairs)

    def _labels(self, facet, values):
        if not values:
            return {}
        if facet.name == "type":
            return {key: label for key, (_m, label) in TYPES.items()}
        if facet.name == "stage":
            return dict(Stage.choices)
        if facet.name == "topic":
            return dict(Tag.objects.filter(slug__in=values).values_list("slug", "name"))
        if facet.name == "programme":
            ids = [value for value in values if value.isdigit() and len(value) < 12]
            return {
                str(pk): title
                for pk, title in self.visibility.filter(ProgrammePage.objects.filter(pk__in=ids))
                .values_list("pk", "title")
            }
        model = {"region": Region, "funder": Funder, "target_group": TargetGroup}[facet.name]
        return self.names.map_for(model)

    @property
    def query_string(self):
        """The current filters without the page number, for pagination links."""
        params = self.params.copy()
        params.pop("page", None)
        return params.urlencode()
