import pytest
from django.utils import translation

from tests.builders import build_library
from tests.models_library.importer_support import build_import_parent


@pytest.fixture
def library(demo_site):
    return build_library(demo_site)


@pytest.fixture
def parent(db, request):
    """The library page that imports go under (on the demo site).

    Built once per session and restored for later tests (tests/demo_snapshot.py).
    """
    from tests.demo_snapshot import restore_or_build

    return restore_or_build("import_parent", build_import_parent, request)


@pytest.fixture
def english():
    """Importer messages follow the active language; some tests read the English ones."""
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(demo_site):
    from tests.builders import build_pathway_index

    return build_pathway_index(demo_site)
