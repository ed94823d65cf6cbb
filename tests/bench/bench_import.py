"""Innokylä import of 1,000 generated descriptions: parse, preview and save rates.

Run with `make bench` or
`.venv/bin/python -m pytest tests/bench/bench_import.py -q -s -p no:cacheprovider`;
refreshes the "Innokylä import" section of BENCHMARKS.md. Not collected by the
normal test run (only test_*.py files are).
"""

import contextlib
import ctypes
import ctypes.util
import os
import platform
import random
import textwrap
import time
from datetime import date
from types import SimpleNamespace

import pytest
from django.db import connection

from models_library.importer import parse
from models_library.importer.service import (
    CREATED,
    UNCHANGED,
    Importer,
    batched_search_indexing,
)
from models_library.models import LibraryIndexPage, Municipality, OperatingModelPage, ProgrammePage
from portal.demo_utils import upsert_page

DESCRIPTIONS = int(os.environ.get("BENCH_IMPORT_DESCRIPTIONS", "1000"))
# BENCH_IMPORT_PER_SAVE_INDEXING=1 measures the old way (every save indexed) for comparison.
PER_SAVE_INDEXING = os.environ.get("BENCH_IMPORT_PER_SAVE_INDEXING") == "1"
SEED = 2026
# The code before issue 11's item 5 was finished, under this benchmark (2026-12-03): resident
# memory after each quarter of the files, and the part of it that is not SQLite's.
BEFORE_MEMORY = ("197 → 206 → 211 → 218 MB", "189 → 192 → 193 → 193 MB")

PLACES = ["Varsinais-Suomen hyvinvointialue", "Pirkanmaa", "Etelä-Savo", "Pohjois-Karjala",
          "Kainuun hyvinvointialue", "Lappi", "Keski-Suomi", "Kymenlaakso"]
FUNDERS = ["Sosiaali- ja terveysministeriö (STM)", "Muu EU-rahoitus", "STEA", "ESR",
           "Kunta", "Hyvinvointialueen oma rahoitus", "Säätiön avustus"]
STAGES = ["Kehitteillä", "Käyttövalmis", "Arvioitu", "Being developed"]
TOPICS = ["Työkyky", "Osatyökykyisyys", "Kuntoutus", "Työhönvalmennus", "Asiakas- ja palveluohjaus",
          "Nuoret", "Mielenterveys"]
GROUPS = ["Työikäiset", "Työttömät", "Nuoret", "Maahan muuttaneet", "Ikääntyneet"]
MODEL_SECTIONS = ["Ratkaisun perusidea **", "Toimintaympäristö **",
                  "Toimivuuden ja käyttöönoton ehdot **", "Kohderyhmä ja asiakasymmärrys **",
                  "Toteutus", "Resurssit", "Arviointi ja vaikutukset", "Juurruttaminen"]
PROGRAMME_SECTIONS = ["Kokonaisuuden tarkoitus ja tavoitteet",
                      "Lähtötilanne ja strategiset liittymäkohdat", "Päämäärä ja päätavoite",
                      "Tavoiteltavat tulokset, tuotokset ja vaikutukset"]
SENTENCES = [
    "Työkykykoordinaattori kokoaa asiakkaan palvelut yhteen suunnitelmaan.",
    "Asiakas tapaa saman ammattilaisen koko palvelupolun ajan.",
    "Tiimi arvioi työ- ja toimintakyvyn kolmen tapaamisen aikana.",
    "Kokeilussa mukana olleista moni siirtyi työhön tai koulutukseen.",
    "Yhteistyö työllisyyspalvelujen kanssa sovittiin kirjallisesti.",
    "Palautetta kerättiin lyhyellä kyselyllä jokaisen jakson lopussa.",
]


def paragraph(rng, sentences=3):
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def generate(number, rng, municipalities):
    """One description in the Innokylä text format, varied by kind, labels and sections."""
    is_model = number % 3 != 0
    title = f"{'Toimintamalli' if is_model else 'Kokonaisuus'} numero {number:04d}"
    kind = "Toimintamallin" if is_model else "Kokonaisuuden"
    short = paragraph(rng, rng.randint(1, 3))
    lines = [short, "", "icon/chevron-down Created with Sketch. Perustiedot", "",
             f"{kind} nimi", title, f"{kind} lyhyt kuvaus", "", short, ""]
    if is_model:
        lines += ["Toteutuspaikka", ", ".join(rng.sample(municipalities, rng.randint(1, 4))),
                  rng.choice(["Paikkakunta, maakunta tai hyvinvointialue",
                              "Paikkakunta tai maakunta"]), rng.choice(PLACES)]
    lines += [f"{kind} rahoittaja" if rng.random() < 0.5 else "Rahoittaja",
              *rng.sample(FUNDERS, rng.randint(1, 3))]
    if not is_model:
        lines += ["", "Toimiaika", "", f"1.{rng.randint(1, 12)}.2021-31.12.2023", "",
                  "Toimijat", "", "Hyvinvointialue, kunnat ja järjestöt", "",
                  "Yhteyshenkilön nimi", "Hankkeen projektitiimi",
                  "Yhteyshenkilön organisaatio", "Hyvinvointialue",
                  "Yhteyshenkilön sähköpostiosoite", "tyokyky@example.fi"]
    lines += ["", "Tekijä", "", "Hankkeen projektitiimi", "", "Luotu", "",
              f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2023", "", "Viimeksi muokattu", "",
              f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2024", ""]
    if is_model:
        lines += ["icon/chevron-down Created with Sketch. Toimintamallin kuvaus", ""]
    headings = MODEL_SECTIONS if is_model else PROGRAMME_SECTIONS
    for heading in headings[: rng.randint(2, len(headings))]:
        lines += [heading, "", paragraph(rng), ""]
        if rng.random() < 0.4:
            lines += [f"• {rng.choice(SENTENCES)}", f"• {rng.choice(SENTENCES)}", ""]
    if rng.random() < 0.3:
        lines += ["Asiakkaiden kokemuksia **", "", paragraph(rng, 2), ""]
    if is_model:
        lines += ["Kehittämisen vaihe", "", f"icon/bulb Created with Sketch. {rng.choice(STAGES)}",
                  "", "Aihealueet", "", " ".join(rng.sample(TOPICS, 3)), "", "Kohderyhmä", "",
                  " ".join(rng.sample(GROUPS, 2))]
    return "\n".join(lines) + "\n"


def indexing():
    return contextlib.nullcontext() if PER_SAVE_INDEXING else batched_search_indexing()


def resident_megabytes():
    """The process's resident memory now (Linux /proc), in MB."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except OSError:
        return 0.0


def sqlite_megabytes():
    """The memory SQLite holds in this process, in MB (0 on other databases). The SQLite
    test database is kept in memory, so it grows with every imported page, as a database
    file would: this tells it apart from the memory of the importer itself."""
    if connection.vendor != "sqlite":
        return 0.0
    try:
        library = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
        memory_used = library.sqlite3_memory_used
    except (OSError, AttributeError):  # SQLite linked statically: count the database's pages
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            return pages * cursor.fetchone()[0] / 1024 / 1024
    memory_used.restype = ctypes.c_int64
    return memory_used() / 1024 / 1024


def outcome(result):
    return SimpleNamespace(action=result.action, kind=result.kind, error=result.error,
                           ok=result.ok, page=SimpleNamespace(pk=result.page and result.page.pk))


def rate(count, seconds):
    return count / seconds if seconds else float("inf")


# transaction=True: every file's transaction commits, as in the management command (a test
# transaction that never commits would keep every file's savepoint and commit callbacks, and
# the batched search indexing would wait for the end instead of running every 100 pages).
@pytest.mark.django_db(transaction=True)
def test_import_1000_descriptions(demo_site, record_benchmark):
    library = upsert_page(demo_site, LibraryIndexPage, "toimintamallit", title="Toimintamallit")
    rng = random.Random(SEED)
    municipalities = list(Municipality.objects.filter(locale__language_code="fi")
                          .values_list("name", flat=True))
    texts = [generate(number, rng, municipalities) for number in range(DESCRIPTIONS)]
    files = [(f"kuvaus-{number:04d}.txt", text.encode("utf-8"))
             for number, text in enumerate(texts)]

    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        parse(text)
    parse_seconds, parse_cpu = time.perf_counter() - start, time.process_time() - cpu

    start, cpu = time.perf_counter(), time.process_time()
    previews = Importer(parent=library, dry_run=True)
    preview_results = [previews.import_bytes(name, data) for name, data in files]
    preview_seconds, preview_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert all(result.ok for result in preview_results)

    start, cpu = time.perf_counter(), time.process_time()
    importer = Importer(parent=library)
    results, memory = [], []
    with indexing():  # as the command does: indexed in bulk
        for number, (name, data) in enumerate(files, 1):
            # Only what the checks below need: keeping every result's page object would
            # measure this list's growth, not the importer's memory.
            results.append(outcome(importer.import_bytes(name, data)))
            if number % (DESCRIPTIONS // 4 or 1) == 0:
                memory.append((resident_megabytes(), sqlite_megabytes()))
    import_seconds, import_cpu = time.perf_counter() - start, time.process_time() - cpu
    failed = [result.error for result in results if not result.ok]
    assert not failed, failed[:3]
    assert {result.action for result in results} == {CREATED}
    assert OperatingModelPage.objects.count() + ProgrammePage.objects.count() == DESCRIPTIONS
    # Every imported model is in the search index after the batch.
    imported = {result.page.pk for result in results if result.kind == "operating_model"}
    found = {page.pk for page in OperatingModelPage.objects.search("numero")}
    assert imported <= found, len(imported - found)

    start, cpu = time.perf_counter(), time.process_time()
    again = Importer(parent=library)
    with indexing():
        repeat_results = [again.import_bytes(name, data) for name, data in files]
    repeat_seconds, repeat_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert {result.action for result in repeat_results} == {UNCHANGED}

    database = connection.vendor
    if database == "sqlite":
        database += f" {connection.Database.sqlite_version}"
    resident = " → ".join(f"{megabytes:.0f}" for megabytes, _in_sqlite in memory) + " MB"
    memory_text = ("Memory during the import, after each quarter of the files: the process's "
                   f"resident memory {resident}.")
    rest = " → ".join(f"{megabytes - in_sqlite:.0f}" for megabytes, in_sqlite in memory) + " MB"
    if connection.vendor == "sqlite":
        stored = " → ".join(f"{in_sqlite:.0f}" for _resident, in_sqlite in memory) + " MB"
        memory_text = memory_text[:-1] + (
            f", of which SQLite's memory {stored} (the test database is kept in memory: it "
            f"grows with the imported pages, as a database file would); the rest: {rest}.")
    memory_text = textwrap.fill(memory_text, width=90)
    rows = [
        ("parse only (text to fields)", parse_seconds, parse_cpu, 0),
        ("preview (`--dry-run`: parse and map, nothing saved)", preview_seconds, preview_cpu, 0),
        ("import, creating draft pages", import_seconds, import_cpu, 1),
        ("import again (unchanged: no new revisions)", repeat_seconds, repeat_cpu, 1),
    ]
    table = "\n".join(
        f"| {step} | {seconds:.2f} | {rate(DESCRIPTIONS, seconds):,.{digits}f} | {cpu:.2f} "
        f"| {rate(DESCRIPTIONS, cpu):,.{digits}f} |"
        for step, seconds, cpu, digits in rows
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    body = f"""
`tests/bench/bench_import.py` generates {DESCRIPTIONS:,} Innokylä descriptions (two thirds
operating models, one third programmes, with varied labels, sections, places, funders and
tags), then imports them one by one as the management command does: every file in its own
committed transaction, each page created as a draft with a revision; the batch is indexed for
search in bulk (every 100 pages and at the end) as the command does. Importing again finds
each unchanged file by its import record (one lookup: no parsing or comparing).

{memory_text}

| step | seconds | descriptions / second | CPU seconds | descriptions / CPU second |
|---|---:|---:|---:|---:|
{table}

Machine: {os.cpu_count()} cores (nproc), Python {platform.python_version()}, {database}
(the test database), database search backend, {platform.machine()} {platform.system()};
measured {date.today().isoformat()}, load average {load:.1f} at the end (CPU seconds are
this process's own: the wall-clock rates depend on what else the machine runs).

### Before and after (issue 11, item 5)

Before: the code of `main` of 2026-12-03 (before the change below) under this benchmark (SQLite),
load average 1.5. The same code measured 45.1 / s and 192 → 197 → 201 → 206 MB with the
earlier version of this benchmark, whose test transaction never committed (idle machine);
the runs of 2026-12-02 were taken at load average 10–15 and are not comparable.

| | before | this run |
|---|---:|---:|
| import, creating draft pages, per second | 45.8 (45.8 / CPU s) | \
{rate(DESCRIPTIONS, import_seconds):,.1f} ({rate(DESCRIPTIONS, import_cpu):,.1f} / CPU s) |
| queries per created operating model | 75 | 49 |
| import again (unchanged), per second | 2,363 | {rate(DESCRIPTIONS, repeat_seconds):,.0f} |
| resident memory after each quarter | {BEFORE_MEMORY[0]} | {resident} |
| of which not SQLite's | {BEFORE_MEMORY[1]} | {rest} |

A new draft is saved as before but logged once as created (then as edited with its
revision, as Wagtail's own page creation logs it: it was logged as created twice), its
many-to-many rows are inserted in one statement per relation, and its revision and
reference index read its relations from what was just saved instead of reading them back;
the importer's list of programmes keeps small references instead of the created pages.
Memory: what grows is SQLite's in-memory test database (with PostgreSQL the process
stayed at 195 → 197 → 197 → 198 MB); the rest is flat after the first quarter.
"""
    record_benchmark("Innokylä import", body)
    print(body)
