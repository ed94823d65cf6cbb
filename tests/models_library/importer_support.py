"""Shared builders and checks for the Innokylä importer tests (this module has no tests).

``page_text`` reads a saved page back field by field (rich text through the
project's one HTML-to-text function, not through the importer's mapping), so the
lossless tests compare the input with what an editor would actually find on the page.
"""

import datetime
import os
import re
from pathlib import Path

import pytest

from models_library.importer import meaningful_lines, parse, parse_date, split_tags
from portal.text import html_to_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "innokyla"
# Real Innokylä descriptions shared beside the checkout (../shared/innokyla-samples, or
# $INNOKYLA_SAMPLES). They are extra input only: what the importer must do is tested on
# the project's own fixtures above; tests marked `needs_samples` add the real samples
# when they are there and are left out of the run (not skipped) when they are not.
SAMPLES = Path(
    os.environ.get("INNOKYLA_SAMPLES")
    or Path(__file__).resolve().parents[3] / "shared" / "innokyla-samples"
)

# Fixtures that import; the others are failure cases.
GOOD_FIXTURES = [
    "kokonaisuus_kaikki_osiot.txt",
    "kokonaisuus_latin1.txt",
    "kokonaisuus_osiot_lopussa.txt",
    "toimintamalli_cp1252.txt",
    "toimintamalli_etakuntoutus.html",
    "toimintamalli_kaikki_osiot.txt",
    "toimintamalli_utf8_bom.txt",
    "toimintamalli_vanha_katkennut.txt",
]
SAMPLE_NAMES = [
    "kokonaisuus_etela-karjala_tyota.txt",
    "kokonaisuus_iisalmi_iisakki.txt",
    "kokonaisuus_kymenlaakso.txt",
    "toimintamalli_espoo_palvelukokonaisuus.txt",
    "toimintamalli_varsinais-suomi_laajentaminen.txt",
]
needs_samples = pytest.mark.innokyla_samples


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def sample_bytes(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def build_import_parent():
    """The demo home with a live library index below it, as a fresh site would have."""
    from models_library.models import LibraryIndexPage
    from portal.demo import build
    from portal.demo_utils import upsert_page

    home = build()
    return upsert_page(home, LibraryIndexPage, "toimintamallit", title="Toimintamallit")


def latest(page):
    """The page as its latest revision has it (drafts keep their content in revisions)."""
    from wagtail.models import Page

    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


# Reading a page back ----------------------------------------------------------------

def rich_to_text(value) -> str:
    """The text of stored rich text, one line per paragraph, line break or list item."""
    text = html_to_text(str(getattr(value, "source", value) or ""))
    return "\n".join(line for line in text.splitlines() if line)


def page_text(page) -> str:
    """Everything an editor finds on an imported page, as one text."""
    page = latest(page)
    parts = [page.title, page.summary, page.implementation_place, page.authors,
             page.contact_name, page.contact_organisation, page.contact_email]
    for name in ("period_text", "partners", "cover_image_alt"):
        parts.append(getattr(page, name, ""))
    for name in ("purpose", "starting_point", "goal", "intended_results"):
        parts.append(rich_to_text(getattr(page, name, "")))
    for name in ("description", "other_sections"):
        for block in getattr(page, name, None) or []:
            parts += [block.value["heading"], rich_to_text(block.value["body"])]
    for name in ("regions", "municipalities", "funders", "target_groups", "phenomena"):
        if hasattr(page, name):
            parts += [term.name for term in getattr(page, name).all()]
    if getattr(page, "programme", None) is not None:
        parts.append(page.programme.title)
    parts += [tag.name for tag in page.topics.all()]
    parts += [f"{link.title} ({link.url})" for link in page.links.all()]
    return "\n".join(str(part) for part in parts if part)


def squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def lost_lines(text: str, page) -> list[str]:
    """Meaningful input lines that the page does not contain.

    A line counts as kept when it appears in the page's text. Three kinds of
    values are stored as typed data rather than text and are compared as such:
    the development stage (its choice), dates ("Luotu", "Viimeksi muokattu")
    and "Ei liity ilmiöön" (no phenomena). Tag lines are split into tags the
    way the parser splits them, and every tag must be on the page.
    """
    parsed = parse(text)
    stored = latest(page)
    haystack = squash(page_text(page))
    tag_lines = {squash(line) for value in (parsed.topics_text, parsed.target_groups_text,
                                            parsed.phenomena_text) for line in value.splitlines()}
    lost = []
    for line in meaningful_lines(text):
        key = squash(line)
        if key in haystack:
            continue
        if key == squash(parsed.stage_text) and parsed.stage and stored.stage == parsed.stage:
            continue
        if _is_stored_date(line, stored):
            continue
        if key.rstrip(".") == "ei liity ilmiöön" and not stored.phenomena.all():
            continue
        if key in tag_lines and all(squash(tag) in haystack for tag in split_tags(line)):
            continue
        lost.append(line)
    return lost


def _is_stored_date(line: str, page) -> bool:
    value = parse_date(line)
    if value is None or not re.fullmatch(r"[\d.\-\s]+", line):
        return False
    dates = [getattr(page, name, None) for name in ("source_created", "source_modified",
                                                   "start_date", "end_date")]
    return isinstance(value, datetime.date) and value in dates
