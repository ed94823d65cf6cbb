"""Relevance per backend: the public query set on the five Innokylä samples, beside
Wagtail's default configuration measured in the same run. Writes BENCHMARKS.md.

    pytest tests/bench/bench_search_relevance.py -s                      # SQLite
    DATABASE_URL=postgres://… pytest tests/bench/bench_search_relevance.py -s
    TEST_OPENSEARCH_URL=http://127.0.0.1:9250 pytest tests/bench/bench_search_relevance.py -s
"""

import os

import pytest
from django.db import connection

from models_library.importer.service import Importer
from portal import morphology
from portal.search.evaluation import default_titles, evaluate, portal_titles, read_cases
from portal.search_config import search_backends
from tests.bench.conftest import machine_facts
from tests.builders import build_library
from tests.search.conftest import Engine
from tests.search.test_relevance import SHARED


@pytest.mark.django_db
def test_relevance_table(demo_site, settings, record_benchmark):
    url = os.environ.get("TEST_OPENSEARCH_URL")
    library = build_library(demo_site)
    importer = Importer(parent=library, publish=True)
    for path in sorted((SHARED / "innokyla-samples").glob("*.txt")):
        result = importer.import_bytes(path.name, path.read_bytes())
        if not result.published:
            result.page.specific.save_revision().publish()
    cases = read_cases((SHARED / "search-queries-public.tsv").read_text().splitlines())
    if url:
        engine = Engine("opensearch", settings, url, "bench-relevance")
        name = "OpenSearch 3.8"
    else:
        settings.WAGTAILSEARCH_BACKENDS = search_backends("")
        engine = Engine("database", settings)
        name = f"database backend ({connection.vendor})"
    try:
        if url:
            engine.refresh()
        portal = evaluate(cases, portal_titles)
        with morphology.disabled():
            reindex_database_or_cluster(engine)
            baseline = evaluate(cases, default_titles)
        reindex_database_or_cluster(engine)
    finally:
        engine.drop()
    misses = "\n".join(f"- {r.case.query}: {', '.join(r.missing)}" for r in baseline.misses)
    record_benchmark(f"Search relevance: {name}", f"""
{machine_facts()}. `../shared/search-queries-public.tsv` ({len(cases)} queries) against the
five Innokylä samples, through the search page's code (`manage.py search_eval`).

| configuration | recall@10 | MRR |
|---|---:|---:|
| portal search (Finnish analysis) | {portal.recall:.3f} | {portal.mrr:.3f} |
| Wagtail default (raw query, same backend) | {baseline.recall:.3f} | {baseline.mrr:.3f} |

Queries Wagtail's default misses:
{misses or "- none"}
""")


def reindex_database_or_cluster(engine):
    from django.core.management import call_command

    if engine.name == "opensearch":
        engine.refresh()
    else:
        call_command("update_index", verbosity=0)
