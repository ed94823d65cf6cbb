"""Indexing a batch of pages costs a fixed number of queries, and indexes the same text.

modelcluster's relations (regions, target groups, attachments, …) ignore Django's
prefetching, so each page used to cost a query per relation when it was indexed
(a full rebuild of 20,000 pages ran at a few pages a second). The indexed objects
now load them per batch (portal.indexing.WithSearchRelations).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.index import get_indexed_models

from models_library.models import OperatingModelPage, Phenomenon
from tests.search.test_search_budget import grow

pytestmark = pytest.mark.django_db


def indexing_queries():
    """Queries to read the library's pages for the index and compute everything indexed."""
    with CaptureQueriesContext(connection) as context:
        for page in OperatingModelPage.get_indexed_objects():
            page.search_terms()
            page.title_terms()
            for name in ("regions", "funders", "target_groups", "attachments"):
                list(getattr(page, name).all())
    return len(context.captured_queries)


def test_indexing_a_batch_costs_the_same_queries_at_two_sizes(library):
    grow(library, 3)
    small = indexing_queries()
    grow(library, 9, offset=3)
    assert OperatingModelPage.objects.count() == 12
    assert indexing_queries() == small


def test_batch_loaded_pages_index_the_same_text_as_pages_loaded_one_by_one(library):
    grow(library, 4)
    phenomena = list(Phenomenon.objects.filter(locale__language_code="fi")[:2])
    page = OperatingModelPage.objects.first()
    page.phenomena.set(phenomena)
    page.save()
    compared = 0
    for model in get_indexed_models():
        if not issubclass(model, Page) or not hasattr(model, "search_terms"):
            continue
        for batch_loaded in model.get_indexed_objects():
            alone = model.objects.get(pk=batch_loaded.pk)
            assert batch_loaded.search_text() == alone.search_text()
            assert batch_loaded.search_terms() == alone.search_terms()
            compared += 1
    assert compared >= 4
    text = OperatingModelPage.get_indexed_objects().get(pk=page.pk).search_text()
    assert all(phenomenon.name in text for phenomenon in phenomena)
