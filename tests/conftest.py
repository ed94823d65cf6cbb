import hashlib
import os
import re
import subprocess
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_site(db, request):
    """The demo site the portal ships with: home, about and accessibility pages in fi/sv/en.

    Built once per session and restored for later tests (tests/demo_snapshot.py).
    """
    from tests.demo_snapshot import restore_or_build

    return restore_or_build("demo_site", _build_demo_site, request)


def _build_demo_site():
    from portal.demo import build
    from portal.indexing import deferred_indexing

    with deferred_indexing():
        return build()


@pytest.fixture(scope="session")
def opensearch_url():
    """A real OpenSearch node: the one the test command started, or one started here."""
    url = os.environ.get("TEST_OPENSEARCH_URL")
    if url:
        yield url
        return
    script = ROOT / "scripts" / "search-engine.sh"
    url = subprocess.run([script, "url", "opensearch"], check=True, capture_output=True,
                         text=True).stdout.strip()
    try:  # a node someone else started (another suite, a developer) is used, not stopped
        urllib.request.urlopen(url, timeout=2).close()
        yield url
        return
    except OSError:
        pass
    started = subprocess.run(
        [script, "start", "opensearch"], check=True, capture_output=True, text=True
    )
    yield started.stdout.strip().splitlines()[-1]
    subprocess.run([script, "stop", "opensearch"], check=False)


@pytest.fixture
def search_index_name(request):
    prefix = os.environ.get("TEST_SEARCH_INDEX_PREFIX", f"test-{os.getpid()}")
    # Index names allow lower-case letters, digits, "-" and "_" only; parametrised tests
    # carry arbitrary text (odd queries) in their names, so keep a hash to stay unique.
    name = request.node.name.lower()
    safe = re.sub(r"[^a-z0-9_-]+", "-", name)[:80].strip("-")
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{safe}-{digest}"


@pytest.fixture
def page_cache(settings):
    """The shared page cache switched on (tests run with it off), starting empty."""
    from django.core.cache import caches

    from portal.page_cache import local_entries

    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    local_entries.clear()
    yield caches[settings.PAGE_CACHE_ALIAS]
    caches[settings.PAGE_CACHE_ALIAS].clear()
    local_entries.clear()


def pytest_collection_modifyitems(config, items):
    """Leave the tests that read the shared Innokylä samples out when there are none.

    The samples are extra input beside the project's own fixtures, which cover what
    the importer must do; their tests are deselected (not skipped) without them.
    """
    from tests.models_library.importer_support import SAMPLES

    if SAMPLES.is_dir():
        return
    extra = [item for item in items if item.get_closest_marker("innokyla_samples")]
    if extra:
        config.hook.pytest_deselected(items=extra)
        left_out = {id(item) for item in extra}
        items[:] = [item for item in items if id(item) not in left_out]
        config.stash[_SAMPLES_LEFT_OUT] = len(extra)


_SAMPLES_LEFT_OUT = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter, config):
    left_out = config.stash.get(_SAMPLES_LEFT_OUT, 0)
    if left_out:
        from tests.models_library.importer_support import SAMPLES

        terminalreporter.write_line(
            f"{left_out} tests on the shared Innokylä samples left out: no {SAMPLES} "
            "(set INNOKYLA_SAMPLES to include them)"
        )


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """The test database, copied from a migrated template (tests/migrated_db.py)."""
    from pytest_django.fixtures import _get_databases_for_setup

    from tests import migrated_db

    if not migrated_db.enabled():
        yield from _migrated_each_time(request, django_db_blocker)
        return
    aliases, serialized = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        created = {
            alias: migrated_db.create_test_database(alias, serialize=alias in serialized)
            for alias in sorted(aliases)
        }
    yield
    with django_db_blocker.unblock():
        for alias, old_name in created.items():
            migrated_db.destroy_test_database(alias, old_name)


def _migrated_each_time(request, django_db_blocker):
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, serialized = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=0, interactive=False, aliases=aliases, serialized_aliases=serialized
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Index what the fixtures saved once each, when setup ends, not on every save.

    Builders save a page several times (creation, revision, publication, translation),
    and each save re-indexed it: half of the suite's time. The test itself runs with
    the usual save handlers, so freshness tests still see indexing as it happens.
    """
    from portal.indexing import deferred_indexing

    with deferred_indexing():
        return (yield)
