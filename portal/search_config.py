"""Search backend settings: the database by default, a cluster when a URL is given.

The portal analyses Finnish itself (``portal.morphology``): base forms and
compound parts are indexed as a field of their own and the query is analysed
the same way. So every backend is set to match plain lower-cased tokens, with
no stemming of its own that could make results differ between backends:

- the database backend uses PostgreSQL's ``simple`` configuration (SQLite's
  FTS5 tokenizer has no stemming);
- OpenSearch and Elasticsearch get the same index settings, whose default
  analyzer is the standard tokenizer with lower-casing only.

With a cluster, the database backend is kept up to date as well ("database"),
so the search page can answer from it when the cluster fails.
"""

from django.core.exceptions import ImproperlyConfigured

CLUSTER_BACKENDS = {
    "opensearch": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
}
# Wagtail's database backend, with a scalable ranking query on SQLite (see the module).
DATABASE_BACKEND = {"BACKEND": "portal.search.database", "SEARCH_CONFIG": "simple"}
INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                "default": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
            },
        },
    },
}


def search_backends(url="", engine="opensearch", index="tyokykyportaali", timeout=5):
    if not url:
        return {"default": dict(DATABASE_BACKEND)}
    if engine not in CLUSTER_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE must be one of {', '.join(CLUSTER_BACKENDS)}, not {engine!r}."
        )
    return {
        "default": {
            "BACKEND": CLUSTER_BACKENDS[engine],
            "URLS": [url],
            # Every index name starts with this (pages: "<index>_wagtailcore_page").
            "INDEX_PREFIX": f"{index}_",
            "TIMEOUT": timeout,
            "ATOMIC_REBUILD": True,
            "OPTIONS": {},
            "INDEX_SETTINGS": INDEX_SETTINGS,
        },
        "database": dict(DATABASE_BACKEND),
    }
