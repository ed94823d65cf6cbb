"""The importer's shortcuts for bulk imports give what the generic way gives.

A new draft is saved with the reference index written once and the page cache bumped
once per batch; a text imported again unchanged is answered from its import record.
These tests pin both to the generic result, so the shortcuts cannot drift from it.
"""

import json
import re

import pytest
from wagtail.models import PageLogEntry, ReferenceIndex, Revision

from models_library.importer import parse
from models_library.importer.mapping import DescriptionMapper
from models_library.importer.service import (
    CREATED,
    FAILED,
    UNCHANGED,
    UPDATED,
    Importer,
    apply_values,
    batched_search_indexing,
    page_model,
    snapshot,
)
from models_library.importer.taxonomy import TaxonomyIndex
from models_library.models import ImportRecord, LibraryIndexPage, OperatingModelPage
from portal.models import ContentGeneration
from tests.models_library.importer_support import FIXTURES, fixture_bytes, latest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

MODEL = "toimintamalli_kaikki_osiot.txt"
PATH_TAB = FIXTURES / "valilehdet" / "polku_ohjaamo.txt"


def generic_draft(parent, data):
    """The same description saved the way Wagtail's own page creation view saves a page:
    add_child, then save_revision with every signal handler (reference index on each
    save), logged by both ("wagtail.create" by the first save, "wagtail.edit" with the
    revision)."""
    parsed = parse(data.decode("utf-8"))
    values = DescriptionMapper(parsed, TaxonomyIndex(), parent=parent, source_url="",
                               programmes=[], allow_new_funders=True).run()
    page = page_model(parsed.kind)(title=values.title, locale=parent.locale, live=False)
    apply_values(page, values)
    parent.add_child(instance=page)
    page.save_revision(log_action=True)
    return page


VOLATILE = {"pk", "id", "page_ptr", "page", "content_object", "path", "url_path", "slug",
            "translation_key", "latest_revision", "latest_revision_created_at", "live_revision"}


def without_ids(value):
    """A revision's content without what differs between any two pages: ids (of the page,
    its rows and stream blocks), tree position, slug and revision bookkeeping."""
    if isinstance(value, str) and value.startswith("[{"):
        value = json.loads(value)  # a stream field
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key not in VOLATILE}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def revision_content(page):
    return without_ids(Revision.objects.get(pk=page.latest_revision_id).content)


def references(page):
    """The page's reference index rows (a row's id in a content path replaced by #)."""
    rows = ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
        "to_content_type_id", "to_object_id", "model_path", "content_path")
    return sorted((*row[:3], re.sub(r"\.\d+\.", ".#.", row[3])) for row in rows)


def log_actions(page):
    return sorted((entry.action, entry.revision_id is not None, entry.content_changed)
                  for entry in PageLogEntry.objects.filter(page=page))


def related_rows(page):
    """The page's own related rows in the database (not its revision's copy of them)."""
    page = OperatingModelPage.objects.get(pk=page.pk)
    rows = {name: sorted(getattr(page, name).values_list("pk", flat=True))
            for name in ("regions", "municipalities", "funders", "target_groups", "phenomena")}
    rows["topics"] = sorted(page.topics.names())
    rows["links"] = sorted(page.links.values_list("title", "url"))
    return rows


def search_hits(page, words):
    """Which of words find the page in the search index."""
    return [word for word in words if page.pk in {
        hit.pk for hit in OperatingModelPage.objects.search(word)}]


def test_an_imported_draft_is_what_the_generic_way_saves(parent):
    other_parent = parent.add_sibling(instance=LibraryIndexPage(title="Toinen kirjasto",
                                                                slug="toinen-kirjasto"))
    # With places that are municipalities, so that every kind of related row is written.
    data = fixture_bytes(MODEL).replace(b"Kolmen kaupungin sote-keskukset",
                                        "Tampere, Nokia ja Ylöjärvi".encode())
    generation = ContentGeneration.current()[0]
    with batched_search_indexing():
        result = Importer(parent=parent).import_bytes(MODEL, data)
        bumped_once = ContentGeneration.current()[0] == generation
    assert result.action == CREATED and bumped_once  # nothing bumped inside the batch
    assert ContentGeneration.current()[0] == generation + 1  # once at its end

    imported = OperatingModelPage.objects.get(pk=result.page.pk)
    generic = generic_draft(other_parent, data)
    generic = OperatingModelPage.objects.get(pk=generic.pk)

    assert snapshot(latest(imported)) == snapshot(latest(generic))
    assert revision_content(imported) == revision_content(generic)
    for page in (imported, generic):
        assert (page.live, page.has_unpublished_changes, page.locale_id, page.owner_id) == (
            False, True, parent.locale_id, None)
        assert page.revisions.count() == 1 and page.draft_title == page.title
    # One creation logged as Wagtail logs it: created by the first save, then the revision.
    assert log_actions(imported) == log_actions(generic) == [
        ("wagtail.create", False, True), ("wagtail.edit", True, True)]
    assert references(imported) == references(generic) != []
    rows = related_rows(imported)
    assert rows == related_rows(generic)
    assert all(rows[name] for name in ("regions", "municipalities", "funders", "target_groups",
                                       "topics"))
    # In the search index after the batch, found by the same words as the generic page.
    words = ["työkyky", imported.title, *rows["topics"],
             *(region.name for region in imported.regions.all())]
    hits = search_hits(imported, words)
    assert hits == search_hits(generic, words)
    assert {"työkyky", imported.title} <= set(hits)


def result_view(result):
    return (result.action, result.page.pk, result.kind, result.title, result.tab,
            result.mapped_fields, result.other_sections, result.warnings, result.other_lines,
            result.source_url)


def count_parsing(monkeypatch):
    """Calls of the importer's parsers (the full path parses; a record answers without)."""
    from models_library.importer import service

    calls = []
    for name in ("parse", "parse_development_path"):
        original = getattr(service, name)
        monkeypatch.setattr(service, name,
                            lambda text, original=original: calls.append(text) or original(text))
    return calls


@pytest.mark.parametrize("name, data, source_url", [
    (MODEL, None, ""),
    ("polku.txt", PATH_TAB,
     "https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo-kirjastossa/kehittamisen-polku"),
])
def test_an_unchanged_text_is_answered_from_its_record_as_the_full_path_answers(
        parent, monkeypatch, name, data, source_url):
    data = fixture_bytes(MODEL) if data is None else data.read_bytes()
    first = Importer(parent=parent).import_bytes(name, data, source_url=source_url)
    # The first import's report says what it did (new funders, a new draft for a tab):
    # not one to repeat. The next one, unchanged, is recorded.
    assert first.action == CREATED and not ImportRecord.objects.exists()
    assert Importer(parent=parent).import_bytes(name, data, source_url=source_url).action == (
        UNCHANGED)
    assert ImportRecord.objects.count() == 1
    revisions, entries = Revision.objects.count(), PageLogEntry.objects.count()
    parsing = count_parsing(monkeypatch)

    fast = Importer(parent=parent).import_bytes(name, data, source_url=source_url)
    assert parsing == []  # answered from the record
    ImportRecord.objects.all().delete()  # the full path: parse, map and compare
    full = Importer(parent=parent).import_bytes(name, data, source_url=source_url)
    assert len(parsing) == 1

    assert fast.action == full.action == UNCHANGED
    assert result_view(fast) == result_view(full)
    assert (Revision.objects.count(), PageLogEntry.objects.count()) == (revisions, entries)
    assert ImportRecord.objects.count() == 1  # the full path recorded it again


def test_a_page_edited_since_the_import_takes_the_full_path(parent):
    data = fixture_bytes(MODEL)
    first = Importer(parent=parent).import_bytes(MODEL, data)
    Importer(parent=parent).import_bytes(MODEL, data)
    assert ImportRecord.objects.count() == 1
    page = latest(first.page)
    page.summary = "Toimittajan oma tiivistelmä."
    page.save_revision()

    again = Importer(parent=parent).import_bytes(MODEL, data)

    assert again.action == UPDATED  # as before the records: the file's text wins
    assert latest(first.page).summary != "Toimittajan oma tiivistelmä."
    assert Importer(parent=parent).import_bytes(MODEL, data).action == UNCHANGED


def test_a_changed_importer_does_not_use_the_record(parent, monkeypatch):
    from models_library.importer import service

    data = fixture_bytes(MODEL)
    for _time in range(2):
        Importer(parent=parent).import_bytes(MODEL, data)
    assert ImportRecord.objects.count() == 1
    monkeypatch.setattr(service, "importer_version", lambda: "another version")
    parsing = count_parsing(monkeypatch)

    again = Importer(parent=parent).import_bytes(MODEL, data)

    assert again.action == UNCHANGED and len(parsing) == 1  # parsed: the full path
    assert ImportRecord.objects.count() == 2


def test_a_failed_file_leaves_no_record(parent):
    result = Importer(parent=parent).import_bytes("tyhja.txt", fixture_bytes("tyhja.txt"))
    broken = Importer(parent=parent).import_bytes("x.txt", b"Otsikko\n\nVain tekstia.\n")

    assert result.action == broken.action == FAILED
    assert not ImportRecord.objects.exists()


def test_a_preview_neither_uses_nor_writes_records(parent):
    data = fixture_bytes(MODEL)
    preview = Importer(parent=parent, dry_run=True).import_bytes(MODEL, data)
    assert not ImportRecord.objects.exists()
    Importer(parent=parent).import_bytes(MODEL, data)
    again = Importer(parent=parent, dry_run=True).import_bytes(MODEL, data)
    assert (preview.would, again.would) == (CREATED, UPDATED)
