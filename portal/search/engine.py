"""Running a portal search: backend, visibility, facets, pagination, snippets.

1. The query is analysed (``search.query``) and sent to the configured Wagtail
   backend over the registered page types in the visitor's language; up to
   ``MAX_HITS`` ranked page ids come back.
2. One database query keeps the hits the visitor may see (the visibility
   helper decides, never the index) and reads every facet value of those hits.
3. Facet filters and counts are computed from those rows: each facet is
   counted against the other facets' filters, so a count says how many results
   choosing that value would give. When the hits were capped and a filter is
   chosen, the backend is asked again among the pages that pass the filters, so a
   filter never hides matches ranked below the cap. A search cluster is sent that
   second search with the first, in one request it runs concurrently.
4. Only the shown page of results is loaded, one query per page type.

The number of SQL queries does not grow with the number of results. When the
search cluster fails, the database backend answers and the page says so.
"""

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MatchAll
from wagtail.search.utils import normalise_query_string

from portal import visibility
from portal.facets import Option
from portal.search import query as search_query
from portal.search.registry import TYPE_FACET, search_facets, search_types
from portal.search.snippets import highlight, snippet
from portal.site_memo import memo

logger = logging.getLogger(__name__)

MAX_HITS = 500
MAX_CANDIDATE_IDS = 10_000  # ids sent in one query (SQLite and PostgreSQL bound them)
PAGE_SIZE = 10
MAX_SELECTED_PER_FACET = 20
MAX_VALUE_LENGTH = 80
FALLBACK_BACKEND = "database"


def visible_pages(request):
    """Pages this request may see, by the portal's one visibility rule.

    Search applies it in the database to every hit, so a stale index can never
    show a draft or a private page.
    """
    return visibility.visible_pages(Page.objects.all(), request)


class ClusterSearchError(Exception):
    """A search of a multi-search request failed on the cluster (the request did not)."""


def cluster_errors():
    """Exceptions that mean the search cluster failed (not the visitor's input)."""
    errors = [ConnectionError, TimeoutError, OSError, ClusterSearchError]
    try:
        from opensearchpy.exceptions import ConnectionError as OSConnectionError
        from opensearchpy.exceptions import TransportError as OSTransportError

        errors += [OSConnectionError, OSTransportError]
    except ImportError:  # pragma: no cover - the client is a dependency
        pass
    try:
        from elastic_transport import TransportError as ESTransportError
        from elasticsearch import ApiError

        errors += [ESTransportError, ApiError]
    except ImportError:  # pragma: no cover - the client is a dependency
        pass
    return tuple(errors)


def is_cluster(backend):
    """True for the OpenSearch/Elasticsearch backends (they carry a client as ``es``)."""
    return hasattr(backend, "es")


def cluster_pk_scores(*many):
    """For each of a cluster backend's ``many`` results, [(pk, score)] of its best
    ``MAX_HITS``, best first, with no SQL: one search request, or for several results one
    multi-search request (the node runs its searches concurrently). The query bodies are
    Wagtail's own. The pk is read from the doc values of Wagtail's ``pk`` field: no stored
    field is read (reading ``_id`` for 500 hits took most of the node's time), and no total
    is counted."""
    requests = []
    for results in many:
        model = results.query_compiler.queryset.model
        requests.append((results.backend.get_index_for_model(model).name, {
            **results._get_es_body(), "_source": False, "stored_fields": "_none_",
            "docvalue_fields": ["pk"], "size": MAX_HITS, "track_total_hits": False,
        }))
    if len(requests) == 1:
        ((index, body),) = requests
        responses = [many[0]._backend_do_search(body, index=index)]
    else:
        lines = [line for index, body in requests for line in ({"index": index}, body)]
        backend = many[0].backend
        # The Elasticsearch client names the NDJSON lines ``searches``, OpenSearch's ``body``.
        if backend.use_new_elasticsearch_api:
            responses = backend.es.msearch(searches=lines)["responses"]
        else:
            responses = backend.es.msearch(body=lines)["responses"]
        for response in responses:
            if "error" in response:
                raise ClusterSearchError(response["error"])
    pk_scores = []
    for results, response in zip(many, responses, strict=True):
        to_pk = results.query_compiler.queryset.model._meta.pk.to_python
        pk_scores.append([(to_pk(hit["fields"]["pk"][0]), hit["_score"])
                          for hit in response["hits"]["hits"]])
    return pk_scores


@dataclass
class FacetState:
    definition: object
    selected: list = field(default_factory=list)
    options: list = field(default_factory=list)

    @property
    def name(self):
        return self.definition.name

    @property
    def label(self):
        return self.definition.label


@dataclass
class Result:
    page: object
    type_key: str
    type_label: str
    score: float
    title_html: str
    snippet_html: str

    @property
    def url(self):
        return self.page.url


@dataclass
class Outcome:
    parsed: object
    facets: list
    page_obj: object = None
    results: list = field(default_factory=list)
    total: int = 0
    capped: bool = False
    promotions: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    backend: str = ""
    searched: bool = False  # False: no query and no filter, nothing was looked up

    @property
    def selected_filters(self):
        return [(facet, option) for facet in self.facets for option in facet.options
                if option.selected]


class PortalSearch:
    def __init__(self, request, params, language):
        self.request = request
        self.params = params
        self.language = (language or settings.LANGUAGE_CODE)[:2]
        self.types = search_types()
        self.type_by_key = {t.key: t for t in self.types}
        self.notices = []
        self.parsed = search_query.parse(self._param("q"), self.language)
        self.notices.extend(self.parsed.notes)
        self.facets = [FacetState(definition) for definition in search_facets()]
        self._read_facets()

    # -- input ---------------------------------------------------------------------
    def _param(self, name):
        value = self.params.get(name, "")
        return value if isinstance(value, str) else ""

    def _read_facets(self):
        for facet in self.facets:
            raw = []
            for value in self.params.getlist(facet.name):
                value = search_query.clean(value)
                if value and value not in raw:
                    raw.append(value)
            for value in raw[:MAX_SELECTED_PER_FACET]:
                if len(value) > MAX_VALUE_LENGTH:
                    self._unknown(facet, value)
                else:
                    facet.selected.append(value)

    def _unknown(self, facet, value):
        self.notices.append(
            _("The filter value “%(value)s” for “%(facet)s” is not known and was ignored.")
            % {"value": value[:40], "facet": facet.label}
        )

    # -- running -------------------------------------------------------------------
    def run(self, with_promotions=True):
        outcome = Outcome(parsed=self.parsed, facets=self.facets, notices=self.notices)
        has_filters = any(facet.selected for facet in self.facets)
        if (self.parsed.is_empty and not has_filters) or not self.types:
            return outcome
        outcome.searched = True
        locale = Locale.objects.filter(language_code=self.language).first()
        if locale is None:
            return outcome
        sent = self._chosen()  # not validated yet: the labels come with the hits
        # A cluster ranks among the filtered pages in the same request, in case the hits
        # are capped (step 3 of the module's description; no query: the database answers).
        also = (self._filtered_pages(locale, sent)
                if sent and not self.parsed.is_empty and is_cluster(self._backend) else None)
        hits, filtered, outcome.backend = self._hits(self._counted_pages(locale), also)
        outcome.capped = len(hits) >= MAX_HITS
        rows = self._facet_rows([pk for pk, _score in hits], locale)
        type_of, values = self._values(rows)
        labels = self._labels(values)
        self._validate_selection(labels)
        ordered = [(pk, score) for pk, score in hits if pk in type_of]
        chosen = self._chosen()  # as validated
        matching = [(pk, score) for pk, score in ordered
                    if not self._failed(values[pk], chosen)]
        self._count(ordered, values, chosen, labels)
        if outcome.capped and chosen:
            # The chosen filters may keep pages ranked below the first MAX_HITS: search
            # again among the pages that pass them (the counts stay those of the top hits).
            # A cluster has answered that already unless validation dropped a value.
            if filtered is None or chosen != sent:
                hits, _none, outcome.backend = self._hits(self._filtered_pages(locale, chosen))
            else:
                hits = filtered
            type_of, values = self._values(
                self._facet_rows([pk for pk, _score in hits], locale))
            matching = [(pk, score) for pk, score in hits
                        if pk in type_of and not self._failed(values[pk], chosen)]
        outcome.total = len(matching)
        outcome.page_obj = Paginator(matching, PAGE_SIZE).get_page(self._param("page"))
        outcome.results = self._results(outcome.page_obj.object_list, type_of)
        if with_promotions and outcome.page_obj.number == 1 and self.parsed.text:
            outcome.promotions = self._promotions()
        return outcome

    def _base_queryset(self, locale):
        content_types = ContentType.objects.get_for_models(*[t.model for t in self.types])
        return Page.objects.live().filter(
            locale=locale, content_type__in=sorted(ct.pk for ct in content_types.values())
        )

    def _chosen(self):
        """{facet: set of chosen values}, for the facets with a choice."""
        return {facet.name: set(facet.selected) for facet in self.facets if facet.selected}

    def _passing(self, locale, chosen):
        """{facet: ids of the pages passing that facet's chosen values}, for taxonomy
        facets, from the site memo's facet index."""
        postings = memo(self.request, ("search-facet-postings", locale.pk),
                        lambda: self._facet_postings(locale))
        return {name: set().union(*(postings[name].get(value, ()) for value in wanted))
                for name, wanted in chosen.items()}

    def _counted_pages(self, locale):
        """The pages the facet counts can come from. A page failing two or more chosen
        filters is neither a result nor counted under any facet (each facet is counted
        against the other facets' filters), so with two or more taxonomy filters only
        the pages failing at most one of them are ranked. Anything else (a type filter,
        a value no page has, more pages than a query should list) ranks every page, and so
        does a search cluster, for which ranking every page costs less than receiving
        thousands of ids. Returns the queryset and the ids it is limited to (None: not limited)."""
        queryset = self._base_queryset(locale)
        chosen = self._chosen()
        if len(chosen) < 2 or TYPE_FACET.name in chosen or is_cluster(self._backend):
            return queryset, None
        passing = self._passing(locale, chosen)
        if not all(passing.values()):
            return queryset, None
        ids = set()
        for left_out in passing:
            ids |= set.intersection(*(pages for name, pages in passing.items()
                                      if name != left_out))
        if len(ids) > MAX_CANDIDATE_IDS:
            return queryset, None
        return queryset, ids

    def _filtered_pages(self, locale, chosen):
        """The base queryset narrowed to the pages that pass the ``chosen`` filters: page
        types by content type, taxonomy values from the site memo's facet index: the
        queryset and the ids it is limited to (None: not limited)."""
        queryset = self._base_queryset(locale)
        chosen = dict(chosen)
        type_keys = chosen.pop(TYPE_FACET.name, None)
        if type_keys:
            models = [t.model for t in self.types if t.key in type_keys]
            content_types = ContentType.objects.get_for_models(*models).values()
            queryset = queryset.filter(content_type__in=sorted(ct.pk for ct in content_types))
        ids = set.intersection(*self._passing(locale, chosen).values()) if chosen else None
        return queryset, ids

    def _facet_postings(self, locale):
        """{facet: {value: frozenset(page ids)}}: the facet index turned around, so the
        pages passing a filter are a few set operations away."""
        postings = defaultdict(lambda: defaultdict(set))
        for rows in self._memoised_facet_index(locale).values():
            for pk, facet_name, value in rows:
                postings[facet_name][value].add(pk)
        return defaultdict(dict, {name: {value: frozenset(ids) for value, ids in values.items()}
                                  for name, values in postings.items()})

    @cached_property
    def _backend(self):
        return get_search_backend("default")

    def _hits(self, search, also=None):
        """[(page id, score)] best first, at most MAX_HITS, among the pages of ``search``
        (a queryset and the ids it is limited to, None: not limited); the same for
        ``also`` (another such search, or None) when a cluster answers both in one
        request, else None; and the backend's name."""
        backend_query = self.parsed.backend_query()
        if isinstance(backend_query, MatchAll):
            queryset, ids = search
            if ids is not None:
                queryset = queryset.filter(id__any_of=frozenset(ids))
            newest = queryset.order_by("-last_published_at", "pk").values_list("pk", flat=True)
            return [(pk, 0.0) for pk in newest[:MAX_HITS]], None, "database"
        backend = self._backend
        paired = also is not None and is_cluster(backend)
        try:
            answered = self._searches(backend, backend_query,
                                      [search, also] if paired else [search])
            return answered[0], answered[1] if paired else None, type(backend).__name__
        except cluster_errors():
            if not is_cluster(backend) or FALLBACK_BACKEND not in settings.WAGTAILSEARCH_BACKENDS:
                raise
            logger.exception("The search cluster failed; answering from the database backend.")
            self.notices.append(_(
                "The search service is not available right now. These results come from a "
                "simpler search and may be less complete."
            ))
            # The rest of this search asks the database too (no second wait for the cluster).
            self._backend = fallback = get_search_backend(FALLBACK_BACKEND)
            return self._search(fallback, backend_query, *search), None, type(fallback).__name__

    @staticmethod
    def _search(backend, backend_query, queryset, ids=None):
        """[(page id, score)] best first, at most MAX_HITS, among the pages of ``queryset``
        (and of ``ids``, unless None)."""
        return PortalSearch._searches(backend, backend_query, [(queryset, ids)])[0]

    @staticmethod
    def _searches(backend, backend_query, searches):
        """The hits of each search (a queryset and the ids it is limited to, None: not
        limited): on a cluster from one request, on the database one query each."""
        results = []
        for queryset, ids in searches:
            if ids is not None:
                # A cluster gets the ids as a terms filter; the database as one parameter.
                queryset = queryset.filter(**({"id__in": sorted(ids)} if is_cluster(backend)
                                              else {"id__any_of": frozenset(ids)}))
            results.append(
                backend.search(backend_query, queryset.only("pk")).annotate_score("_score"))
        if is_cluster(backend):
            # From the responses (Wagtail's results would scroll in pages of 100 and load
            # each page's rows from the database).
            return [[(pk, float(score or 0.0)) for pk, score in rows]
                    for rows in cluster_pk_scores(*results)]
        return [PortalSearch._database_hits(backend, each) for each in results]

    @staticmethod
    def _database_hits(backend, results):
        # The portal's SQLite backend gives (pk, score) without loading the pages.
        pk_scores = getattr(results[:MAX_HITS], "pk_scores", None)
        rows = pk_scores() if pk_scores else None
        if rows is not None:
            hits = [(pk, float(score or 0.0)) for pk, score in rows]
        else:
            hits = [(page.pk, float(page._score or 0.0)) for page in results[:MAX_HITS]]
        if "SQLite" in type(backend).__name__:
            hits = [(pk, -score) for pk, score in hits]  # BM25 in SQLite: lower is better
        return hits

    def _facet_rows(self, hit_ids, locale):
        """(page id, facet, value) for every visible hit.

        Which hits are visible, and their type, is read from the database on every
        search (one query), so a stale search index can never show a draft or a private
        page. The taxonomy values come from a facet index kept in the site memo.
        """
        if not hit_ids:
            return []
        visible = (visible_pages(self.request).filter(pk__any_of=frozenset(hit_ids))
                   .values_list("pk", "content_type_id"))
        rows = [(pk, TYPE_FACET.name, str(content_type)) for pk, content_type in visible]
        index = self._memoised_facet_index(locale)
        return rows + [row for pk, _facet, _value in rows for row in index.get(pk, ())]

    def _memoised_facet_index(self, locale):
        return memo(self.request, ("search-facet-index", locale.pk),
                    lambda: self._facet_index(locale))

    def _facet_index(self, locale):
        """{page id: ((page id, facet, value), …)}: the taxonomy facet values of every
        page of the search types in ``locale``, in one query. Kept in the site memo
        until content changes, so a search reads its hits' values without a query."""
        as_text = CharField()
        arms = []
        for search_type in self.types:
            for facet_name, lookups in search_type.facets.items():
                for lookup in lookups:
                    arms.append(
                        search_type.model.objects.filter(locale=locale)
                        .annotate(_facet=Value(facet_name, output_field=as_text),
                                  _value=Cast(lookup, output_field=as_text))
                        .filter(_value__isnull=False).exclude(_value="")
                        .order_by().values_list("pk", "_facet", "_value")
                    )
        index = defaultdict(list)
        for row in arms[0].union(*arms[1:], all=True) if arms else ():
            index[row[0]].append(row)
        return {pk: tuple(rows) for pk, rows in index.items()}

    def _values(self, rows):
        content_types = ContentType.objects.get_for_models(*[t.model for t in self.types])
        key_of_ct = {ct.pk: t.key for t in self.types for model, ct in content_types.items()
                     if model is t.model}
        type_of = {}
        values = defaultdict(lambda: defaultdict(set))
        for pk, facet, value in rows:
            if facet == TYPE_FACET.name:
                key = key_of_ct.get(int(value))
                if key:
                    type_of[pk] = key
                    values[pk][facet].add(key)
            else:
                values[pk][facet].add(value)
        # Facet values of hits the visitor may not see are dropped with them.
        return type_of, {pk: values[pk] for pk in type_of}

    def _labels(self, values):
        """{facet name: {value: label}} for values present or selected, in one query."""
        present = defaultdict(set)
        for page_values in values.values():
            for facet_name, facet_values in page_values.items():
                present[facet_name].update(facet_values)
        labels = {facet.name: {} for facet in self.facets}
        labels[TYPE_FACET.name] = {t.key: t.label for t in self.types}
        arms = []
        as_text = CharField()
        for facet in self.facets:
            definition = facet.definition
            if definition.choices is not None:
                labels[facet.name] = dict(definition.choices)
                continue
            wanted = present[facet.name] | set(facet.selected)
            if definition.label_model is None or not wanted:
                continue
            queryset = definition.label_model.objects.filter(
                **{f"{definition.code_field}__in": wanted}
            )
            if definition.translated:
                queryset = queryset.filter(
                    locale__language_code__in={self.language, settings.LANGUAGE_CODE}
                ).annotate(_language=F("locale__language_code"))
            else:
                queryset = queryset.annotate(_language=Value("", output_field=as_text))
            arms.append(
                queryset.annotate(_facet=Value(facet.name, output_field=as_text),
                                  _code=Cast(definition.code_field, output_field=as_text),
                                  _name=Cast(definition.name_field, output_field=as_text))
                .order_by().values_list("_facet", "_code", "_name", "_language")
            )
        if arms:
            for facet_name, code, name, language in arms[0].union(*arms[1:], all=True):
                if language in {self.language, ""} or code not in labels[facet_name]:
                    labels[facet_name][code] = name
        return labels

    def _validate_selection(self, labels):
        for facet in self.facets:
            known = [value for value in facet.selected if value in labels[facet.name]]
            for value in facet.selected:
                if value not in known:
                    self._unknown(facet, value)
            facet.selected = known

    @staticmethod
    def _failed(page_values, chosen):
        """The names of the ``chosen`` filters a page's values do not pass."""
        return [name for name, wanted in chosen.items() if not page_values[name] & wanted]

    def _count(self, ordered, values, chosen, labels):
        # A page counts under a facet when it passes every other facet's filter: when it
        # fails none, or fails only that facet's own.
        failed = {pk: self._failed(values[pk], chosen) for pk, _score in ordered}
        for facet in self.facets:
            counts = Counter()
            for pk, _score in ordered:
                if not failed[pk] or failed[pk] == [facet.name]:
                    counts.update(values[pk][facet.name])
            shown = set(counts) | set(facet.selected)
            options = [
                Option(value, str(labels[facet.name].get(value, value)), counts.get(value, 0),
                       value in facet.selected)
                for value in shown if value in labels[facet.name]
            ]
            if facet.name == TYPE_FACET.name:
                order = {t.key: i for i, t in enumerate(self.types)}
                options.sort(key=lambda option: order.get(option.value, 99))
            else:
                options.sort(key=lambda option: (-option.count, option.label.lower()))
            facet.options = options

    def _results(self, hits, type_of):
        by_type = defaultdict(list)
        for pk, _score in hits:
            by_type[type_of[pk]].append(pk)
        pages = {}
        for key, ids in by_type.items():
            for page in self.type_by_key[key].model.objects.filter(pk__in=ids):
                pages[page.pk] = page
        results = []
        for pk, score in hits:
            page = pages.get(pk)
            if page is None:
                continue
            search_type = self.type_by_key[type_of[pk]]
            text = page.search_text(related=False, title=False)
            results.append(Result(
                page=page, type_key=search_type.key, type_label=search_type.label,
                score=round(score, 4),
                title_html=highlight(page.title, self.parsed, self.language),
                snippet_html=snippet(text, self.parsed, self.language,
                                     fallback=getattr(page, "summary", "")),
            ))
        return results

    def _promotions(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        visible = visible_pages(self.request)
        return list(
            SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(self.parsed.text)
            ).filter(Q(page__isnull=True) | Q(page__in=visible.values("pk")))
            .select_related("page").order_by("sort_order")
        )

