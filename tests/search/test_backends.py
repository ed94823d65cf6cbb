"""Search through Wagtail's backends: a real OpenSearch node and the database."""

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from portal.models import HomePage
from portal.search_config import search_backends

BODY_WORD = "toimintamallit"  # in the Finnish home page's body text


@pytest.fixture
def opensearch(settings, opensearch_url, search_index_name):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(opensearch_url, "opensearch",
                                                      search_index_name)
    backend = get_search_backend("default")
    yield backend
    for index in backend.es.indices.get(index=f"{search_index_name}*"):
        backend.es.indices.delete(index=index)


@pytest.mark.search_engine
@pytest.mark.django_db
def test_opensearch_indexes_demo_pages_and_finds_home(demo_site, opensearch):
    assert opensearch.__class__.__module__.startswith("modelsearch.backends.opensearch3")
    assert opensearch.es.info()["version"]["distribution"] == "opensearch"
    call_command("update_index", backend_name="default", stdout=None)
    opensearch.refresh_indexes()
    results = list(HomePage.objects.live().search(BODY_WORD, backend="default"))
    assert [page.title for page in results] == ["Työkykyportaali"]


@pytest.mark.django_db
def test_database_backend_answers_the_same_query(demo_site, settings):
    settings.WAGTAILSEARCH_BACKENDS = search_backends("")
    results = list(HomePage.objects.live().search(BODY_WORD, backend="default"))
    assert [page.title for page in results] == ["Työkykyportaali"]
