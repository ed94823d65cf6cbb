"""Text extraction and content checks for every allowed file type, on tiny real files."""

import pytest

from models_library.text_extraction import (
    RefusedFile,
    Status,
    check_upload,
    detect_kind,
    extract,
    guess_language,
)
from tests.models_library import files

LIMIT = 1024 * 1024
pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(("make", "kind", "language"), [
    (files.pdf, "pdf", "fi"),
    (files.docx, "docx", "fi"),
    (files.odt, "odt", "fi"),
])
def test_text_is_extracted_from_each_document_type(make, kind, language):
    data = make()
    assert detect_kind(data) == kind
    result = extract(data)
    assert result.status == Status.EXTRACTED
    assert "Työkykykoordinaattori ohjaa asiakkaan palvelupolulle." in result.text
    assert "tuen suunnitelmasta" in result.text
    assert result.language == language


def test_page_counts_come_from_the_file():
    assert extract(files.pdf()).page_count == 1


def test_language_is_read_from_document_metadata():
    assert extract(files.docx(language="sv")).language == "sv"
    assert extract(files.odt(language="en")).language == "en"


@pytest.mark.parametrize("name", ["muistio.txt", "muistio.md"])
def test_plain_text_and_markdown(name):
    data = "# Muistio\n\nAsiakas saa tukea työhön ja ohjausta, ja se on maksutonta.\n".encode()
    assert check_upload(data, name, LIMIT) == "text"
    result = extract(data)
    assert result.status == Status.EXTRACTED
    assert "Asiakas saa tukea" in result.text
    assert result.language == "fi"


def test_encrypted_pdf_is_stored_as_not_extracted_with_a_reason():
    result = extract(files.encrypted_pdf())
    assert result.status == Status.ENCRYPTED
    assert result.text == ""
    assert "password" in result.message


def test_image_only_pdf_has_no_text():
    result = extract(files.image_only_pdf())
    assert result.status == Status.NO_TEXT
    assert result.page_count == 1
    assert "no text" in result.message


def test_corrupt_pdf_fails_without_raising():
    result = extract(files.corrupt_pdf())
    assert result.status in {Status.FAILED, Status.NO_TEXT}
    assert result.text == ""


def test_corrupt_docx_fails_without_raising():
    data = files.zip_with({"word/document.xml": b"<not-xml"})
    assert extract(data).status == Status.FAILED


def test_spreadsheets_are_allowed_but_not_read():
    data = files.zip_with({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    assert check_upload(data, "taulukko.ods", LIMIT) == "ods"
    assert extract(data).status == Status.UNSUPPORTED


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"MZ\x90\x00rest of a windows program", "ohje.pdf", "Programs"),
    (b"\x7fELF\x02\x01\x01", "ohje.docx", "Programs"),
    (b"#!/bin/sh\nrm -rf /\n", "ohje.txt", "Programs"),
    (b"<html><body><script>alert(1)</script></body></html>", "ohje.txt", "HTML"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "kuva.md", "HTML"),
    (b"<script>alert(1)</script>", "ohje.html", "cannot be uploaded"),
    (b"just text", "ohje.pdf", "does not match"),
    (files.docx(), "ohje.odt", "does not match"),
    (files.pdf(), "ohje.exe", "cannot be uploaded"),
    (b"", "tyhja.txt", "empty"),
])
def test_dangerous_or_mislabelled_uploads_are_refused(data, name, message):
    with pytest.raises(RefusedFile) as refusal:
        check_upload(data, name, LIMIT)
    assert message in str(refusal.value)


def test_size_limit():
    with pytest.raises(RefusedFile, match="too large"):
        check_upload(b"a" * 2048, "iso.txt", 1024)


def test_language_guess():
    assert guess_language("Asiakas ja työntekijä sopivat, että tuki on jatkuvaa ja se myös") == "fi"
    assert guess_language("The client and the coach agree on the support that is needed") == "en"
    assert guess_language("123 456") == ""
