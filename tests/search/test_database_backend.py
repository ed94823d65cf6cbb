"""The portal's database backend ranks like Wagtail's, faster.

Wagtail's SQLite backend ran the full-text MATCH once per candidate page to read
its score, so one search over a few thousand pages took minutes. The portal's
backend (portal.search.database) ranks the matching index entries in one query.
On PostgreSQL it matches each search vector on its own (so the GIN indexes serve
the match) instead of their concatenation. It must give exactly the stock
backend's results: the same pages in the same order with the same scores, and the
same for autocomplete.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.query import Phrase, PlainText

from models_library.models import OperatingModelPage
from portal.search import database
from portal.search.query import parse
from tests.builders import build_model, sections

pytestmark = pytest.mark.django_db
PARAMS = {"SEARCH_CONFIG": "simple"}


@pytest.fixture
def corpus(library):
    for number in range(8):
        build_model(library, title=f"Kuntoutus {number}" if number % 2 else f"Malli {number}",
                    summary="Nuoret ja kuntoutus. " * (number % 3 + 1),
                    description=sections(basic_idea=f"Verkosto {number} tukee nuoria."))
    return library


def ranked(backend, query, queryset, **kwargs):
    results = backend.search(query, queryset, **kwargs).annotate_score("_score")
    return [(page.pk, round(page._score, 6)) for page in results]


QUERIES = [PlainText("kuntoutus"), PlainText("nuoret verkosto", operator="or"),
           PlainText("nuoret kuntoutus", operator="and"), Phrase("nuoret ja kuntoutus")]


def stock_backend():
    """Wagtail's own backend for this database."""
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(PARAMS)
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return PostgresSearchBackend(PARAMS)


@pytest.mark.parametrize("query", QUERIES + [parse("kuntoutus nuoret", "fi").backend_query(),
                                             parse('"nuoret ja" verkosto', "fi").backend_query()],
                         ids=str)
def test_the_portal_backend_ranks_exactly_like_wagtails(corpus, query):
    portal = database.SearchBackend(PARAMS)
    queryset = Page.objects.live().filter(locale=corpus.locale)
    stock = stock_backend()
    assert type(portal) is not type(stock)
    expected = ranked(stock, query, queryset)
    assert expected, "the corpus must match the query"
    assert ranked(portal, query, queryset) == expected
    assert ranked(portal, query, queryset.only("pk"))[2:5] == expected[2:5]
    assert [pk for pk, _ in ranked(portal, query, OperatingModelPage.objects.live())] == [
        pk for pk, _ in ranked(stock, query, OperatingModelPage.objects.live())]


def test_autocomplete_and_slices_match_wagtails(corpus):
    portal = database.SearchBackend(PARAMS)
    stock = stock_backend()
    queryset = Page.objects.live()
    assert ([page.pk for page in portal.autocomplete("kuntou", queryset)]
            == [page.pk for page in stock.autocomplete("kuntou", queryset)] != [])
    results = portal.search("nuoret", queryset)
    assert [page.pk for page in results[3:6]] == [page.pk for page in stock.search(
        "nuoret", queryset)[3:6]]
    assert results.count() == stock.search("nuoret", queryset).count() >= 6


def test_one_ranking_query_however_many_pages_match(corpus):
    portal = database.SearchBackend(PARAMS)
    if connection.vendor != "sqlite":  # PostgreSQL ranks in one query already
        assert type(portal).__name__ == "PerVectorMatchPostgresSearchBackend"
        return
    query = parse("kuntoutus nuoret", "fi").backend_query()
    results = portal.search(query, Page.objects.live()).annotate_score("_score")
    with CaptureQueriesContext(connection) as context:
        rows = results[:500].pk_scores()
    assert len(rows) >= 8
    assert len(context.captured_queries) == 1
    sql = context.captured_queries[0]["sql"]
    assert sql.count("MATCH") == 1


def test_any_of_matches_like_in_with_one_parameter(library):
    """``pk__any_of`` (used for the search filters' candidate pages) selects what
    ``pk__in`` does, with the values sent as one parameter."""
    ids = list(Page.objects.order_by("pk").values_list("pk", flat=True))[::2]
    with CaptureQueriesContext(connection) as context:
        found = list(Page.objects.filter(pk__any_of=ids).order_by("pk")
                     .values_list("pk", flat=True))
    assert found == ids and found
    assert len(context.captured_queries[0]["sql"]) < 400  # not one placeholder per value
    assert list(Page.objects.filter(pk__any_of=[])) == []
    slugs = list(Page.objects.filter(pk__in=ids).values_list("slug", flat=True))
    assert (sorted(Page.objects.filter(slug__any_of=slugs).values_list("pk", flat=True))
            == sorted(Page.objects.filter(slug__in=slugs).values_list("pk", flat=True)))
