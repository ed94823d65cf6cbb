"""The database search backend: Wagtail's, with a ranking query on SQLite that scales.

``portal.search_config`` names this module as the database backend. On SQLite with
FTS5 it gives ``portal.search.sqlite_backend.RankedSQLiteSearchBackend`` (imported
only there: its models exist only on SQLite); on PostgreSQL
``portal.search.postgres_backend.PerVectorMatchPostgresSearchBackend`` (a match
condition the GIN indexes serve); otherwise Wagtail's own choice for the database.
"""

from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = database.SearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from portal.search.sqlite_backend import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        from portal.search.postgres_backend import PerVectorMatchPostgresSearchBackend

        return PerVectorMatchPostgresSearchBackend(params)
    return backend
