"""Wagtail's PostgreSQL search backend, with a match condition its indexes can serve.

The stock backend matches ``(title || body) @@ query``: the two search vectors are
concatenated for every index entry before the match, so no index is used and every
search reads and joins the vectors of every entry (on 20,000 pages about 0.3 s of
a search's 0.5 s). The index has a GIN index on each vector. When the query is
only single words joined by OR (what the portal's query analysis sends: every word
and its base forms), a word occurs in the concatenation exactly when it occurs in
one of the two, so ``title @@ query OR body @@ query`` matches the same entries
and PostgreSQL can answer it from the GIN indexes. The rank, the order and the
results are the stock ones; any other query (phrases, AND, NOT) keeps the stock code.
The search page reads only the ids and scores of the hits (``pk_scores``), as with SQLite.
When the pages are limited to a list of ids (the search page's filters), the index
entries are limited to the same ids, so only those entries' vectors are read.

Chosen by ``portal.search.database`` when the database is PostgreSQL.
"""

import re

from django.db.models import Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Or, PlainText

from portal.lookups import AnyOf

ONE_WORD = re.compile(r"[^\W\d_]+|\d+")  # letters only or digits only: one lexeme


def single_words(query):
    """True when ``query`` matches any of a set of single words (and nothing else)."""
    if isinstance(query, Or):
        return bool(query.subqueries) and all(single_words(part) for part in query.subqueries)
    if isinstance(query, PlainText):
        words = query.query_string.split()
        return (bool(words) and all(ONE_WORD.fullmatch(word) for word in words)
                and (len(words) == 1 or query.operator == "or"))
    return False


def candidate_ids(queryset):
    """The primary keys ``queryset`` is limited to (``filter(pk__any_of=...)`` at its
    top level), or None."""
    where = queryset.query.where
    if where.connector != "AND" or where.negated:
        return None
    for child in where.children:
        if (isinstance(child, AnyOf)
                and getattr(child.lhs, "target", None) is not None
                and child.lhs.target.primary_key):
            return child.rhs
    return None


class PerVectorMatchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or not single_words(self.query):
            return super().search(config, start, stop, score_field=score_field,
                                  backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        matches = Q()
        for vector, _boost in vectors:
            matches |= Q(**{vector.name: search_query})
        ids = candidate_ids(self.queryset)
        if ids is not None:
            # Read only the candidates' index entries: PostgreSQL otherwise tests the match
            # (reading every entry's body vector) before joining the few candidates.
            matches = (Q(index_entries__object_id__any_of=frozenset(str(pk) for pk in ids))
                       & matches)
        return self._apply_ordering_and_scoring(
            self.queryset.filter(matches), rank_expression, start, stop, score_field
        )


class PkScoreSearchResults(PostgresSearchResults):
    def pk_scores(self):
        """[(pk, score)] of this slice, best first, without loading the objects (the
        portal's search page needs only these; up to 500 page objects cost more to build
        than the search), or None without a score."""
        if self._score_field is None:
            return None
        return list(self.get_queryset().values_list("pk", self._score_field))


class PerVectorMatchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PerVectorMatchQueryCompiler
    results_class = PkScoreSearchResults
