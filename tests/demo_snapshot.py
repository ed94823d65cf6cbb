"""Demo content built once per test session, then restored row by row for later tests.

Building the demo site costs seconds (every page is saved, revised, published and
translated), and hundreds of tests start from it. ``restore_or_build`` runs the
real build the first time a fixture asks for it in a session, inside that test's
transaction, and keeps the rows of every table the build changed: all Django
tables (with the automatic many-to-many tables) and SQLite's full-text table of
the database search backend (FTS5 keeps its own shadow tables up to date, so
those are never copied). Later requests delete those tables' rows and insert the
kept ones inside their own test transaction, which rolls back as before, so tests
stay isolated exactly as with a fresh build.

A kept snapshot is used only when it is what the build would produce again:

- same database engine, active language and settings (a test that overrides
  settings gets a snapshot of its own, built for real the first time);
- ``TEST_DEMO_SNAPSHOT=off`` in the environment makes every request build for real;
- inside a test transaction (``db``); ``transactional_db`` and live-server tests
  always build for real;
- every table the build read or changed holds exactly what it held before the
  first build (a test that created, say, a locale or a page first gets a real build;
  the variant is kept too, up to a few per fixture).

After a restore, nothing that a build would have invalidated is left: Django's
caches (Wagtail's site root paths, the page cache, search vocabulary) are cleared
and the site memo forgotten. Ids: PostgreSQL's sequences never go back, so new
rows get ids above the restored ones; SQLite's AUTOINCREMENT counters are raised
to what the build left. Foreign keys are deferred on both engines and checked
when the test ends (Django's test case checks constraints before rolling back).
The objects a fixture returns are read again by primary key.
"""

import os
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.utils import translation

from portal.indexing import deferred_indexing

MAX_VARIANTS = 4
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
WORD = re.compile(r"[A-Za-z0-9_]+")

_kept: dict[tuple, list["Snapshot"]] = {}
# Counters for the tests of this module: how each request was served.
stats = {"built": 0, "restored": 0, "built_unguarded": 0}


@dataclass
class Snapshot:
    guard: dict  # table -> rows before the build, of every table the build read or changed
    rows: dict  # table -> (columns, rows) after the build, of every table the build changed
    sequences: dict = field(default_factory=dict)  # SQLite AUTOINCREMENT counters
    # (model class, primary key) of what the build returned, or a dict of them
    result: tuple | dict | None = None


def restore_or_build(name, build, request=None):
    """``build()``'s result, from a kept snapshot when one fits, else from a real build."""
    if not _usable(request):
        stats["built_unguarded"] += 1
        return build()
    key = (name, connection.vendor, translation.get_language(), _settings_fingerprint())
    variants = _kept.setdefault(key, [])
    for snapshot in variants:
        if all(_read(table) == rows for table, rows in snapshot.guard.items()):
            return _restore(snapshot)
        if os.environ.get("TEST_DEMO_SNAPSHOT_DEBUG"):
            print(f"demo snapshot {name}: not restored, changed since the build:",
                  [table for table, rows in snapshot.guard.items() if _read(table) != rows])
    before = {table: _read(table) for table in _tables()}
    queried = []

    def record(execute, sql, params, many, context):
        queried.append(sql)
        return execute(sql, params, many, context)

    # Indexed inside the build, so the captured rows include the database search index
    # (the test set-up otherwise defers indexing until all fixtures have run).
    with connection.execute_wrapper(record), deferred_indexing():
        result = build()
    stats["built"] += 1
    if len(variants) < MAX_VARIANTS:
        variants.append(_capture(before, queried, result))
    return result


def _usable(request):
    if os.environ.get("TEST_DEMO_SNAPSHOT", "on") == "off":
        return False  # every request builds for real (to compare timings or results)
    if not connection.in_atomic_block:
        return False  # a transactional_db test: its writes are committed and flushed
    live = {"transactional_db", "live_server"}
    return request is None or not live & set(request.fixturenames)


def _settings_fingerprint():
    return hash(tuple((name, _setting(name)) for name in sorted(dir(settings)) if name.isupper()))


def _setting(name):
    value = getattr(settings, name)
    if name == "WAGTAILSEARCH_BACKENDS":
        # A search cluster's index name and address differ from test to test; what the
        # build writes to the database depends only on which kinds of backend there are.
        # A restore indexes the restored rows into the clusters (_index_in_clusters).
        return repr(sorted((alias, conf.get("BACKEND")) for alias, conf in value.items()))
    return repr(value)


def _capture(before, queried, result):
    after = {table: _read(table) for table in before}
    changed = [table for table in before if after[table] != before[table]]
    known = set(before)
    read = {word for sql in queried for word in WORD.findall(sql)} & known
    snapshot = Snapshot(
        guard={table: before[table] for table in sorted(read | set(changed))},
        rows={table: (_columns(table), after[table]) for table in changed},
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
            snapshot.sequences = {name: seq for name, seq in cursor.fetchall() if name in changed}
    if isinstance(result, dict):
        snapshot.result = {name: (type(value), value.pk) for name, value in result.items()}
    elif result is not None:
        snapshot.result = (type(result), result.pk)
    return snapshot


def _index_in_clusters(snapshot):
    """Index the restored objects in the configured search clusters, as the build did.

    The database backends' index is a table of its own and was restored with the rest.
    """
    from modelsearch.backends import get_search_backends
    from wagtail.search.index import get_indexed_models

    from portal.search.engine import is_cluster

    clusters = [backend for backend in get_search_backends(with_auto_update=True)
                if is_cluster(backend)]
    if not clusters:
        return
    for model in get_indexed_models():
        if (model._meta.db_table not in snapshot.rows
                or not getattr(model, "search_auto_update", True)):
            continue
        objects = list(model.get_indexed_objects())
        for backend in clusters:
            if objects:
                backend.add_bulk(model, objects)


def _restore(snapshot):
    from portal import site_memo

    with connection.cursor() as cursor:
        for table, (columns, rows) in snapshot.rows.items():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"DELETE FROM {quoted}")
            if not rows:
                continue
            if connection.vendor == "postgresql":
                cursor.execute(f"INSERT INTO {quoted} SELECT * FROM "
                               f"json_populate_recordset(NULL::{quoted}, %s::json)",
                               ["[" + ",".join(rows) + "]"])
            else:
                names = ", ".join(connection.ops.quote_name(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", rows)
        for table, seq in snapshot.sequences.items():
            cursor.execute("UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s",
                           [seq, table])
    _forget_caches()
    site_memo.clear()
    _index_in_clusters(snapshot)
    stats["restored"] += 1
    if isinstance(snapshot.result, dict):
        return {name: model._default_manager.get(pk=pk)
                for name, (model, pk) in snapshot.result.items()}
    if snapshot.result is None:
        return None
    model, pk = snapshot.result
    return model._default_manager.get(pk=pk)


def _forget_caches():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


# -- reading tables --------------------------------------------------------------------
def _tables():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            return sorted(name for (name,) in cursor.fetchall())
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        found = cursor.fetchall()
    virtual = {name for name, sql in found if (sql or "").upper().startswith("CREATE VIRTUAL")}
    shadow = {base + suffix for base in virtual for suffix in FTS_SHADOW_SUFFIXES}
    return sorted(name for name, _sql in found
                  if name not in shadow and not name.startswith("sqlite_"))


_virtual_cache = {}


def _is_virtual(table):
    if table not in _virtual_cache:
        with connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s",
                           [table])
            (sql,) = cursor.fetchone()
        _virtual_cache[table] = (sql or "").upper().startswith("CREATE VIRTUAL")
    return _virtual_cache[table]


def _select(table):
    quoted = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        return f"SELECT row_to_json(t)::text FROM {quoted} t"
    # A virtual (full-text) table's rowid is not one of its columns: keep it explicitly.
    return f"SELECT rowid, * FROM {quoted}" if _is_virtual(table) else f"SELECT * FROM {quoted}"


def _read(table):
    """The table's rows, in an order that does not depend on how they were stored."""
    with connection.cursor() as cursor:
        cursor.execute(_select(table))
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return sorted(text for (text,) in rows)
    return sorted(rows, key=repr)


def _columns(table):
    if connection.vendor == "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(_select(table) + " LIMIT 0")
        return [column[0] for column in cursor.description]
