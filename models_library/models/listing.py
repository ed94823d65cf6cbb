"""The library index's filtering, facet counts, sorting and pagination.

Filters combine with AND across facets and OR within one facet. Every facet is
counted against the other facets' filters, so a count says how many results
choosing that value would give. The number of queries is fixed: it does not
grow with the number of results, tags, regions or facet values.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.db.models import CharField, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from models_library.models.pages import OperatingModelPage, ProgrammePage, Stage
from models_library.models.taxonomy import Funder, Region, TargetGroup
from models_library.taxonomy_names import TaxonomyNames
from portal.site_memo import memo
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


@dataclass
class FacetIndex:
    """What a catalogue's listing needs of every visible page below its index page:
    each page's facet values and card data, its type and its place in each sort
    order. Built in a few queries and kept in the site memo until content changes,
    so filtering, counting and sorting cost no query."""

    values: dict  # pk -> {facet name: {value, ...}}
    cards: dict  # pk -> what the page's card shows besides the page itself
    types: dict  # pk -> model name
    sort_orders: dict  # sort key -> [pk, ...]
    topics: dict = field(default_factory=dict)  # tag slug -> name (library)
    programmes: dict = field(default_factory=dict)  # str(pk) -> title of visible programmes
    labels: dict = field(default_factory=dict)  # facet name -> {value: label}


def facet_rows(base, lookups):
    """(pk, lookup number, value as text) of every page in ``base`` for each lookup,
    in one query (a union of one select per lookup)."""
    parts = [
        Page.objects.filter(pk__in=base.values("pk")).exclude(**{f"{lookup}__isnull": True})
        .order_by().annotate(lookup_number=Value(number),
                             value=Cast(lookup, output_field=CharField()))
        .values_list("pk", "lookup_number", "value")
        for number, lookup in enumerate(lookups)
    ]
    return parts[0].union(*parts[1:], all=True) if parts else []


def sort_orders(rows):
    """{sort key: [pk, ...]} from (pk, first published, last published) rows in name
    order; pages published at the same moment keep the order of their ids."""
    oldest = datetime.min.replace(tzinfo=UTC)

    def by_date(position):
        dated = sorted(rows, key=lambda row: row[0])
        return [row[0] for row in sorted(dated, key=lambda row: row[position] or oldest,
                                         reverse=True)]

    return {"name": [row[0] for row in rows], "newest": by_date(1), "updated": by_date(2)}


def facet_index(index_page, request=None):
    return memo(request, ("library-facets", index_page.pk),
                lambda: _build_facet_index(index_page, request))


def _build_facet_index(index_page, request):
    rule = visibility(request)
    base = (rule.filter(Page.objects.descendant_of(index_page))
            .type(OperatingModelPage, ProgrammePage).filter(locale_id=index_page.locale_id))
    rows = list(base.order_by("title", "pk").values_list(
        "pk", "content_type__model", "first_published_at", "last_published_at"))
    model_names = {model._meta.model_name: key for key, (model, _l) in TYPES.items()}
    values = {pk: {"type": {model_names[name]}} for pk, name, _f, _l in rows}
    cards = {pk: {"regions": set(), "target_groups": set(), "topics": set(), "programme": None}
             for pk in values}
    card_lookups = {"operatingmodelpage__regions__code": "regions",
                    "programmepage__regions__code": "regions",
                    "operatingmodelpage__target_groups__code": "target_groups",
                    "operatingmodelpage__programme_id": "programme"}
    lookups = [(facet.name, lookup) for facet in facet_definitions() for lookup in facet.lookups]
    for pk, number, value in facet_rows(base, [lookup for _name, lookup in lookups]):
        name, lookup = lookups[number]
        values[pk].setdefault(name, set()).add(value)
        if lookup in card_lookups:
            card_field = card_lookups[lookup]
            if card_field == "programme":
                cards[pk]["programme"] = value
            else:
                cards[pk][card_field].add(value)
        if name == "topic":
            cards[pk]["topics"].add(value)
    slugs = {slug for page_values in values.values() for slug in page_values.get("topic", ())}
    topics = dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}
    programme_ids = {str(pk) for pk, name, _f, _l in rows if name == "programmepage"}
    programme_ids |= {value for page_values in values.values()
                      for value in page_values.get("programme", ())}
    programmes = {str(pk): title for pk, title in rule.filter(
        ProgrammePage.objects.filter(pk__in=[int(pk) for pk in programme_ids if pk.isdigit()])
    ).values_list("pk", "title")}
    return FacetIndex(
        values=values, cards=cards, types={pk: name for pk, name, _f, _l in rows},
        sort_orders=sort_orders([(pk, first, last) for pk, _n, first, last in rows]),
        topics=topics, programmes=programmes,
    )


def listing_context(index_page, params, request=None):
    """What the library index page shows for these query parameters."""
    listing = LibraryListing(index_page, params, request)
    return {
        "listing": listing,
        "page_obj": listing.results(),
        "facets": listing.counted_facets(),
        "sorts": [(key, label) for key, (_order, label) in SORTS.items()],
    }


class FilteredListing:
    """Filters, facet counts, sorting and pages of a catalogue's pages, all computed on
    the catalogue's memoised facet index (no query), then one query per page type for
    the cards shown. A catalogue names its facets (``_definitions``), its index
    (``_facet_index``), the page types it lists (``page_models``), the values it knows
    (``_valid_values``), their labels (``_labels``) and its cards (``_card``)."""

    page_models = ()

    def __init__(self, index_page, params, request=None):
        self.index_page = index_page
        self.params = params
        self.visibility = visibility(request)
        self.index = self._facet_index(index_page, request)
        self.notes = []
        self.names = TaxonomyNames()
        self.facets = self._definitions()
        self.by_name = {facet.name: facet for facet in self.facets}
        self._read_params()

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

    # -- filtering and pages (on the facet index) -----------------------------------
    def matching_ids(self, exclude=None):
        """Ids of the pages that pass every filter but ``exclude``'s (from the facet
        index: no query)."""
        ids = set(self.index.sort_orders["name"])
        for facet in self.facets:
            if facet.selected and facet.name != exclude:
                chosen = set(facet.selected)
                ids &= {pk for pk in ids if self.index.values[pk].get(facet.name, set()) & chosen}
        return ids

    def results(self):
        ids = self.matching_ids()
        ordered = [pk for pk in self.index.sort_orders[self.sort] if pk in ids]
        paginator = Paginator(ordered, PAGE_SIZE)
        page_obj = paginator.get_page(self.params.get("page"))
        wanted = list(page_obj.object_list)
        found = {}
        # One query per page type shown.
        for model in self.page_models:
            type_ids = [pk for pk in wanted if self.index.types[pk] == model._meta.model_name]
            if type_ids:
                found.update((page.pk, page) for page in
                             model.objects.filter(pk__in=type_ids).defer_streamfields())
        page_obj.items = [self._card(found[pk]) for pk in wanted if pk in found]
        return page_obj

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
        counts = Counter()
        for pk in self.matching_ids(exclude=facet.name):
            counts.update(self.index.values[pk].get(facet.name, ()))
        return counts

    @property
    def query_string(self):
        """The current filters without the page number, for pagination links."""
        params = self.params.copy()
        params.pop("page", None)
        return params.urlencode()


class LibraryListing(FilteredListing):
    """The library index's listing: programmes and operating models."""

    page_models = (OperatingModelPage, ProgrammePage)

    def _facet_index(self, index_page, request):
        return facet_index(index_page, request)

    def _definitions(self):
        return facet_definitions()

    def _valid_values(self, facet, raw):
        if not raw:
            return set()
        if facet.name == "type":
            return set(TYPES) & set(raw)
        if facet.name == "stage":
            return set(Stage.values) & set(raw)
        if facet.name == "topic":
            return set(self.index.topics) & set(raw)
        if facet.name == "programme":
            return set(self.index.programmes) & set(raw)
        model = {"region": Region, "funder": Funder, "target_group": TargetGroup}[facet.name]
        return set(self.names.map_for(model)) & set(raw)

    def _card(self, item):
        is_model = isinstance(item, OperatingModelPage)
        card = self.index.cards[item.pk]
        programme_id = card["programme"]
        return {
            "page": item,
            "type": "model" if is_model else "programme",
            "type_label": TYPES["model" if is_model else "programme"][1],
            "names": {
                field: sorted(names[code] for code in card[field] if code in names)
                for field, names in (("regions", self.names.map_for(Region)),
                                     ("target_groups", self.names.map_for(TargetGroup)))
            },
            "topics": sorted(self.index.topics[slug] for slug in card["topics"]),
            "programme": ({"title": self.index.programmes[programme_id]}
                          if programme_id in self.index.programmes else None),
            "stage": item.get_stage_display() if is_model else "",
        }

    def _labels(self, facet, values):
        if not values:
            return {}
        if facet.name == "type":
            return {key: label for key, (_m, label) in TYPES.items()}
        if facet.name == "stage":
            return dict(Stage.choices)
        if facet.name == "topic":
            return {slug: self.index.topics[slug] for slug in values if slug in self.index.topics}
        if facet.name == "programme":
            return {pk: self.index.programmes[pk] for pk in values
                    if pk in self.index.programmes}
        model = {"region": Region, "funder": Funder, "target_group": TargetGroup}[facet.name]
        return self.names.map_for(model)
