"""Data for `make bench-http`: the demo content plus a generated library.

Run through `manage.py shell` by scripts/bench-http.sh; prints the URLs to load,
one `name<TAB>path` per line, on standard output's last lines after a marker.
"""

import os

from django.db import transaction

from models_library.models import LibraryIndexPage, OperatingModelPage
from tests.bench.bench_library import generate

MODELS = int(os.environ.get("BENCH_MODELS", "2000"))


def main():
    library = LibraryIndexPage.objects.live().filter(locale__language_code="fi").first()
    existing = OperatingModelPage.objects.filter(slug__startswith="malli-").count()
    if existing < MODELS:
        with transaction.atomic():
            generate(library, MODELS - existing, start=existing)
    library.refresh_from_db()
    model = OperatingModelPage.objects.live().filter(slug__startswith="malli-").first()
    some = OperatingModelPage.objects.live().filter(locale=library.locale)[:2]
    compare = "&".join(f"m={page.translation_key}" for page in some)
    pages = [
        ("home", "/fi/"),
        ("library index", library.url),
        ("library index, region filter", f"{library.url}?region=pohjois-savo"),
        ("library index, page 5, sorted", f"{library.url}?sort=name&page=5"),
        ("operating model", model.url),
        ("compare", f"{library.url}vertaa/?{compare}"),
        ("feed", f"{library.url}syote/rss/"),
        ("sitemap", "/sitemap.xml"),
        ("API list", "/api/v2/pages/?type=models_library.OperatingModelPage&limit=20"),
        ("API detail", f"/api/v2/pages/{model.id}/"),
        ("search", "/fi/haku/?q=toimintamalli"),
    ]
    print("--- URLS ---")
    for name, path in pages:
        print(f"{name}\t{path}")


main()
