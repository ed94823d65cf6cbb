import pytest
from django.utils import translation

from tests.builders import build_library


@pytest.fixture
def library(demo_site):
    return build_library(demo_site)


@pytest.fixture
def english():
    """Importer messages follow the active language; some tests read the English ones."""
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(demo_site):
    from tests.builders import build_pathway_index

    return build_pathway_index(demo_site)
