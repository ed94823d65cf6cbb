"""Library index with 5,000 operating models: render and filter times, query counts.

Run with `make bench` (or `pytest tests/bench/bench_library.py -s`); writes BENCHMARKS.md.
"""

import random
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
from tests.bench.conftest import machine_facts
from tests.bench.generate import bulk_add_children, index_pages
from tests.builders import build_library, sections

MODELS = int(__import__("os").environ.get("BENCH_MODELS", "5000"))
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


def measure(client, url, params=None):
    client.get(url, params)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        response = client.get(url, params)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as context:
        client.get(url, params)
    queries = len(context.captured_queries)  # read now: the next request resets the log
    tracemalloc.start()
    client.get(url, params)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), queries, peak / 1_048_576


@pytest.mark.django_db
def test_library_index_with_5000_models(client, demo_site, record_benchmark):
    library = build_library(demo_site)
    start = time.perf_counter()
    generate(library, MODELS)
    generation = time.perf_counter() - start
    cases = [
        ("index, newest first", None),
        ("index sorted by name, page 100", {"sort": "name", "page": "100"}),
        ("filter: region", {"region": "pirkanmaa"}),
        ("filter: region + target group + stage",
         {"region": "pirkanmaa", "target_group": "tyottomat", "stage": "ready"}),
        ("filter: topic + funder", {"topic": "työkyky", "funder": "stm"}),
    ]
    rows = []
    for label, params in cases:
        median, queries, peak = measure(client, library.url, params)
        rows.append(f"| {label} | {median:.0f} ms | {queries} | {peak:.1f} MiB |")
        print(label, f"{median:.0f} ms", queries, f"{peak:.1f} MiB")
    model = OperatingModelPage.objects.first()
    median, queries, peak = measure(client, model.url)
    rows.append(f"| operating model page | {median:.0f} ms | {queries} | {peak:.1f} MiB |")
    record_benchmark("Library index with 5,000 operating models", f"""
{machine_facts()}. {MODELS} published models, each with 2 regions, 2 municipalities,
2 funders, 2 target groups and 2 topics (generated in {generation:.0f} s). Median of
{REPEATS} requests through Django's test client (no network), query count of one request,
peak Python memory allocated during one request (tracemalloc).

| request | median | SQL queries | peak memory |
|---|---|---|---|
{chr(10).join(rows)}
""")
