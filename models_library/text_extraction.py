"""Recognise uploaded files by their content and extract their text.

Files are judged by what their bytes say, never by their names alone: a PDF
starts with ``%PDF-``, a DOCX is a ZIP with ``word/document.xml``, an ODT is a
ZIP whose ``mimetype`` member says so, and plain text is UTF-8 without control
bytes or markup that a browser would run. Extraction uses maintained libraries
(pypdf, python-docx, odfpy) and never raises: a broken, encrypted or image-only
file gives a result with a status and a message instead.

Only the first ``MAX_PAGES`` pages and ``MAX_CHARS`` characters are read, and
ZIP containers whose members would unpack past ``MAX_UNPACKED_BYTES`` are not
opened, so a huge or hostile file cannot tie up a worker.
"""

import io
import logging
import re
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

MAX_PAGES = 500
MAX_CHARS = 1_000_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

# kind -> (extensions that may carry it, content type served)
KINDS = {
    "pdf": (("pdf",), "application/pdf"),
    "docx": (("docx",),
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "odt": (("odt",), "application/vnd.oasis.opendocument.text"),
    "xlsx": (("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ods": (("ods",), "application/vnd.oasis.opendocument.spreadsheet"),
    "text": (("txt", "md", "csv"), "text/plain; charset=utf-8"),
}
EXTENSION_KIND = {ext: kind for kind, (exts, _type) in KINDS.items() for ext in exts}
KIND_LABELS = {
    "pdf": "PDF", "docx": "Word (DOCX)", "odt": "OpenDocument (ODT)", "xlsx": "Excel (XLSX)",
    "ods": "OpenDocument (ODS)", "text": _("Plain text"),
}
TEXT_KINDS = {"pdf", "docx", "odt", "text"}

EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe",
                    b"#!")
ACTIVE_MARKUP = re.compile(
    rb"<\s*(script|html|svg|iframe|object|embed)\b|javascript:|<\?xml", re.IGNORECASE
)


class Status:
    PENDING = "pending"
    EXTRACTED = "extracted"
    NO_TEXT = "no_text"
    ENCRYPTED = "encrypted"
    FAILED = "failed"
    UNSUPPORTED = "unsupported"

    CHOICES = [
        (PENDING, _("waiting for text extraction")),
        (EXTRACTED, _("text extracted")),
        (NO_TEXT, _("text not extracted: the file has no text layer (for example a scan)")),
        (ENCRYPTED, _("text not extracted: the file is encrypted")),
        (FAILED, _("text not extracted: the file could not be read")),
        (UNSUPPORTED, _("text not extracted from this file type")),
    ]
    NOT_EXTRACTED = {NO_TEXT, ENCRYPTED, FAILED, UNSUPPORTED}


@dataclass
class Extraction:
    status: str
    text: str = ""
    page_count: int | None = None
    language: str = ""
    message: str = ""


class RefusedFile(Exception):
    """The upload is not one of the allowed types, or is dangerous; the message says why."""


def _zip_members(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None, None
    return archive, {info.filename: info for info in infos}


def detect_kind(data):
    """The kind of file these bytes are, or None when it is none of the allowed kinds."""
    head = data[:8]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        archive, members = _zip_members(data)
        if archive is None:
            return None
        if "word/document.xml" in members:
            return "docx"
        if "xl/workbook.xml" in members:
            return "xlsx"
        if "mimetype" in members:
            try:
                mimetype = archive.read("mimetype")[:100].strip()
            except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
                return None
            return {
                b"application/vnd.oasis.opendocument.text": "odt",
                b"application/vnd.oasis.opendocument.spreadsheet": "ods",
            }.get(mimetype)
        return None
    if _is_plain_text(data):
        return "text"
    return None


def _is_plain_text(data):
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is fine.
        if error.start < len(sample) - 4:
            return False
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control == 0


def check_upload(data, filename, max_bytes):
    """The kind of an upload; raise RefusedFile with a message a person understands."""
    if len(data) > max_bytes:
        raise RefusedFile(
            _("The file is too large (%(size)s MB). The largest allowed size is %(max)s MB.")
            % {"size": _megabytes(len(data)), "max": _megabytes(max_bytes)}
        )
    if not data:
        raise RefusedFile(_("The file is empty."))
    if data.startswith(EXECUTABLE_MAGIC):
        raise RefusedFile(_("Programs and scripts cannot be uploaded as documents."))
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    expected = EXTENSION_KIND.get(extension)
    if expected is None:
        raise RefusedFile(
            _("Files of this type cannot be uploaded. Allowed types: %(types)s.")
            % {"types": ", ".join(sorted(EXTENSION_KIND))}
        )
    kind = detect_kind(data)
    if kind == "text" and ACTIVE_MARKUP.search(data[:1_000_000]):
        raise RefusedFile(
            _("The file contains HTML, SVG or script markup, which cannot be uploaded as a "
              "document.")
        )
    if kind != expected:
        raise RefusedFile(
            _("The file's content does not match its name: a file ending in .%(extension)s "
              "must be %(kind)s.") % {"extension": extension, "kind": KIND_LABELS[expected]}
        )
    return kind


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f}".replace(".0", "")


# -- extraction -----------------------------------------------------------------------

def extract(data):
    """Extract text from a file's bytes. Never raises."""
    kind = detect_kind(data)
    if kind not in TEXT_KINDS:
        return Extraction(Status.UNSUPPORTED, message=str(
            _("Text is extracted from PDF, DOCX, ODT and plain-text files only.")))
    try:
        result = {"pdf": _pdf, "docx": _docx, "odt": _odt, "text": _text}[kind](data)
    except Exception as error:  # noqa: BLE001 — a parser may fail in any way on a broken file
        logger.info("Text extraction failed: %s", error)
        return Extraction(Status.FAILED, message=str(
            _("The file could not be read; it may be damaged. Re-save it and upload it again.")))
    result.text = _tidy(result.text)[:MAX_CHARS]
    if result.status == Status.EXTRACTED and not result.text:
        result.status = Status.NO_TEXT
        result.message = str(_(
            "The file has no text that can be read, for example a scanned image. Add a "
            "description so people and search can still find it."))
    if not result.language and result.text:
        result.language = guess_language(result.text)
    return result


def _tidy(text):
    text = text.replace("\x00", "")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def _pdf(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # noqa: BLE001 — unsupported encryption algorithms raise too
            opened = 0
        if not opened:
            return Extraction(Status.ENCRYPTED, message=str(_(
                "The PDF is protected with a password, so its text cannot be read. Upload a "
                "version without a password if its text should be searchable.")))
    pages = reader.pages
    count = len(pages)
    parts, size = [], 0
    for number in range(min(count, MAX_PAGES)):
        part = pages[number].extract_text() or ""
        parts.append(part)
        size += len(part)
        if size > MAX_CHARS:
            break
    language = ""
    try:
        catalog_language = reader.trailer["/Root"].get("/Lang")
        language = str(catalog_language or "")[:2].lower()
    except Exception:  # noqa: BLE001
        language = ""
    return Extraction(Status.EXTRACTED, "\n\n".join(parts), count, _known_language(language))


def _check_unpacked_size(data):
    archive, members = _zip_members(data)
    if archive is None or sum(info.file_size for info in members.values()) > MAX_UNPACKED_BYTES:
        raise ValueError("archive too large or unreadable")
    return archive, members


def _docx(data):
    import docx

    archive, members = _check_unpacked_size(data)
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    pages = None
    if "docProps/app.xml" in members:
        match = re.search(rb"<Pages>(\d+)</Pages>", archive.read("docProps/app.xml")[:100000])
        pages = int(match.group(1)) if match else None
    language = _known_language((document.core_properties.language or "")[:2].lower())
    return Extraction(Status.EXTRACTED, "\n".join(parts), pages, language)


def _odt(data):
    from odf import teletype
    from odf import text as odf_text
    from odf.opendocument import load

    _check_unpacked_size(data)
    document = load(io.BytesIO(data))
    # Walk the body so headings, paragraphs, lists and tables keep the document's order.
    ordered = [teletype.extractText(node) for node in _walk(document.text)
               if node.qname in {(odf_text.TEXTNS, "p"), (odf_text.TEXTNS, "h")}]
    pages, language = None, ""
    meta = document.meta
    for node in _walk(meta):
        if node.qname[1] == "document-statistic":
            value = node.attributes.get(("urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
                                         "page-count"))
            pages = int(value) if value and value.isdigit() else None
        if node.qname[1] == "language":
            language = str(node)[:2].lower()
    return Extraction(Status.EXTRACTED, "\n".join(ordered), pages,
                      _known_language(language))


def _walk(node):
    for child in getattr(node, "childNodes", []):
        if getattr(child, "qname", None):
            yield child
            if child.qname[1] not in {"p", "h"}:
                yield from _walk(child)


def _text(data):
    return Extraction(Status.EXTRACTED, data.decode("utf-8", errors="replace"), None, "")


# -- language -------------------------------------------------------------------------

LANGUAGES = ("fi", "sv", "en")
_STOPWORDS = {
    "fi": {"ja", "on", "ei", "että", "se", "ovat", "tai", "kun", "myös", "sekä", "jos", "hän",
           "voi", "mukaan", "asiakas", "työ", "tuki"},
    "sv": {"och", "är", "att", "det", "som", "en", "på", "för", "med", "av", "till", "inte",
           "eller", "kan", "om", "stöd"},
    "en": {"the", "and", "is", "of", "to", "in", "that", "for", "with", "on", "are", "or",
           "be", "by", "support"},
}


def _known_language(code):
    return code if code in LANGUAGES else ""


def guess_language(text):
    """fi, sv or en by the commonest short words, or "" when the text does not say."""
    words = re.findall(r"[a-zåäö]+", text[:20000].lower())
    scores = {code: sum(1 for word in words if word in stop) for code, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 3 else ""
