"""The library index's filtering, facet counts, sorting and pagination.

Filters combine with AND across facets and OR within one facet. Every facet is
counted against the other facets' filters, so a count says how many results
choosing that value would give. The number of queries is fixed: it does not
grow with the number of results, tags, regions or facet values.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import CharField, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from models_library.models.pages import OperatingModelPage, ProgrammePage, Stage
from models_library.models.taxonomy import Funder, Region, TargetGroup
from models_library.taxonomy_names import TaxonomyNames
from portal.facets import Option
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
    so filtering, counting and sorting cost no query.

    Sets of pages are bit masks (Python integers): bit i is the i-th page in name
    order. ``postings`` holds the mask of every facet value, so a request filters
    with ``&`` and ``|`` and counts with ``int.bit_count()`` instead of looping over
    the pages in Python, and its memory does not grow with their number beyond a
    mask (one bit a page)."""

    values: dict  # pk -> {facet name: {value, ...}}
    cards: dict  # pk -> what the page's card shows besides the page itself
    types: dict  # pk -> model name
    sort_orders: dict  # sort key -> [pk, ...]
    topics: dict = field(default_factory=dict)  # tag slug -> name (library)
    programmes: dict = field(default_factory=dict)  # str(pk) -> title of visible programmes
    labels: dict = field(default_factory=dict)  # facet name -> {value: label}

    def __post_init__(self):
        self.order = self.sort_orders["name"]  # bit -> pk
        bit = {pk: number for number, pk in enumerate(self.order)}
        self.everything = (1 << len(self.order)) - 1
        self.sort_bits = {key: [bit[pk] for pk in pks] for key, pks in self.sort_orders.items()}
        bits = {}  # facet name -> {value: [bit, ...]}
        for pk, page_values in self.values.items():
            for name, values in page_values.items():
                by_value = bits.setdefault(name, {})
                for value in values:
                    by_value.setdefault(value, []).append(bit[pk])
        self.postings = {name: {value: mask(numbers, len(self.order))
                                for value, numbers in by_value.items()}
                         for name, by_value in bits.items()}

    def pks(self, selection):
        """The pks of the pages in ``selection`` (a mask), in name order."""
        return [self.order[number] for number in set_bits(selection, len(self.order))]


def mask(numbers, size):
    """An integer with the given bits set (built in one pass, not bit by bit)."""
    packed = bytearray(size // 8 + 1)
    for number in numbers:
        packed[number >> 3] |= 1 << (number & 7)
    return int.from_bytes(packed, "little")


def set_bits(selection, size, order=None):
    """The numbers of the bits set in ``selection``, in ``order`` (bit numbers; by
    default ascending), lazily."""
    packed = selection.to_bytes(size // 8 + 1, "little")
    for number in range(size) if order is None else order:
        if packed[number >> 3] >> (number & 7) & 1:
            yield number


class Selection(Sequence):
    """The pages of a mask in one sort order, for the paginator: its length is a bit
    count and a slice walks the sort order only as far as the slice ends, so no list
    of every matching page is built."""

    def __init__(self, index, selection, sort):
        self.index, self.selection, self.sort = index, selection, sort
        self.size = selection.bit_count()

    def __len__(self):
        return self.size

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item:item + 1][0]
        start, stop, _step = item.indices(self.size)
        found = islice(set_bits(self.selection, len(self.index.order),
                                self.index.sort_bits[self.sort]), start, stop)
        return [self.index.order[number] for number in found]


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


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


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
    card_fields = None  # the fields a card shows (None: all but stream fields)

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
    def _chosen(self, facet):
        """The mask of the pages having any of ``facet``'s selected values."""
        postings = self.index.postings.get(facet.name, {})
        chosen = 0
        for value in facet.selected:
            chosen |= postings.get(value, 0)
        return chosen

    def matching(self, exclude=None):
        """The mask of the pages that pass every filter but ``exclude``'s (no query)."""
        if not hasattr(self, "_chosen_masks"):
            self._chosen_masks = {facet.name: self._chosen(facet)
                                  for facet in self.facets if facet.selected}
        selection = self.index.everything
        for name, chosen in self._chosen_masks.items():
            if name != exclude:
                selection &= chosen
        return selection

    def matching_ids(self, exclude=None):
        """Ids of the pages that pass every filter but ``exclude``'s."""
        return set(self.index.pks(self.matching(exclude)))

    def results(self):
        paginator = Paginator(Selection(self.index, self.matching(), self.sort), PAGE_SIZE)
        page_obj = paginator.get_page(self.params.get("page"))
        wanted = list(page_obj.object_list)
        found = {}
        # One query per page type shown.
        for model in self.page_models:
            type_ids = [pk for pk in wanted if self.index.types[pk] == model._meta.model_name]
            if type_ids:
                pages = model.objects.filter(pk__in=type_ids)
                fields = [name for name in self.card_fields or () if _has_field(model, name)]
                found.update((page.pk, page) for page in
                             (pages.only(*fields) if fields else pages.defer_streamfields()))
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
        """{value: number of pages} that choosing each value of ``facet`` would give."""
        selection = self.matching(exclude=facet.name)
        counts = Counter()
        for value, posting in self.index.postings.get(facet.name, {}).items():
            if count := (posting & selection).bit_count():
                counts[value] = count
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
    # The address, title, summary, stage and comparison key (of the types that have them).
    card_fields = ("title", "slug", "url_path", "path", "depth", "locale_id", "translation_key",
                   "summary", "stage")

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
