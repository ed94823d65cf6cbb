"""Create or update draft library pages from parsed Innokylä descriptions.

The entry points are ``import_description`` (one parsed description) and
``import_files`` (a batch of uploaded files); the management command and the
admin view are thin layers over them.

Decisions worth knowing:

* New pages are drafts (``live=False``) under the first live library index in
  the Finnish tree, unless a parent is given. Publishing needs ``publish=True``
  and an operating model must have its required sections to be published.
* Importing the same description again (same source address, or the same type
  and name under the same parent) updates the page with a new revision. A live
  page stays live with unpublished changes: nothing goes public unreviewed. If
  nothing changed, no revision is added and the action is "unchanged".
* Funders that are not in the taxonomy are created as new Funder snippets in
  the Finnish locale (code slugified from the name). Linking a page to a snippet
  keeps the name searchable and filterable, and an editor can merge or rename
  the snippet later; every report says which funders were created.
* Every file is imported inside its own transaction savepoint: a file that
  fails leaves nothing behind, and the other files of the batch still import.
* A bulk import (the command, the admin's "Create drafts") runs inside
  ``batched_search_indexing``: pages are indexed for search in bulk every
  ``INDEX_BATCH`` pages and at the end, also when the batch stops with an error,
  instead of twice per page (once for the page, once for its revision).
* Every saved or unchanged file leaves an ``ImportRecord``: a hash of the text (with
  the parent, the given source address and the importer's own code) and the page's
  latest revision. Importing the same text again while that revision is still the
  latest is "unchanged" after one lookup, without parsing or comparing; any edit of
  the page since, or any change of the importer's code, takes the full path.
* A new page gets its reference index entries once, after its revision is saved,
  not once for each of its two saves; it is logged as Wagtail's page creation view
  logs a page ("wagtail.create", then "wagtail.edit" with the revision), and its
  related rows are written and read back with as few queries as possible
  (``Importer._create_draft``).
"""

import functools
import hashlib
import logging
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.blocks import StreamValue
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, ReferenceIndex, Site
from wagtail.rich_text import RichText
from wagtail.search import index
from wagtail.signal_handlers import disable_reference_index_auto_update

from models_library.blocks import SECTION_HEADINGS
from models_library.models import (
    EvaluationCriterion,
    Funder,
    ImportRecord,
    LibraryIndexPage,
    OperatingModelPage,
    ProgrammePage,
)
from models_library.models.taxonomy import translation_key_for
from portal.content_signals import one_bump
from portal.indexing import deferred_indexing

from .decoding import MAX_BYTES, ImportInputError, decode_upload, normalise_text
from .devpath import ParsedTab, parse_development_path, parse_evaluation
from .mapping import (
    KIND_NAMES,
    MAX_HEADING,
    MAX_TITLE,
    DescriptionMapper,
    NewFunder,
    PageValues,
    plain_text,
    truncate,
)
from .messages import translate_warning
from .parser import (
    OPERATING_MODEL,
    OTHER_SECTION,
    PROGRAMME,
    SECTION_KEYS,
    ParsedDescription,
    _lines,
    parse,
)
from .richtext import text_to_rich_text
from .tabs import (
    DESCRIPTION,
    DEVELOPMENT_PATH,
    EVALUATION,
    PROGRAMME_PAGE,
    TAB_NAMES,
    Address,
    guess_other_page,
    guess_tab,
    read_address,
    same_model_address,
    split_url_line,
)
from .taxonomy import TaxonomyIndex

logger = logging.getLogger(__name__)

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
FAILED = "failed"
PREVIEW = "preview"
IMPORT_LANGUAGE = "fi"


@functools.cache
def importer_version() -> str:
    """A hash of the importer's code: records of texts imported by other code do not
    match, so a changed parser or mapping re-reads every file once."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def record_key(parent: Page, source_url: str, text: str) -> str:
    """The ImportRecord key of a decoded text imported under parent."""
    data = "\x1f".join((importer_version(), str(parent.pk), source_url, text))
    return hashlib.sha256(data.encode("utf-8", errors="surrogatepass")).hexdigest()


class ImporterSetupError(Exception):
    """The import cannot start (no parent page, bad options); `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ImportResult:
    """What happened to one description or file."""

    action: str  # CREATED, UPDATED, UNCHANGED, FAILED or PREVIEW
    name: str = ""  # file name, or a label for pasted text
    page: Page | None = None
    kind: str = ""  # parser kind: "operating_model" or "programme"
    title: str = ""
    mapped_fields: list[tuple[str, str, str]] = field(default_factory=list)  # name, label, value
    other_sections: list[str] = field(default_factory=list)  # headings kept as "other"
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    would: str = ""  # for previews: CREATED or UPDATED
    published: bool = False
    new_funders: list[str] = field(default_factory=list)
    edit_url: str = ""  # set by the admin view
    tab: str = ""  # which part of the page was filled: DESCRIPTION, DEVELOPMENT_PATH, ...
    other_lines: int = 0  # lines of text kept in "other sections"
    source_url: str = ""  # the Innokylä address used (given, or from a "URL:" line)

    @property
    def ok(self) -> bool:
        return self.action != FAILED

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, "")

    @property
    def tab_name(self) -> str:
        """The filled part in the active language ("description", "development path", ...)."""
        return _(TAB_NAMES[self.tab]) if self.tab in TAB_NAMES else ""

    def report_line(self) -> str:
        """One line for the command's report."""
        if not self.ok:
            return f"FAIL  {self.name}: {self.error}"
        action = f"would be {self.would}" if self.action == PREVIEW else self.action
        if self.published:
            action += ", published"
        page = f" (page {self.page.pk})" if self.page is not None and self.page.pk else ""
        other = f"other={len(self.other_sections)}"
        if self.other_sections:
            other += " [" + "; ".join(self.other_sections) + "]"
        funders = f"  new funders: {', '.join(self.new_funders)}" if self.new_funders else ""
        tab = f"  tab={self.tab}" if self.tab else ""
        return (
            f'OK    {self.name}  {self.kind_name}  "{self.title}"  {action}{page}{tab}  '
            f"fields={len(self.mapped_fields)}  {other}  other lines={self.other_lines}  "
            f"warnings={len(self.warnings)}{funders}"
        )


# Parents -----------------------------------------------------------------------


def default_parent() -> Page:
    """The first live library index in the Finnish tree."""
    page = (
        LibraryIndexPage.objects.live()
        .filter(locale__language_code=IMPORT_LANGUAGE)
        .order_by("path")
        .first()
    )
    if page is None:
        raise ImporterSetupError(
            _("There is no library index page (LibraryIndexPage) in the Finnish site: "
              "create the library index page first, or give a parent page.")
        )
    return page


def resolve_parent(spec) -> Page:
    """A parent page from a page, a page id, a URL path ("/fi/toimintamallit/") or a slug path."""
    if spec is None or spec == "":
        return default_parent()
    if isinstance(spec, Page):
        page = spec
    else:
        text = str(spec).strip()
        page = (
            Page.objects.filter(pk=int(text)).first() if text.isdigit() else _page_by_path(text)
        )
        if page is None:
            raise ImporterSetupError(_("No page was found for '%(page)s'.") % {"page": text})
    return check_parent(page.specific)


def check_parent(page: Page) -> Page:
    page = page.specific
    if not isinstance(page, (LibraryIndexPage, ProgrammePage)):
        raise ImporterSetupError(
            _("'%(title)s' cannot hold imported pages: choose the library index page or a "
              "programme page.") % {"title": page.title}
        )
    if page.locale.language_code != IMPORT_LANGUAGE:
        raise ImporterSetupError(
            _("'%(title)s' is not in the Finnish tree: Innokylä descriptions are imported "
              "into the Finnish site.") % {"title": page.title}
        )
    return page


def _page_by_path(text: str) -> Page | None:
    parts = [part for part in text.strip("/").split("/") if part]
    if not parts:
        return None
    languages = {code for code, _name in settings.LANGUAGES}
    language = parts.pop(0) if parts[0] in languages else ""
    rest = "".join(f"{part}/" for part in parts)
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        if language:
            locale = Locale.objects.filter(language_code=language).first()
            root = (root.get_translation_or_none(locale) if locale else None) or root
        page = Page.objects.filter(url_path=f"{root.url_path}{rest}").first()
        if page is not None:
            return page
    if len(parts) >= 1:
        # A bare slug path relative to any page: "toimintamallit" or "toimintamallit/ohjelma".
        matches = Page.objects.filter(url_path__endswith=f"/{rest}",
                                      locale__language_code=language or IMPORT_LANGUAGE)
        if matches.count() == 1:
            return matches.first()
    return None


# The importer --------------------------------------------------------------------


class Importer:
    """Imports descriptions one at a time, sharing lookups across a batch."""

    def __init__(self, *, parent=None, publish: bool = False, user=None,
                 dry_run: bool = False) -> None:
        self.parent = resolve_parent(parent)
        self.publish = publish
        self.user = user
        self.dry_run = dry_run
        self._taxonomy: TaxonomyIndex | None = None
        self._programmes: list | None = None
        self._created_page = None  # the page the current import created, until it succeeds
        self._record_key = None  # the ImportRecord key of the text being imported
        self._recurring_warnings = 0  # warnings of the text itself (not of the action)

    @property
    def taxonomy(self) -> TaxonomyIndex:
        if self._taxonomy is None:
            self._taxonomy = TaxonomyIndex()
        return self._taxonomy

    @property
    def programmes(self) -> list:
        if self._programmes is None:
            self._programmes = list(
                ProgrammePage.objects.filter(locale__language_code=IMPORT_LANGUAGE)
                .order_by("path").only("id", "title", "draft_title", "path", "depth")
            )
        return self._programmes

    def _forget_caches(self) -> None:
        """After a rollback the cached lookups may hold rows that no longer exist."""
        self._taxonomy = None
        self._programmes = None

    # Inputs

    def import_bytes(self, name: str, data: bytes, *, source_url: str = "") -> ImportResult:
        try:
            text = decode_upload(data, name)
        except ImportInputError as error:
            return ImportResult(FAILED, name=name, error=_(error.message))
        return self.import_text(name, text, source_url=source_url, decoded=True)

    def import_text(self, name: str, text: str, *, source_url: str = "",
                    decoded: bool = False) -> ImportResult:
        self._record_key = None
        try:
            if not decoded:
                text = check_pasted_text(text)
            if not self.dry_run:
                key = record_key(self.parent, source_url, text)
                unchanged = None if self.publish else self._unchanged(key, name)
                if unchanged is not None:
                    return unchanged
                self._record_key = key
            url_line, text = split_url_line(text)
            source_url = source_url or url_line
            address = read_address(source_url)
            tab = self._tab_of(address, text)
            if tab == DEVELOPMENT_PATH:
                parsed_tab = parse_development_path(text)
            elif tab == EVALUATION:
                parsed_tab = parse_evaluation(text)
            else:
                parsed = self._parse_description(text, address)
        except ImportInputError as error:
            return ImportResult(FAILED, name=name, error=_(error.message))
        except Exception as error:  # the parser must never take the batch down
            logger.exception("Innokylä import: parsing %s failed", name)
            return ImportResult(FAILED, name=name,
                                error=_("The file could not be read (%(error)s).")
                                % {"error": error})
        if tab in (DEVELOPMENT_PATH, EVALUATION):
            return self.import_tab(parsed_tab, address, name=name)
        return self.import_parsed(parsed, name=name, source_url=source_url)

    def _unchanged(self, key: str, name: str) -> ImportResult | None:
        """The result of importing a text again that nobody has changed since, from its
        record; None when the full path must decide (no record, the page was edited,
        moved or locked, or the user may not edit it)."""
        record = ImportRecord.objects.filter(key=key).select_related("page").only(
            "revision_id", "summary", "page__latest_revision_id", "page__path",
            "page__locked", "page__title", "page__draft_title", "page__content_type_id",
        )[:1]
        record = next(iter(record), None)
        if record is None:
            return None
        page = record.page
        if (page.latest_revision_id != record.revision_id
                or not page.path.startswith(self.parent.path) or page.locked):
            return None
        if self.user is not None and not page.permissions_for_user(self.user).can_edit():
            return None
        summary = record.summary
        return ImportResult(
            UNCHANGED, name=name, page=page, kind=summary.get("kind", ""),
            title=summary.get("title", ""),
            mapped_fields=[tuple(row) for row in summary.get("mapped_fields", [])],
            other_sections=summary.get("other_sections", []),
            warnings=summary.get("warnings", []), tab=summary.get("tab", ""),
            other_lines=summary.get("other_lines", 0),
            source_url=summary.get("source_url", ""),
        )

    def _remember(self, result: ImportResult) -> None:
        """Record the imported text and the page's latest revision (see _unchanged)."""
        if self._record_key is None or result.page is None or not result.page.pk:
            return
        if result.new_funders or len(result.warnings) != self._recurring_warnings:
            # This report says what this import did (funders created, a draft made for a
            # tab, a live page given a draft); the next import's would not: no record yet.
            return
        revision_id = result.page.latest_revision_id
        if revision_id is None:
            return
        summary = {
            "kind": result.kind, "title": result.title, "tab": result.tab,
            "mapped_fields": [list(row) for row in result.mapped_fields],
            "other_sections": list(result.other_sections),
            "warnings": [str(warning) for warning in result.warnings[:self._recurring_warnings]],
            "other_lines": result.other_lines, "source_url": result.source_url,
        }
        values = {"page_id": result.page.pk, "revision_id": revision_id, "summary": summary}
        if not ImportRecord.objects.filter(key=self._record_key).update(
                updated_at=timezone.now(), **values):
            ImportRecord.objects.create(key=self._record_key, **values)

    def _tab_of(self, address: Address, text: str) -> str:
        """The tab a text is, from its address, else from the text; refuses other pages."""
        if address.other_page:
            raise ImportInputError(_refusal(address.other_page))
        if address.kind == OPERATING_MODEL:
            return address.tab
        if address.kind == PROGRAMME:
            return PROGRAMME_PAGE
        return guess_tab(_lines(text)) or DESCRIPTION

    def _parse_description(self, text: str, address: Address) -> ParsedDescription:
        try:
            return parse(text)
        except ImportInputError as error:
            if address.kind or "does not look like an Innokylä page" not in error.message:
                raise
            other = guess_other_page(_lines(text))
            raise ImportInputError(_refusal(other) if other else _(
                "This does not look like an Innokylä page: no fields of an operating model or a "
                "programme were found. The importer reads operating models (the description, "
                "development path and evaluation tabs) and programmes."
            )) from None

    def import_parsed(self, parsed: ParsedDescription, *, name: str = "",
                      source_url: str = "") -> ImportResult:
        result = ImportResult(PREVIEW, name=name or parsed.title, kind=parsed.kind,
                              title=parsed.title)
        return self._saved(result, lambda: self._import(parsed, source_url, result))

    def _saved(self, result: ImportResult, work) -> ImportResult:
        """Run ``work`` in one transaction; any failure is reported on ``result`` and
        leaves nothing saved."""
        self._created_page = None
        try:
            with transaction.atomic():
                work()
                if not self.dry_run:
                    self._remember(result)
        except ImportInputError as error:
            self._fail(result, _(error.message))
        except ValidationError as error:
            self._fail(result, _("The page could not be saved: %(errors)s")
                       % {"errors": _validation_text(error)})
        except Exception as error:
            logger.exception("Innokylä import of %s failed", result.name)
            self._fail(result, _("Unexpected error, nothing was saved: %(error)s")
                       % {"error": f"{error.__class__.__name__}: {error}"})
        return result

    def _fail(self, result: ImportResult, message: str) -> None:
        if self._created_page is not None:
            _unindex(self._created_page)
            self._created_page = None
        result.action, result.error, result.page, result.published = FAILED, message, None, False
        self._forget_caches()

    # Mapping and saving

    def _import(self, parsed: ParsedDescription, source_url: str, result: ImportResult) -> None:
        model = page_model(parsed.kind)
        values = DescriptionMapper(
            parsed, self.taxonomy, parent=self.parent, source_url=source_url,
            programmes=self.programmes, allow_new_funders=self._may_add_funders(),
        ).run()
        result.title = values.title
        result.mapped_fields = values.mapped_fields()
        result.other_sections = values.other_headings
        result.other_lines = sum(_line_count(block.text) for block in values.blocks
                                 if block.key == OTHER_SECTION)
        result.tab = DESCRIPTION if parsed.kind == OPERATING_MODEL else ""
        result.source_url = source_url
        result.warnings = list(values.warnings)
        self._recurring_warnings = len(result.warnings)
        result.new_funders = [funder.name for funder in values.new_funders]

        existing = find_existing(model, values.title, self.parent, source_url)
        if existing is not None and existing.locked and (
            self.user is None or existing.locked_by_id != self.user.pk
        ):
            raise ImportInputError(
                _("The existing page '%(title)s' (id %(id)d) is locked: unlock it to import "
                  "a new version.") % {"title": existing.title, "id": existing.pk}
            )
        self._check_permissions(existing)
        if self.dry_run:
            result.action = PREVIEW
            result.would = UPDATED if existing is not None else CREATED
            result.page = existing
            return

        self._create_funders(values)
        if existing is None:
            page = model(title=values.title, locale=self.parent.locale, live=False,
                         owner=self.user)
            apply_values(page, values)
            if not slugify(values.title):
                page.slug = f"innokyla-{uuid.uuid4().hex[:8]}"
            revision = self._create_draft(page)
            result.action = CREATED
            if parsed.kind == PROGRAMME and self._programmes is not None:
                self._programmes.append(programme_reference(page))
        else:
            page = existing.get_latest_revision_as_object()
            before = snapshot(page)
            apply_values(page, values)
            needs_publish = self.publish and (not existing.live or existing.has_unpublished_changes)
            if snapshot(page) == before:
                result.action = UNCHANGED
                revision = existing.latest_revision if needs_publish else None
            else:
                revision = page.save_revision(user=self.user, log_action=True)
                result.action = UPDATED
            if existing.live and not self.publish and revision is not None:
                result.warnings.append(
                    _("The page is live: the import was saved as a new draft revision to review "
                      "and publish.")
                )
        result.page = page
        if self.publish and revision is not None:
            self._publish(page, revision, result)

    # Tabs of an operating model (development path, evaluation)

    def import_tab(self, parsed: ParsedTab, address: Address, *, name: str = "") -> ImportResult:
        """Fill one tab of an operating model (found by address, else by title) as a new
        draft revision, never touching its other parts; a missing model is created as a
        draft that the other tabs complete later."""
        result = ImportResult(PREVIEW, name=name or parsed.title, kind=OPERATING_MODEL,
                              title=parsed.title, tab=parsed.tab, source_url=address.url)
        result.warnings = [translate_warning(warning, _) for warning in parsed.warnings]
        self._recurring_warnings = len(result.warnings)
        result.other_sections = [section.heading for section in parsed.other_sections]
        result.other_lines = parsed.other_line_count()
        return self._saved(result, lambda: self._import_tab(parsed, address, result))

    def _import_tab(self, parsed: ParsedTab, address: Address, result: ImportResult) -> None:
        existing = self._model_for_tab(parsed, address, result)
        if existing is not None and existing.locked and (
            self.user is None or existing.locked_by_id != self.user.pk
        ):
            raise ImportInputError(
                _("The existing page '%(title)s' (id %(id)d) is locked: unlock it to import "
                  "a new version.") % {"title": existing.title, "id": existing.pk}
            )
        self._check_permissions(existing)
        result.mapped_fields = tab_fields(parsed)
        if existing is not None:
            result.title = existing.draft_title or existing.title
        if self.dry_run:
            result.action = PREVIEW
            result.would = UPDATED if existing is not None else CREATED
            result.page = existing
            return
        if existing is None:
            title = result.title
            page = OperatingModelPage(title=title, locale=self.parent.locale, live=False,
                                      owner=self.user, source_url=address.base)
            apply_tab(page, parsed)
            if not slugify(title):
                page.slug = f"innokyla-{uuid.uuid4().hex[:8]}"
            self._create_draft(page)
            result.action = CREATED
        else:
            page = existing.get_latest_revision_as_object()
            before = tab_snapshot(page, parsed.tab)
            apply_tab(page, parsed)
            if address.base and not page.source_url:
                page.source_url = address.base
            if tab_snapshot(page, parsed.tab) == before and page.source_url == existing.source_url:
                result.action = UNCHANGED
                revision = None
            else:
                revision = page.save_revision(user=self.user, log_action=True)
                result.action = UPDATED
            if existing.live and revision is not None:
                result.warnings.append(
                    _("The page is live: the import was saved as a new draft revision to review "
                      "and publish.")
                )
        result.page = page

    def _create_draft(self, page):
        """Add a new page under the parent as a draft with its first revision; returns the
        revision. Logged as Wagtail's own page creation is: "wagtail.create" (from the page's
        first save) and "wagtail.edit" with the revision (from ``save_revision``).

        The rows are those of ``add_child`` and ``save_revision``, written with less work:

        * the reference index is written once, for the saved draft, instead of once for
          each of the two saves;
        * the many-to-many rows of a page that has none yet are inserted in one statement
          per relation (with the usual ``m2m_changed`` signals) instead of being compared
          with the database first;
        * the revision's content and the reference index read the page's relations from
          what was just saved instead of reading them back from the database.
        """
        cluster = getattr(page, "_cluster_related_objects", {})
        many_to_many = {field.name: cluster.pop(field.name) for field in
                        get_all_child_m2m_relations(page) if field.name in cluster}
        saved = dict(cluster)  # the child relations add_child commits (it forgets them)
        with disable_reference_index_auto_update():
            self.parent.add_child(instance=page)
            self._created_page = page  # a failure from here on cleans up after it
            for name, objects in many_to_many.items():
                _insert_many_to_many(page, name, objects)
            # A new page has exactly these related rows: the ones just saved, no others.
            page._cluster_related_objects = {
                **{relation.get_accessor_name(): saved.get(relation.get_accessor_name(), [])
                   for relation in get_all_child_relations(page)},
                **{field.name: many_to_many.get(field.name, [])
                   for field in get_all_child_m2m_relations(page)},
            }
            revision = page.save_revision(user=self.user, log_action=True)
        page._cluster_related_objects[COMMENTS_RELATION_NAME] = []  # saving forgot them
        ReferenceIndex.create_or_update_for_object(page)
        page._cluster_related_objects = {}  # read from the database from here on
        return revision

    def _model_for_tab(self, parsed: ParsedTab, address: Address, result: ImportResult):
        """The operating model a tab belongs to, or None (then a new draft is made).

        By the Innokylä address first; otherwise by title, but only when exactly one model
        has that title and no other Innokylä address. Never a guess: when nothing fits, the
        tab becomes a draft of its own and a notice says why.
        """
        tab_name = _(TAB_NAMES[parsed.tab])
        if address.base:
            page = find_by_address(address.url)
            if page is not None:
                if parsed.title and _norm(parsed.title) not in (
                        _norm(page.title), _norm(page.draft_title)):
                    result.warnings.append(_(
                        "The %(tab)s names the model '%(tab_title)s' but the model at its "
                        "Innokylä address is called '%(title)s': the %(tab)s was added to that "
                        "model by its address, and the model's name was not changed."
                    ) % {"tab": tab_name, "tab_title": parsed.title,
                         "title": page.draft_title or page.title})
                return page
        if parsed.title:
            matches = [
                page for page in OperatingModelPage.objects.filter(
                    locale__language_code=IMPORT_LANGUAGE,
                ).filter(Q(title=parsed.title) | Q(draft_title=parsed.title)).order_by("path")
                if not (address.base and page.source_url and read_address(page.source_url).base
                        and not same_model_address(page.source_url, address.url))
            ]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                result.warnings.append(_(
                    "%(count)d operating models are called '%(title)s': the %(tab)s was "
                    "imported as a draft of its own so that it is not added to the wrong one. "
                    "Give its Innokylä address to attach it."
                ) % {"count": len(matches), "title": parsed.title, "tab": tab_name})
                result.title = truncate(parsed.title, MAX_TITLE)
                return None
        if parsed.title:
            result.title = truncate(plain_text(parsed.title), MAX_TITLE)
            if not address.base:
                result.warnings.append(_(
                    "No operating model called '%(title)s' was found and the page has no "
                    "Innokylä address: the %(tab)s was imported as a new draft of its own. "
                    "Importing the model's description with the same name completes it."
                ) % {"title": parsed.title, "tab": tab_name})
            else:
                result.warnings.append(_(
                    "The operating model was not found: a new draft was created with the "
                    "%(tab)s. Import the model's other tabs to complete it."
                ) % {"tab": tab_name})
        else:
            stem = (result.name or "").rsplit("/", 1)[-1]
            result.title = truncate(f"{_(TAB_NAMES[parsed.tab]).capitalize()}: {stem}"
                                    if stem else _(TAB_NAMES[parsed.tab]).capitalize(),
                                    MAX_TITLE)
            result.warnings.append(_(
                "The page names no operating model and has no Innokylä address: the %(tab)s "
                "was imported as a draft of its own called '%(title)s'. Rename it, or import "
                "it again with its Innokylä address."
            ) % {"tab": tab_name, "title": result.title})
        return None

    def _may_add_funders(self) -> bool:
        """Unknown funders become snippets, unless the admin user may not add funders."""
        return self.user is None or self.user.has_perm("models_library.add_funder")

    def _check_permissions(self, existing) -> None:
        """With a user (the admin view), the user's page permissions apply."""
        if self.user is None:
            return
        if existing is None:
            if not self.parent.permissions_for_user(self.user).can_add_subpage():
                raise ImportInputError(
                    _("You do not have permission to add pages under '%(title)s'.")
                    % {"title": self.parent.title}
                )
        elif not existing.permissions_for_user(self.user).can_edit():
            raise ImportInputError(
                _("The page '%(title)s' exists already and you do not have permission to edit "
                  "it.") % {"title": existing.title}
            )
        if self.publish:
            if existing is None:
                allowed = self.parent.permissions_for_user(self.user).can_publish_subpage()
            else:
                allowed = existing.permissions_for_user(self.user).can_publish()
            if not allowed:
                raise ImportInputError(_("You do not have permission to publish this page."))

    def _publish(self, page, revision, result: ImportResult) -> None:
        missing = getattr(page, "missing_required_sections", lambda: [])()
        if missing:
            names = ", ".join(str(SECTION_HEADINGS[key]) for key in missing)
            result.warnings.append(
                _("Not published: required sections are missing (%(names)s).") % {"names": names}
            )
            return
        revision.publish(user=self.user)
        page.refresh_from_db()
        result.published = True
        if result.action == UNCHANGED:
            result.action = UPDATED

    def _create_funders(self, values: PageValues) -> None:
        if not values.new_funders:
            return
        locale = Locale.objects.get(language_code=IMPORT_LANGUAGE)
        funders = []
        for funder in values.funders:
            if isinstance(funder, NewFunder):
                # A new term is moderated like the page: a draft unless the import publishes.
                funder, created = Funder.objects.get_or_create(
                    code=funder.code, locale=locale,
                    defaults={"name": funder.name, "live": self.publish,
                              "translation_key": translation_key_for("funder", funder.code)},
                )
                if created:
                    funder.save_revision(user=self.user)
                self.taxonomy.add_funder(funder)
            funders.append(funder)
        values.funders = funders


# Functions --------------------------------------------------------------------------


def import_description(parsed: ParsedDescription, *, parent=None, source_url: str = "",
                       publish: bool = False, user=None, dry_run: bool = False,
                       name: str = "") -> ImportResult:
    """Import one parsed description; see the module docstring for the rules."""
    try:
        importer = Importer(parent=parent, publish=publish, user=user, dry_run=dry_run)
    except ImporterSetupError as error:
        return ImportResult(FAILED, name=name or parsed.title, kind=parsed.kind,
                            title=parsed.title, error=_(error.message))
    return importer.import_parsed(parsed, name=name, source_url=source_url)


def import_files(files, *, parent=None, source_url: str = "", publish: bool = False,
                 user=None, dry_run: bool = False) -> list[ImportResult]:
    """Import (name, bytes) pairs, each file atomically; returns one result per file.

    A source address only makes sense for a single description, so it is
    refused for a batch of several files.
    """
    files = list(files)
    if source_url and len(files) > 1:
        message = _("A source address can only be given when importing a single file.")
        return [ImportResult(FAILED, name=name, error=message) for name, _data in files]
    try:
        importer = Importer(parent=parent, publish=publish, user=user, dry_run=dry_run)
    except ImporterSetupError as error:
        return [ImportResult(FAILED, name=name, error=_(error.message)) for name, _data in files]
    return [importer.import_bytes(name, data, source_url=source_url) for name, data in files]


def check_pasted_text(text: str) -> str:
    """Pasted text gets the same size and emptiness checks as a file."""
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise ImportInputError(
            _("The text is too large: the maximum size is %(size)d MB.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    text = normalise_text(text)
    if not text.strip():
        raise ImportInputError(_("The text is empty."))
    return text


def page_model(kind: str):
    return OperatingModelPage if kind == OPERATING_MODEL else ProgrammePage


def find_existing(model, title: str, parent: Page, source_url: str = ""):
    """The page an import should update: by source address, else by type and name."""
    if source_url:
        for candidate_model in (OperatingModelPage, ProgrammePage):
            page = candidate_model.objects.filter(source_url=source_url).order_by("path").first()
            if page is None and read_address(source_url).base:
                page = find_by_address(source_url, candidate_model)
            if page is None:
                continue
            if candidate_model is not model:
                raise ImportInputError(
                    _("The source address already belongs to the page '%(title)s' (id %(id)d), "
                      "which is of another type.") % {"title": page.title, "id": page.pk}
                )
            return page
    candidates = model.objects.child_of(parent).filter(Q(title=title) | Q(draft_title=title))
    for page in candidates.order_by("path"):
        # A page with another source address is another description with the same name.
        if not source_url or not page.source_url or page.source_url == source_url:
            return page
    return None


PROGRAMME_FIELDS = ("id", "page_ptr_id", "title", "draft_title", "path", "depth")


def programme_reference(page) -> ProgrammePage:
    """A programme page as the importer's programme list holds it (only what finding and
    linking a programme needs), so that the list of a long batch stays small."""
    names = [field.attname for field in ProgrammePage._meta.concrete_fields
             if field.attname in PROGRAMME_FIELDS]
    return ProgrammePage.from_db(page._state.db, names, [getattr(page, name) for name in names])


def _insert_many_to_many(page, name: str, objects) -> None:
    """Insert a new page's rows of one ParentalManyToManyField in one statement, as
    ``add()`` would (it first reads the rows the page already has: a new page has none)."""
    if not objects:
        return
    field = page._meta.get_field(name)
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    pks = [obj.pk for obj in objects]
    signal = {"sender": through, "instance": page, "reverse": False,
              "model": field.related_model, "pk_set": set(pks), "using": page._state.db}
    m2m_changed.send(action="pre_add", **signal)
    through.objects.bulk_create([through(**{f"{source}_id": page.pk, f"{target}_id": pk})
                                 for pk in dict.fromkeys(pks)])
    m2m_changed.send(action="post_add", **signal)


def apply_values(page, values: PageValues) -> None:
    """Write mapped values to a page object (unsaved, or a revision's object)."""
    page.title = values.title
    for name, value in values.fields.items():
        setattr(page, name, value)
    section_blocks = [
        (block.key, {"heading": block.heading, "body": RichText(block.rich_text())})
        for block in values.blocks
    ]
    if values.kind == OPERATING_MODEL:
        page.description = section_blocks
        page.target_groups = list(values.target_groups)
        page.phenomena = list(values.phenomena)
        if values.programme is not None:
            page.programme = values.programme
    else:
        for key in SECTION_KEYS[values.kind]:
            setattr(page, key, text_to_rich_text(values.rich_fields.get(key, "")))
        page.other_sections = section_blocks
    page.regions = list(values.regions)
    page.municipalities = list(values.municipalities)
    page.funders = [funder for funder in values.funders if not isinstance(funder, NewFunder)]
    page.topics.set(values.topics)
    _merge_links(page, values.links)


def _merge_links(page, links) -> None:
    if not links:
        return
    link_model = page.links.model
    existing = list(page.links.all())
    urls = {link.url for link in existing}
    added = [link_model(title=title, url=url) for title, url in links if url not in urls]
    if added:
        page.links = [*existing, *added]


def snapshot(page) -> dict:
    """The importer-controlled content of a page, comparable across saves."""
    data = {}
    for name in ("title", "summary", "implementation_place", "authors", "source_url",
                 "source_created", "source_modified", "contact_name", "contact_organisation",
                 "contact_email", "stage", "cover_image_alt", "programme_id", "purpose",
                 "starting_point", "goal", "intended_results", "period_text", "start_date",
                 "end_date", "partners"):
        if hasattr(page, name):
            data[name] = getattr(page, name)
    for name in ("description", "other_sections"):
        value = getattr(page, name, None)
        if isinstance(value, StreamValue):
            data[name] = [(child.block_type, child.block.get_prep_value(child.value))
                          for child in value]
    for name in ("regions", "municipalities", "funders", "target_groups", "phenomena"):
        if hasattr(page, name):
            data[name] = sorted(item.pk for item in getattr(page, name).all())
    data["topics"] = sorted(tag.name for tag in page.topics.all())
    data["links"] = [(link.title, link.url) for link in page.links.all()]
    return data


def _unindex(page) -> None:
    """Drop a rolled-back page from search backends outside the database (best effort).

    Search indexing runs when a page is saved; a database backend rolls back with
    the transaction, an external one (OpenSearch, Elasticsearch) does not.
    """
    try:
        index.remove_object(page)
    except Exception:  # the index may be down; a stale entry only points to nothing
        logger.warning("Could not remove the rolled-back page %s from the search index", page.pk)


def _validation_text(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}"
                         for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def find_by_address(url: str, model=OperatingModelPage):
    """The page whose Innokylä address names the same model as url (any tab), or None."""
    address = read_address(url)
    if not address.slug:
        return None
    candidates = model.objects.filter(source_url__icontains=address.slug).order_by("path")
    return next((page for page in candidates if same_model_address(page.source_url, url)), None)


def _refusal(page_type: str) -> str:
    return _(
        "This looks like %(page)s, not an operating model or a programme: nothing was imported. "
        "The importer reads Innokylä operating models (the description, development path and "
        "evaluation tabs, …/toimintamalli/NAME, …/kehittamisen-polku, …/arviointi) and "
        "programmes (…/kokonaisuus/NAME)."
    ) % {"page": _(page_type)}


def _norm(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def _line_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def _section_value(heading: str, text: str) -> dict:
    heading = plain_text(heading)
    if len(heading) > MAX_HEADING:
        text = f"{heading}\n\n{text}"
        heading = truncate(heading, MAX_HEADING)
    return {"heading": heading, "body": RichText(text_to_rich_text(plain_text(text)))}


def apply_tab(page, parsed: ParsedTab) -> None:
    """Write a development path or evaluation tab to an operating model (its other parts
    stay as they are)."""
    if parsed.tab == DEVELOPMENT_PATH:
        page.development_path_intro = plain_text(parsed.intro)
        page.development_path = [
            (section.key, _section_value(section.heading, section.text))
            for section in parsed.sections
        ]
        return
    page.evaluation_criteria = [
        EvaluationCriterion(criterion=plain_text(item.criterion)[:300], rating=item.rating,
                            note=plain_text(item.note), rated_on=parsed.rated_on)
        for item in parsed.criteria
    ]
    notes = []
    if parsed.intro:
        notes.append(("other", _section_value("Arviointi", parsed.intro)))
    notes += [("other", _section_value(section.heading, section.text))
              for section in parsed.sections]
    page.evaluation_notes = notes


def tab_snapshot(page, tab: str):
    """What a tab import controls on a page, comparable across saves."""
    if tab == DEVELOPMENT_PATH:
        return (page.development_path_intro,
                [(child.block_type, child.block.get_prep_value(child.value))
                 for child in page.development_path])
    return (
        [(row.criterion, row.rating, row.note, row.rated_on)
         for row in page.evaluation_criteria.all()],
        [(child.block_type, child.block.get_prep_value(child.value))
         for child in page.evaluation_notes],
    )


def tab_fields(parsed: ParsedTab) -> list[tuple[str, str, str]]:
    """(name, label, value) rows of a tab for the preview."""
    rows = []
    if parsed.tab == DEVELOPMENT_PATH:
        if parsed.intro:
            rows.append(("development_path_intro", _("Introduction"), parsed.intro))
        for section in parsed.sections:
            rows.append(("development_path", section.heading, section.text))
        return rows
    for item in parsed.criteria:
        rows.append(("evaluation_criteria", item.criterion,
                     f"{item.rating_text}. {item.note}".strip()))
    if parsed.intro:
        rows.append(("evaluation_notes", "Arviointi", parsed.intro))
    for section in parsed.sections:
        rows.append(("evaluation_notes", section.heading, section.text))
    return rows


# Search indexing in batches -------------------------------------------------------------

INDEX_BATCH = 100
_INDEXED_MODELS = (OperatingModelPage, ProgrammePage)


@contextmanager
def batched_search_indexing():
    """Index the library pages saved inside the block in bulk, not on every save:
    every INDEX_BATCH pages and when the block ends, also when it ends with an error
    (``portal.indexing.deferred_indexing``), and bump the page cache's content
    generation once at the end instead of on every saved record. Only for one process
    doing a bulk import: other saves in the same thread are batched too."""
    with one_bump(), deferred_indexing(_INDEXED_MODELS, batch_size=INDEX_BATCH):
        yield
