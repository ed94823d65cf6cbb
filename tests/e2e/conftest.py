"""Real-browser harness: Debian's Chromium driven by Playwright against a live server.

Every page a journey visits can be checked with axe-core for WCAG 2.1 A/AA
violations; a failing test leaves a screenshot under var/test-logs/screenshots/.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "var" / "test-logs" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is None or report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()


class AxeChecker:
    def __init__(self):
        self.axe = Axe()
        self.checked = []

    def __call__(self, page):
        results = self.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        self.checked.append(page.url)
        violations = results.response["violations"]
        assert not violations, f"axe found violations on {page.url}:\n" + "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(node["target"]) for node in v["nodes"][:5])
            for v in violations
        )


@pytest.fixture
def assert_accessible():
    return AxeChecker()


@pytest.fixture
def site(django_db_serialized_rollback, transactional_db, live_server):
    from portal.demo import build

    built_once("site", build)
    return live_server.url


_built: dict = {}


def built_once(name, build):
    """Run ``build()`` the first time in this process, then restore the database it left.

    A name stands for one build from one starting point (the fixture chain that calls it).

    Live-server tests empty the database after each test and refill it with what the
    migrations left, so every test started with a real build of the same content. The
    browser journeys run on SQLite's in-memory test database, which the live server
    shares: the first build's result is kept as a whole-database copy (SQLite's backup
    API, full-text index included) and copied back for the later tests in seconds'
    fraction. The caches a build would have refreshed are cleared.
    """
    import sqlite3

    from django.core.cache import caches
    from django.db import connection

    from portal import site_memo
    from portal.indexing import deferred_indexing

    connection.ensure_connection()
    if connection.vendor != "sqlite":
        with deferred_indexing():
            build()
        return
    if name in _built:
        _built[name].backup(connection.connection)
        for cache in caches.all():
            cache.clear()
        site_memo.clear()
        return
    with deferred_indexing():
        build()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _built[name] = copy


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"


