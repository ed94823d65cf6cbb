"""The public query set reaches recall@10 = 1.0 on the five real Innokylä samples,
on every backend, through the same code as `manage.py search_eval`."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from models_library.importer.service import Importer
from portal.search.evaluation import evaluate, portal_titles, read_cases

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the repository (CI, the main checkout) or beside a worktree's parent.
SHARED = next((path for path in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
               if (path / "search-queries-public.tsv").is_file()), None)
needs_shared = pytest.mark.skipif(
    SHARED is None and not os.environ.get("CI"),
    reason="../shared is not available here (CI always has it)",
)
pytestmark = [pytest.mark.django_db, needs_shared]


@pytest.fixture
def samples(library):
    importer = Importer(parent=library, publish=True)
    names = sorted(path.name for path in (SHARED / "innokyla-samples").glob("*.txt"))
    results = [importer.import_bytes(name, (SHARED / "innokyla-samples" / name).read_bytes())
               for name in names]
    assert [result.error for result in results if result.error] == []
    for result in results:  # an editor completes and publishes what the importer held back
        if not result.published:
            result.page.specific.save_revision().publish()
    return results


def test_public_queries_reach_full_recall(engine, samples):
    engine.refresh()
    cases = read_cases((SHARED / "search-queries-public.tsv").read_text().splitlines())
    assert len(cases) == 20
    report = evaluate(cases, portal_titles)
    misses = [(r.case.query, r.missing, r.found) for r in report.misses]
    assert misses == []
    assert report.recall == 1.0


def test_search_eval_command_prints_recall_and_mrr(engine, samples, capsys):
    engine.refresh()
    call_command("search_eval", str(SHARED / "search-queries-public.tsv"), "--min-recall", "1")
    out = capsys.readouterr().out
    assert "| Portal search | 1.000 |" in out
