"""The database search backend: Wagtail's, with a ranking query on SQLite that scales.

``portal.search_config`` names this module as the database backend. On SQLite with
FTS5 it gives ``portal.search.sqlite_backend.RankedSQLiteSearchBackend`` (imported
only there: its models exist only on SQLite); otherwise (PostgreSQL) Wagtail's own
choice for the database.
"""

from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = database.SearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from portal.search.sqlite_backend import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend
