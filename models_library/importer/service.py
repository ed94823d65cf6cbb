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
"""

import logging
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.search import index

from models_library.blocks import SECTION_HEADINGS
from models_library.models import (
    Funder,
    LibraryIndexPage,
    OperatingModelPage,
    ProgrammePage,
)
from models_library.models.taxonomy import translation_key_for

from .decoding import MAX_BYTES, ImportInputError, decode_upload, normalise_text
from .mapping import KIND_NAMES, DescriptionMapper, NewFunder, PageValues
from .parser import OPERATING_MODEL, PROGRAMME, SECTION_KEYS, ParsedDescription, parse
from .richtext import text_to_rich_text
from .taxonomy import TaxonomyIndex

logger = logging.getLogger(__name__)

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
FAILED = "failed"
PREVIEW = "preview"
IMPORT_LANGUAGE = "fi"


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

    @property
    def ok(self) -> bool:
        return self.action != FAILED

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, "")

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
        return (
            f'OK    {self.name}  {self.kind_name}  "{self.title}"  {action}{page}  '
            f"fields={len(self.mapped_fields)}  {other}  warnings={len(self.warnings)}{funders}"
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
        try:
            if not decoded:
                text = check_pasted_text(text)
            parsed = parse(text)
        except ImportInputError as error:
            return ImportResult(FAILED, name=name, error=_(error.message))
        except Exception as error:  # the parser must never take the batch down
            logger.exception("Innokylä import: parsing %s failed", name)
            return ImportResult(FAILED, name=name,
                                error=_("The file could not be read (%(error)s).")
                                % {"error": error})
        return self.import_parsed(parsed, name=name, source_url=source_url)

    def import_parsed(self, parsed: ParsedDescription, *, name: str = "",
                      source_url: str = "") -> ImportResult:
        result = ImportResult(PREVIEW, name=name or parsed.title, kind=parsed.kind,
                              title=parsed.title)
        self._created_page = None
        try:
            with transaction.atomic():
                self._import(parsed, source_url, result)
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
        result.warnings = list(values.warnings)
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
            self.parent.add_child(instance=page)
            self._created_page = page  # a failure from here on cleans up after it
            revision = page.save_revision(user=self.user, log_action=False)
            log(instance=page, action="wagtail.create", user=self.user, revision=revision,
                content_changed=True)
            result.action = CREATED
            if parsed.kind == PROGRAMME and self._programmes is not None:
                self._programmes.append(page)
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
