"""Imported plain text keeps no markup or script addresses; markup and addresses are no topics."""

import pytest

from models_library.importer import decode_upload, parse
from models_library.importer.mapping import DescriptionMapper, acceptable_tag, plain_text
from models_library.importer.service import import_files
from models_library.importer.taxonomy import TaxonomyIndex
from tests.builders import build_model
from tests.models_library.importer_support import build_import_parent, fixture_bytes, latest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TITLE = "Työkykyvalmentaja sote-keskuksessa"
PLACE = "Kolmen kaupungin sote-keskukset"


def test_plain_text_fields_lose_markup_and_script_addresses(client):
    library = build_import_parent()
    text = fixture_bytes("toimintamalli_kaikki_osiot.txt").decode("utf-8")
    # One tag only: a text with more tags is read as an HTML page (and its text taken).
    text = text.replace(TITLE, f'<iframe src="https://evil.example/">{TITLE}')
    text = text.replace(PLACE, f"{PLACE} javascript:alert(1)")
    [result] = import_files([("malli.txt", text.encode("utf-8"))])
    assert result.page is not None, result.error
    page = latest(result.page)
    assert page.title == TITLE
    assert page.implementation_place.startswith(f"{PLACE} alert(1)")
    assert "javascript" not in page.implementation_place.lower()
    page.save_revision().publish()
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    for value in (data["title"], data["implementation_place"]):
        assert "<" not in value and "javascript:" not in value
    assert library.pk == page.get_parent().pk


def test_escaped_markup_in_an_html_page_does_not_become_markup():
    html = ("<html><body><h1>&lt;script&gt;alert(1)&lt;/script&gt;Malli</h1>"
            "<p>Toimintamallin nimi</p><p>&lt;b&gt;Malli&lt;/b&gt;</p></body></html>")
    parsed = parse(decode_upload(html.encode("utf-8"), "m.html"))
    values = DescriptionMapper(parsed, TaxonomyIndex()).run()
    assert "<" not in values.title and "alert" not in values.title


def test_topics_that_are_markup_or_addresses_are_refused_with_a_message():
    parsed = parse(decode_upload(fixture_bytes("toimintamalli_kaikki_osiot.txt"), "m.txt"))
    parsed.topics = ["Työkyky", "<script>alert(1)</script>", "https://evil.example/x",
                     "www.example.fi", "javascript:alert(1)", "<img src=x onerror=alert(1)>"]
    values = DescriptionMapper(parsed, TaxonomyIndex()).run()
    assert "Työkyky" in values.topics
    assert not any("<" in tag or "http" in tag or "www." in tag or "javascript" in tag
                   for tag in values.topics)
    [warning] = [w for w in values.warnings if "topic name cannot contain" in w]
    assert "https://evil.example/x" in warning and "www.example.fi" in warning


@pytest.mark.parametrize(("text", "expected"), [
    ("Tavallinen teksti", "Tavallinen teksti"),
    ("x < y ja y > z", "x < y ja y > z"),
    ("<p>Kappale</p>", "Kappale"),
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("JavaScript: alert(1)", " alert(1)"),
])
def test_plain_text(text, expected):
    assert plain_text(text) == expected


def test_acceptable_tag():
    assert acceptable_tag("Työkyky") and acceptable_tag("Sote-keskus")
    assert not acceptable_tag("<b>x</b>") and not acceptable_tag("http://x.fi")


def test_builder_untouched(library):
    # The rule is for imported text; an editor's own page keeps what they typed.
    assert build_model(library, title="a < b").title == "a < b"
