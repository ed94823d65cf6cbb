"""Search tests run on the database backend (SQLite or PostgreSQL, whichever the
suite runs on) and on a real OpenSearch node."""

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from portal.search_config import search_backends
from tests.builders import build_library, build_search_corpus

BACKENDS = ["database", pytest.param("opensearch", marks=pytest.mark.search_engine)]


class Engine:
    def __init__(self, name, settings, url=None, index=None):
        self.name = name
        self.settings = settings
        self.index = index
        if name == "opensearch":
            settings.WAGTAILSEARCH_BACKENDS = search_backends(url, "opensearch", index)

    @property
    def backend(self):
        return get_search_backend("default")

    def refresh(self):
        """Make the cluster's page index match the database, as update_index does.

        Only the page index is rebuilt (update_index would also rebuild images,
        documents and snippets), which keeps these tests quick on a shared node.
        """
        if self.name != "opensearch":
            return
        backend = self.backend
        models = [model for model in get_indexed_models() if issubclass(model, Page)]
        rebuilder = backend.rebuilder_class(backend.get_index_for_model(Page))
        index = rebuilder.start()
        for model in models:
            index.add_model(model)
        for model in models:
            items = list(model.get_indexed_objects())
            if items:
                index.add_items(model, items)
        rebuilder.finish()
        self.settle()

    def settle(self):
        """Wait for signal-driven index updates to become searchable."""
        if self.name == "opensearch":
            self.backend.get_index_for_model(Page).refresh()

    def drop(self):
        if self.name == "opensearch":
            es = self.backend.es
            for index in es.indices.get(index=f"{self.index}*"):
                es.indices.delete(index=index)


@pytest.fixture(params=BACKENDS)
def engine(request, settings):
    if request.param == "opensearch":
        url = request.getfixturevalue("opensearch_url")
        index = request.getfixturevalue("search_index_name")
        engine = Engine("opensearch", settings, url, index)
    else:
        engine = Engine("database", settings)
    yield engine
    engine.drop()


@pytest.fixture
def library(demo_site, request):
    from tests.demo_snapshot import restore_or_build

    return restore_or_build("search_library", lambda: build_library(demo_site), request)


@pytest.fixture
def corpus(library, request):
    from tests.demo_snapshot import restore_or_build

    return restore_or_build("search_corpus", lambda: build_search_corpus(library), request)
