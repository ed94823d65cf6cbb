"""Search backend settings: the database by default, a cluster when a URL is given."""

from django.core.exceptions import ImproperlyConfigured

CLUSTER_BACKENDS = {
    "opensearch": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
}


def search_backends(url="", engine="opensearch", index="tyokykyportaali"):
    if not url:
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if engine not in CLUSTER_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE must be one of {', '.join(CLUSTER_BACKENDS)}, not {engine!r}."
        )
    return {
        "default": {
            "BACKEND": CLUSTER_BACKENDS[engine],
            "URLS": [url],
            "INDEX": index,
            "TIMEOUT": 10,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
