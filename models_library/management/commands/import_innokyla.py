"""Import Innokylä pages (saved as text or HTML) as draft library pages.

    python manage.py import_innokyla PATH [PATH ...] [--under PAGE] [--source-url URL]
                                     [--publish] [--dry-run]

Prints one line per file and a summary; exits with status 1 when a file failed.
"""

from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.utils.translation import gettext

from models_library.importer import MAX_BYTES
from models_library.importer.service import (
    FAILED,
    PREVIEW,
    Importer,
    ImporterSetupError,
    ImportResult,
    batched_search_indexing,
)

SUFFIXES = (".txt", ".html", ".htm")


class Command(BaseCommand):
    help = (
        "Import Innokylä operating models and programmes (text or HTML files) as draft pages. "
        "Importing the same description again updates its page with a new revision."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH",
            help="Files to import; a directory imports its .txt and .html files.",
        )
        parser.add_argument(
            "--under", metavar="PAGE", default="",
            help="Parent page: an id, a URL path such as /fi/toimintamallit/ or a slug path. "
                 "Default: the library index page of the Finnish site.",
        )
        parser.add_argument(
            "--source-url", metavar="URL", default="",
            help="The description's address in Innokylä (only with a single file).",
        )
        parser.add_argument(
            "--publish", action="store_true",
            help="Publish the imported pages. Without it they are drafts to review.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be imported; save nothing."
        )

    def handle(self, *args, **options):
        files = self._files(options["paths"])
        source_url = options["source_url"].strip()
        if source_url:
            if len(files) != 1:
                raise CommandError("--source-url can only be used with a single file.")
            try:
                URLValidator(schemes=["http", "https"])(source_url)
            except ValidationError as error:
                raise CommandError(f"--source-url is not a valid web address: {source_url}") \
                    from error
        try:
            importer = Importer(parent=options["under"] or None, publish=options["publish"],
                                dry_run=options["dry_run"])
        except ImporterSetupError as error:
            raise CommandError(gettext(error.message)) from error

        verbosity = options["verbosity"]
        results = []
        with batched_search_indexing():  # indexed in bulk, also if the batch stops
            for path in files:
                result = self._import(importer, path, source_url)
                results.append(result)
                self._report(result, verbosity)

        self._summary(results, importer)
        failed = [result for result in results if result.action == FAILED]
        if failed:
            names = ", ".join(result.name for result in failed)
            raise CommandError(
                f"{len(failed)} of {len(results)} file(s) failed and were not imported: {names}. "
                "See the FAIL lines above for the reasons."
            )

    # Steps

    def _files(self, paths) -> list[Path]:
        files: list[Path] = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                found = sorted(item for item in path.iterdir()
                               if item.is_file() and item.suffix.lower() in SUFFIXES)
                if not found:
                    files.append(path)  # reported as a failure below
                files.extend(found)
            else:
                files.append(path)
        return files

    def _import(self, importer: Importer, path: Path, source_url: str) -> ImportResult:
        name = str(path)
        if path.is_dir():
            return ImportResult(FAILED, name=name,
                                error="The directory has no .txt or .html files.")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)  # enough to tell that a file is too large
        except FileNotFoundError:
            return ImportResult(FAILED, name=name, error="The file does not exist.")
        except OSError as error:
            return ImportResult(FAILED, name=name,
                                error=f"The file cannot be read: {error.strerror or error}.")
        return importer.import_bytes(name, data, source_url=source_url)

    def _report(self, result: ImportResult, verbosity: int) -> None:
        if result.action == FAILED:
            self.stdout.write(self.style.ERROR(result.report_line()))
            return
        if verbosity < 1:
            return
        self.stdout.write(result.report_line())
        for warning in result.warnings:
            self.stdout.write(f"      warning: {warning}")
        if verbosity >= 2:
            for _name, label, value in result.mapped_fields:
                value = " ".join(value.split())
                self.stdout.write(f"      {label}: {value[:120]}")

    def _summary(self, results, importer: Importer) -> None:
        counts = Counter(result.action for result in results)
        if importer.dry_run:
            would = Counter(result.would for result in results if result.action == PREVIEW)
            parts = [f"{would['created']} would be created", f"{would['updated']} would be updated"]
        else:
            parts = [f"{counts['created']} created", f"{counts['updated']} updated",
                     f"{counts['unchanged']} unchanged"]
        parts.append(f"{counts[FAILED]} failed")
        published = sum(1 for result in results if result.published)
        if published:
            parts.append(f"{published} published")
        line = f"Summary: {len(results)} file(s): " + ", ".join(parts) + "."
        if importer.dry_run:
            line += " Dry run: nothing was saved."
        elif not importer.publish and counts[FAILED] < len(results):
            line += " New and changed pages are drafts: review and publish them in the admin."
        style = self.style.ERROR if counts[FAILED] else self.style.SUCCESS
        self.stdout.write("Per file:")
        for result in results:
            self.stdout.write(f"  {result.name}: {summary_of(result)}")
        self.stdout.write(style(line))


def summary_of(result: ImportResult) -> str:
    """One file in the summary: what happened, which tab was filled, lines kept as "other"."""
    if result.action == FAILED:
        return f"refused: {result.error}"
    action = f"would be {result.would}" if result.action == PREVIEW else result.action
    tab = f", tab: {result.tab.replace('_', ' ')}" if result.tab else ""
    lines = "line" if result.other_lines == 1 else "lines"
    return f"{action}{tab}, {result.other_lines} {lines} in other sections"
