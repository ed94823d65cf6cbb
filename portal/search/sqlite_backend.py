"""Wagtail's SQLite search backend, with a ranking query that scales.

The stock backend ranks with a correlated subquery: for every candidate page it
runs the full-text MATCH again to read that page's score. On a few thousand pages
a search took minutes. Here the MATCH runs once: the index entries that match are
ranked in the same query (same BM25 expression, same order, same tie-break), limited
to the candidate pages, and only the requested slice of pages is loaded. Counting,
facets, negated and match-all queries keep the stock code.

Chosen by ``portal.search.database`` when the database is SQLite with FTS5.
"""

from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class RankedInOneQuery:
    """Query compiler mixin: ``ranked(...)`` returns the slice of objects, best first."""

    def ranked_rows(self, config, start, stop):
        """[(pk, score)] best first, or None for the queries the stock code handles."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, MatchAll | Not):
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS,
                                self.build_search_query(query, config=config))
        candidates = (self.queryset.order_by()
                      .annotate(_key=Cast("pk", output_field=CharField())).values("_key"))
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(
                        self.queryset.model),
                    index_entry__object_id__in=candidates)
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config),
                      _pk=Cast("index_entry__object_id", output_field=IntegerField()))
            .order_by("score", "-_pk")
            .values_list("_pk", "score")
        )
        return list(entries[start:stop])

    def ranked(self, config, start, stop, score_field=None):
        """The slice of objects, best first, or None (see ``ranked_rows``)."""
        rows = self.ranked_rows(config, start, stop)
        if rows is None:
            return None
        objects = self.queryset.in_bulk([pk for pk, _score in rows])
        ranked = []
        for pk, score in rows:
            obj = objects.get(pk)
            if obj is not None:
                if score_field:
                    setattr(obj, score_field, score)
                ranked.append(obj)
        return ranked


class RankedSearchQueryCompiler(RankedInOneQuery, SQLiteSearchQueryCompiler):
    pass


class RankedAutocompleteQueryCompiler(RankedInOneQuery, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSearchResults(SQLiteSearchResults):
    def _do_search(self):
        ranked = self.query_compiler.ranked(
            self.query_compiler.get_config(self.backend), self.start, self.stop,
            score_field=self._score_field,
        )
        return super()._do_search() if ranked is None else ranked

    def pk_scores(self):
        """[(pk, score)] of this slice, best first, without loading the objects (the
        portal's search page needs only these), or None when ranking does not apply."""
        return self.query_compiler.ranked_rows(
            self.query_compiler.get_config(self.backend), self.start, self.stop)


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSearchQueryCompiler
    autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
    results_class = RankedSearchResults
