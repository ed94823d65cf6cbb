"""The test database, migrated once and copied: a migrated template per migration state.

Migrating a new test database runs every migration of Django, Wagtail and the portal:
about 40 CPU seconds, paid by every test process (each suite and each browser-journey
file). The first process to need a given migration state migrates as usual and keeps
the result as a template; later processes copy it instead of migrating:

- SQLite: the in-memory test database is saved to ``var/test-db/<key>.sqlite3`` with
  SQLite's backup API and loaded back the same way;
- PostgreSQL: the test database is copied by the server (``CREATE DATABASE ... TEMPLATE``)
  into a template database ``tpl_<key>`` and later test databases are created from it.

The key is a hash of every migration file on disk (the project's and the installed
packages'), the database engine and the settings the portal's data migrations read,
so a changed or new migration gets a new template. ``TEST_DB_TEMPLATE=off`` migrates
every time. Building is serialised between processes by a file lock.
"""

import fcntl
import hashlib
import os
import sqlite3
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError, connections

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "var" / "test-db"


def enabled() -> bool:
    return os.environ.get("TEST_DB_TEMPLATE", "on").lower() not in {"off", "0", "false", "no"}


def template_key(connection) -> str:
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for key in sorted(loader.disk_migrations):
        module = sys.modules[type(loader.disk_migrations[key]).__module__]
        digest.update(repr(key).encode())
        digest.update(Path(module.__file__).read_bytes())
    digest.update(connection.vendor.encode())
    for name in ("INSTALLED_APPS", "LANGUAGES", "WAGTAIL_CONTENT_LANGUAGES", "LANGUAGE_CODE"):
        digest.update(repr(getattr(settings, name, None)).encode())
    return digest.hexdigest()[:20]


@contextmanager
def _lock(key):
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    with open(TEMPLATES / f"{key}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _migrate(alias):
    # What Django's create_test_db runs once the empty database exists.
    call_command("migrate", verbosity=0, interactive=False, database=alias, run_syncdb=True)
    call_command("createcachetable", database=alias)


def create_test_database(alias, serialize) -> str:
    """Create the test database of ``alias`` from the template (building it first if
    needed) and point the connection at it; return the original database name."""
    connection = connections[alias]
    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    key = template_key(connection)
    test_name = creation._get_test_db_name()
    if connection.vendor == "sqlite":
        _sqlite(connection, alias, key, test_name)
    elif connection.vendor == "postgresql":
        _postgresql(connection, alias, key, test_name)
    else:  # pragma: no cover - the portal runs on SQLite and PostgreSQL only
        creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    connection.ensure_connection()
    return old_name


def _use(connection, alias, name):
    connection.close()
    settings.DATABASES[alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _sqlite(connection, alias, key, test_name):
    if not connection.creation.is_in_memory_db(test_name):
        raise RuntimeError("The test database template expects SQLite's in-memory test database.")
    _use(connection, alias, test_name)
    connection.ensure_connection()
    path = TEMPLATES / f"{key}.sqlite3"
    with _lock(key):
        if path.exists():
            source = sqlite3.connect(path)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            return
        _migrate(alias)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        partial.replace(path)


def _postgresql(connection, alias, key, test_name):
    template = f"tpl_{key}"
    quote = connection.ops.quote_name
    with _lock(key):
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            have_template = cursor.fetchone() is not None
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
            if have_template:
                cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        _use(connection, alias, test_name)
        if have_template:
            return
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {quote(test_name)}")
        _migrate(alias)
        connection.close()
        # The closed session may linger on the server for a moment; copying needs it gone.
        for attempt in range(50):
            try:
                with connection._nodb_cursor() as cursor:
                    cursor.execute(
                        f"CREATE DATABASE {quote(template)} TEMPLATE {quote(test_name)}"
                    )
                return
            except OperationalError:
                if attempt == 49:
                    raise
                time.sleep(0.1)


def destroy_test_database(alias, old_name):
    connections[alias].creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
