import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_site(db):
    """The demo site the portal ships with: home, about and accessibility pages in fi/sv/en."""
    from portal.demo import build

    return build()


@pytest.fixture(scope="session")
def opensearch_url():
    """A real OpenSearch node: the one the test command started, or one started here."""
    url = os.environ.get("TEST_OPENSEARCH_URL")
    if url:
        yield url
        return
    script = ROOT / "scripts" / "search-engine.sh"
    started = subprocess.run(
        [script, "start", "opensearch"], check=True, capture_output=True, text=True
    )
    yield started.stdout.strip().splitlines()[-1]
    subprocess.run([script, "stop", "opensearch"], check=False)


@pytest.fixture
def search_index_name(request):
    prefix = os.environ.get("TEST_SEARCH_INDEX_PREFIX", f"test-{os.getpid()}")
    return f"{prefix}-{request.node.name}".lower().replace("[", "-").replace("]", "")


@pytest.fixture
def page_cache(settings):
    """The shared page cache switched on (tests run with it off), starting empty."""
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield caches[settings.PAGE_CACHE_ALIAS]
    caches[settings.PAGE_CACHE_ALIAS].clear()
