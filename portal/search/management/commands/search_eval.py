"""Measure search relevance: recall@10 and MRR of a query file on the current backend.

    python manage.py search_eval FILE.tsv [--language fi] [-k 10] [--baseline]
                                 [--min-recall 1.0]

``--baseline`` also measures Wagtail's default configuration: the raw query
against an index without the portal's Finnish analysis. It rebuilds the index
twice (without, then with the analysis), so run it on a test or staging copy.
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import translation
from wagtail.search.backends import get_search_backend

from portal import morphology
from portal.search.evaluation import default_titles, evaluate, portal_titles, read_cases


class Command(BaseCommand):
    help = "Run a query file against the search and print recall@k and MRR with the misses."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.tsv")
        parser.add_argument("--language", default="fi")
        parser.add_argument("-k", type=int, default=10)
        parser.add_argument("--baseline", action="store_true",
                            help="Also measure Wagtail's default configuration.")
        parser.add_argument("--min-recall", type=float, default=None,
                            help="Exit with status 1 when recall@k is below this.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            cases = read_cases(path.read_text(encoding="utf-8").splitlines())
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        if not cases:
            raise CommandError(f"{path} has no queries (query<TAB>title | title per line).")
        language, k = options["language"], options["k"]
        backend = type(get_search_backend("default")).__name__
        rows = []
        with translation.override(language):
            if options["baseline"]:
                with morphology.disabled():
                    rebuild_indexes()
                    rows.append(("Wagtail default", evaluate(cases, default_titles, language, k)))
                rebuild_indexes()
            report = evaluate(cases, portal_titles, language, k)
            rows.insert(0, ("Portal search", report))
        self.stdout.write(f"Backend: {backend} ({connection.vendor}); {len(cases)} queries")
        self.stdout.write(f"| Configuration | recall@{k} | MRR |")
        self.stdout.write("| --- | --- | --- |")
        for name, measured in rows:
            self.stdout.write(f"| {name} | {measured.recall:.3f} | {measured.mrr:.3f} |")
        for name, measured in rows:
            for result in measured.misses:
                self.stdout.write(
                    f"MISS [{name}] {result.case.query!r}: not in the first {k}: "
                    f"{' | '.join(result.missing)}; got: {' | '.join(result.found[:k]) or '-'}"
                )
        if options["min_recall"] is not None and report.recall < options["min_recall"]:
            raise CommandError(
                f"recall@{k} {report.recall:.3f} is below {options['min_recall']:.3f}"
            )


def rebuild_indexes():
    call_command("update_index", verbosity=0)
    backend = get_search_backend("default")
    if hasattr(backend, "refresh_indexes"):
        backend.refresh_indexes()
