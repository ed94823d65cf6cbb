"""Library index with 5,000 operating models: render and filter times, query counts,
peak memory and the query plans of the queries.

Run with `make bench` (or `pytest tests/bench/bench_library.py -s`); writes BENCHMARKS.md.
"""

import os
import random
import re
import statistics
import time
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from models_library.models import (
    Funder,
    Municipality,
    OperatingModelPage,
    OperatingModelTag,
    Region,
    TargetGroup,
)
from portal import site_memo
from tests.bench.conftest import load_note, machine_facts
from tests.bench.generate import bulk_add_children, index_pages
from tests.builders import build_library, sections

MODELS = int(os.environ.get("BENCH_MODELS", "5000"))
REPEATS = 5
STAGES = ["developing", "ready", "evaluated"]
TOPICS = ["työkyky", "osatyökykyisyys", "asiakasohjaus", "työhönvalmennus", "monialaisuus",
          "kuntoutus", "mielenterveys", "nuoret"]


def generate(library, count, start=0):
    """``count`` published models under ``library``, inserted in bulk (tests/bench/generate.py)."""
    rng = random.Random(2026)
    regions = list(Region.objects.filter(locale__language_code="fi", kind="county"))
    municipalities = list(Municipality.objects.filter(locale__language_code="fi"))
    funders = list(Funder.objects.filter(locale__language_code="fi"))
    groups = list(TargetGroup.objects.filter(locale__language_code="fi"))
    description = sections()
    now = timezone.now()
    pages, relations = [], {}
    for number in range(start, start + count):
        pages.append(OperatingModelPage(
            title=f"Toimintamalli {number:05d}", slug=f"malli-{number:05d}",
            locale=library.locale, summary="Generoitu malli suorituskykymittausta varten.",
            stage=rng.choice(STAGES), description=description,
            first_published_at=now, last_published_at=now, live=True,
        ))
        relations[len(pages) - 1] = {
            "regions": rng.sample(regions, 2), "municipalities": rng.sample(municipalities, 2),
            "funders": rng.sample(funders, 2), "target_groups": rng.sample(groups, 2)}
    bulk_add_children(library, pages, relations)
    tags = {name: OperatingModelTag.tag_model().objects.get_or_create(
        name=name, defaults={"slug": name})[0] for name in TOPICS}
    OperatingModelTag.objects.bulk_create(
        [OperatingModelTag(content_object_id=page.pk, tag=tags[name])
         for page in pages for name in rng.sample(TOPICS, 2)], batch_size=1000)
    index_pages(OperatingModelPage, pages)
    library.refresh_from_db()
    return pages


# Measured on main before the bit-mask listing (commit d490eba, 2026-12-02), SQLite,
# same machine shared with three other workers (load average 4-9): the "before" column.
BEFORE = {
    "index, newest first": 264, "index sorted by name, page 100": 260, "filter: region": 233,
    "filter: region + target group + stage": 249, "filter: topic + funder": 225,
    "operating model page": 106,
}
SMALL = 1000  # peak memory is also measured at this size: it must not grow with the library


def measure(client, url, params=None):
    client.get(url, params)
    times, cpu = [], []
    for _ in range(REPEATS):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, params)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as context:
        client.get(url, params)
    queries = [query["sql"] for query in context.captured_queries]  # before the next request
    return (statistics.median(times), statistics.median(cpu), queries,
            peak_memory(client, url, params))


def peak_memory(client, url, params=None):
    """Peak Python memory (MiB) allocated while serving one request."""
    tracemalloc.start()
    client.get(url, params)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1_048_576


def first_request(client, url, params=None):
    """Time (ms) of a request right after content changed: the site memo, and with it
    the listing's facet index, is rebuilt."""
    site_memo.clear()
    start = time.perf_counter()
    client.get(url, params)
    return (time.perf_counter() - start) * 1000


def plan(sql):
    """The database's query plan of ``sql`` as text lines (EXPLAIN QUERY PLAN on
    SQLite, EXPLAIN on PostgreSQL)."""
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        rows = cursor.fetchall()
    return [str(row[-1]) for row in rows]


# SQLite: SEARCH is a look-up through an index, SCAN reads a whole table (or a whole
# index, in its order). PostgreSQL: Seq Scan reads a whole table.
FULL_SCAN = {"sqlite": re.compile(r"^SCAN (\w+)"),
             "postgresql": re.compile(r"Seq Scan on (\w+)")}
INDEX_USE = {"sqlite": re.compile(r"^SEARCH (\w+) USING (?:COVERING )?"
                                  r"(?:INDEX (\w+)|INTEGER PRIMARY KEY)"),
             "postgresql": re.compile(r"(?:Index (?:Only )?Scan(?: Backward)? using (\w+) on "
                                      r"(\w+)|Bitmap Index Scan on (\w+)())")}


def plan_findings(queries):
    """(tables read through an index with the index's name, tables read in full)."""
    indexed, scanned = set(), set()
    for sql in queries:
        if not sql.lstrip("( \n").upper().startswith("SELECT"):
            continue
        for line in plan(sql):
            if found := FULL_SCAN[connection.vendor].search(line.strip()):
                scanned.add(found.group(1))
            if found := INDEX_USE[connection.vendor].search(line.strip()):
                if connection.vendor == "sqlite":
                    indexed.add(f"{found.group(1)} ({found.group(2) or 'primary key'})")
                else:
                    name, table = (found.group(1), found.group(2)) if found.group(1) else (
                        found.group(3), "bitmap")
                    indexed.add(f"{table} ({name})")
    return sorted(indexed), sorted(scanned)


@pytest.mark.django_db
def test_library_index_with_5000_models(client, demo_site, record_benchmark):
    library = build_library(demo_site)
    cases = [
        ("index, newest first", None),
        ("index sorted by name, page 100", {"sort": "name", "page": "100"}),
        ("filter: region", {"region": "pirkanmaa"}),
        ("filter: region + target group + stage",
         {"region": "pirkanmaa", "target_group": "tyottomat", "stage": "ready"}),
        ("filter: topic + funder", {"topic": "työkyky", "funder": "stm"}),
    ]
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    generate(library, min(SMALL, MODELS))
    small_peak = {}
    for label, params in cases:
        client.get(library.url, params)
        small_peak[label] = peak_memory(client, library.url, params)
    model = OperatingModelPage.objects.order_by("pk").first()
    client.get(model.url)
    small_peak["operating model page"] = peak_memory(client, model.url)
    generate(library, max(0, MODELS - SMALL), start=SMALL)
    generation = time.perf_counter() - start
    rows, findings, full_reads = [], [], set()
    cold = first_request(client, library.url)
    for label, params in [*cases, ("operating model page", None)]:
        url = model.url if label == "operating model page" else library.url
        median, cpu, queries, peak = measure(client, url, params)
        rows.append(f"| {label} | {BEFORE[label]} ms | {median:.0f} ms | {cpu:.0f} ms | "
                    f"{len(queries)} | "
                    f"{small_peak[label]:.2f} MiB | {peak:.2f} MiB |")
        indexed, scanned = plan_findings(queries)
        full_reads |= set(scanned)
        findings.append(f"- {label}: through an index: {', '.join(indexed) or 'none'}; "
                        f"read in full: {', '.join(scanned) or 'none'}")
        print(label, f"{median:.0f} ms", len(queries), f"{peak:.2f} MiB")
    with CaptureQueriesContext(connection) as context:
        site_memo.clear()
        client.get(library.url)
    indexed, scanned = plan_findings([query["sql"] for query in context.captured_queries])
    findings.append(f"- first request after a change (builds the facet index): through an "
                    f"index: {', '.join(indexed) or 'none'}; read in full: "
                    f"{', '.join(scanned) or 'none'}")
    vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(connection.vendor,
                                                                 connection.vendor)
    record_benchmark(f"Library index with 5,000 operating models ({vendor})", f"""
{machine_facts()}. {load_note(load_before, os.getloadavg()[0])}
{MODELS} published models, each with 2 regions, 2 municipalities, 2 funders, 2 target
groups and 2 topics, inserted in bulk
(tests/bench/generate.py, {generation:.0f} s). Median of {REPEATS} requests through Django's
test client (no network) after a first one, and the median CPU time the test process
spent on it (less dependent on the other workers' load; the database server's time on
PostgreSQL is not in it), SQL queries of one request, peak Python memory
allocated during one request (tracemalloc) at {SMALL} and at {MODELS} models. "Before" is
main before the bit-mask listing (SQLite, 2026-12-02, measured at load average 4-9: not
comparable with an idle run; the targets are 60 ms for the index and 25 ms for the
model page). The first
request after a content change rebuilds the site memo and the facet index: {cold:.0f} ms.

| request | before | median | CPU | queries | peak memory ({SMALL}) | peak memory ({MODELS}) |
|---|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

Query plans (EXPLAIN{" QUERY PLAN" if connection.vendor == "sqlite" else ""}) of those
requests' queries: which tables are read through which index, and which are read in
full.

{chr(10).join(findings)}

{"No query of a served request reads a table in full, so no index was added; the first "
 "request after a change reads the library's pages in full on purpose (the facet index "
 "needs every one)." if not full_reads else "Read in full while serving: "
 + ", ".join(sorted(full_reads)) + "."}
""")
