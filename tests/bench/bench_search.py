"""Search with generated documents: indexing throughput and query latency per backend.

    BENCH_SEARCH_DOCS=20000 pytest tests/bench/bench_search.py -s            # database
    TEST_OPENSEARCH_URL=http://127.0.0.1:9250 pytest tests/bench/bench_search.py -s

Pages are inserted in bulk through the tree API without signals, then indexed the
way `update_index` does (so the time is the index's, not page creation's), then
1- to 3-word queries with two facets go through the search page. Writes BENCHMARKS.md.
"""

import os
import random
import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from models_library.models import OperatingModelPage, Region, TargetGroup
from portal.search_config import search_backends
from tests.bench.conftest import load_note, machine_facts
from tests.bench.generate import bulk_add_children
from tests.builders import build_library, sections

DOCS = int(os.environ.get("BENCH_SEARCH_DOCS", "20000"))
QUERIES = 200
WORDS = ["työkykykoordinaattori", "palvelupolku", "työhönvalmentaja", "terveysasema",
         "kuntoutus", "asiakasohjaus", "mielenterveys", "nuoret", "työllisyys", "verkosto",
         "yrityskoordinaattori", "osatyökykyinen", "ryhmätoiminta", "konsultaatio"]
FORMS = ["työkykykoordinaattorien", "palvelupolkuja", "työhönvalmentajia", "terveysasemalla",
         "kuntoutuksen", "asiakasohjauksessa", "mielenterveyden", "nuorille", "työllisyyden",
         "verkostossa", "yrityskoordinaattorin", "osatyökykyisten", "ryhmätoiminnot",
         "konsultaatiota"]


def generate(library, count, rng):
    regions = list(Region.objects.filter(locale__language_code="fi", kind="county"))
    groups = list(TargetGroup.objects.filter(locale__language_code="fi"))
    now = timezone.now()
    pages, relations = [], {}
    for number in range(count):
        words = rng.sample(FORMS, 4)
        pages.append(OperatingModelPage(
            title=f"{words[0].capitalize()} ja {words[1]} {number}", slug=f"haku-{number:05d}",
            locale=library.locale, live=True, first_published_at=now, last_published_at=now,
            summary=f"Malli, jossa {words[2]} ja {words[3]} tukevat asiakasta.",
            description=sections(basic_idea=" ".join(rng.sample(FORMS, 6))),
        ))
        relations[number] = {"regions": rng.sample(regions, 2),
                             "target_groups": rng.sample(groups, 1)}
    bulk_add_children(library, pages, relations)


def rebuild(backend):
    models = [model for model in get_indexed_models() if issubclass(model, Page)]
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(Page))
    index = rebuilder.start()
    for model in models:
        index.add_model(model)
    for model in models:
        queryset = model.get_indexed_objects().order_by("pk")
        for start in range(0, queryset.count(), 1000):
            index.add_items(model, list(queryset[start:start + 1000]))
    rebuilder.finish()
    # Only the page index was rebuilt: refresh that one (the others may not exist).
    page_index = backend.get_index_for_model(Page)
    if hasattr(page_index, "refresh"):
        page_index.refresh()


@pytest.mark.django_db
def test_search_benchmark(client, demo_site, settings, record_benchmark):
    url = os.environ.get("TEST_OPENSEARCH_URL")
    name = "OpenSearch" if url else f"database ({connection.vendor})"
    index_name = os.environ.get("TEST_SEARCH_INDEX_PREFIX", "") + "bench-search"
    # A long client timeout: bulk requests of 1,000 documents on a loaded machine.
    backends = (search_backends(url, "opensearch", index_name, timeout=60) if url
                else search_backends(""))
    for config in backends.values():
        config["AUTO_UPDATE"] = False  # pages are indexed in one rebuild below
    settings.WAGTAILSEARCH_BACKENDS = backends
    load_before = os.getloadavg()[0]
    rng = random.Random(2026)
    library = build_library(demo_site)
    started = time.perf_counter()
    generate(library, DOCS, rng)
    generated = time.perf_counter() - started
    backend = get_search_backend("default")
    started = time.perf_counter()
    rebuild(backend)
    indexing = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum keeps them on a live database (the pages were
        # inserted in this test's transaction, which autovacuum never sees).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    region = Region.objects.filter(locale__language_code="fi", kind="county").first().code
    group = TargetGroup.objects.filter(locale__language_code="fi").first().code
    requests = [{"q": " ".join(rng.sample(WORDS, 1 + number % 3)), "region": region,
                 "target_group": group} for number in range(QUERIES)]
    started = time.perf_counter()
    client.get("/fi/haku/", requests[0])  # per-process caches and the facet index memo
    cold = (time.perf_counter() - started) * 1000
    queries = []
    for params in requests[:3]:  # counted apart: recording SQL slows the requests down
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fi/haku/", params).status_code == 200
        queries.append(len(captured.captured_queries))
    timings = []
    for params in requests:
        started = time.perf_counter()
        response = client.get("/fi/haku/", params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    load_after = os.getloadavg()[0]
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    if url:
        for index in backend.es.indices.get(index=f"{index_name}*"):
            backend.es.indices.delete(index=index)
    step = "full rebuild (new index, alias switch)" if url else "indexing"
    record_benchmark(f"Search: {name}", f"""
{machine_facts()}. {DOCS:,} generated operating models (Finnish inflected and compound
words in title, summary and a section; 2 regions and a target group each), inserted in
bulk in {generated:.0f} s (tests/bench/generate.py), then indexed as `update_index` does.

| measure | value |
|---|---:|
| {step} (Finnish analysis + backend) | {indexing:.1f} s, {DOCS / indexing:,.0f} documents/s |
| search page, 1–3 words + region + target group, p50 | {p50:.0f} ms |
| same, p95 | {p95:.0f} ms |
| first search after a content change (facet index read again) | {cold:.0f} ms |
| SQL queries per search page | {max(queries)} |

{QUERIES} requests through Django's test client (no network).
{load_note(load_before, load_after)}{size_note(DOCS)}
""")


def size_note(docs):
    if docs >= 20_000:
        return ""
    return (f" The size asked for is 20,000 documents; this run used {docs:,} "
            "(`BENCH_SEARCH_DOCS`). Indexing throughput is per document and "
            "comparable; latencies grow with the index, so they are lower bounds for 20,000.")
