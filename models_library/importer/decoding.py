"""Turn an uploaded file (bytes) into text that the Innokylä parser can read.

Pure Python: no Django imports, so it can be tested without settings.
"""

import codecs
import re
import unicodedata
from pathlib import PurePath

from .messages import gettext_noop

MAX_BYTES = 5 * 1024 * 1024

# Share of control characters above which a decoded file is treated as binary.
MAX_CONTROL_RATIO = 0.02

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BINARY_SIGNATURES = (
    b"%PDF",  # PDF
    b"PK\x03\x04",  # zip: docx, xlsx, odt
    b"\xd0\xcf\x11\xe0",  # old Office documents
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"\x1f\x8b",  # gzip
    b"Rar!",
    b"7z\xbc\xaf",
)

_BINARY_EXTENSIONS = frozenset(
    {
        ".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".ppt", ".pptx",
        ".zip", ".gz", ".7z", ".rar", ".png", ".jpg", ".jpeg", ".gif", ".webp",
    }
)  # fmt: skip

_FINNISH_LETTERS = re.compile(r"[äöåÄÖÅ]")
# Typical signs of UTF-8 read as a single-byte encoding ("Ã¤" for "ä").
_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf\u0152-\u0192\u02c6-\u2122]")
_C1_CONTROLS = re.compile(r"[\u0080-\u009f]")
# Control characters (Unicode category Cc) other than tab, newlines and form feeds.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class ImportInputError(ValueError):
    """The uploaded file or text cannot be imported; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Marked for translation without Django settings: the service layer translates them.
MESSAGE_EMPTY = gettext_noop("The file is empty.")
MESSAGE_TOO_LARGE = gettext_noop("The file is too large: the maximum size is 5 MB.")
MESSAGE_BINARY = gettext_noop(
    "The file is not a text file. Save the Innokylä page as text (.txt) or HTML (.html) "
    "and try again."
)
MESSAGE_UNDECODABLE = gettext_noop(
    "The file's character encoding could not be recognised. Save it as UTF-8 and try again."
)
MESSAGE_UNSUPPORTED_ENCODING = gettext_noop(
    "The file seems to be saved in an old Mac or DOS character encoding, which would garble "
    "the letters ä, ö and å. Save it as UTF-8 and try again."
)

# Encodings we do not import but recognise, so their letters are not garbled silently.
_REFUSED_ENCODINGS = ("mac_roman", "cp850", "cp437")


def decode_upload(data: bytes, filename: str = "") -> str:
    """Decode an uploaded text or HTML file.

    Handles UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, UTF-16 without
    BOM, Windows-1252 and Latin-1. Returns NFC-normalised text with "\\n" line
    breaks. Raises ImportInputError for empty, too large, binary or
    undecodable input.
    """
    if not data or not data.strip():
        raise ImportInputError(MESSAGE_EMPTY)
    if len(data) > MAX_BYTES:
        raise ImportInputError(MESSAGE_TOO_LARGE)
    if _has_binary_name(filename) or data.startswith(_BINARY_SIGNATURES):
        raise ImportInputError(MESSAGE_BINARY)

    encoding = _bom_encoding(data) or _sniff_utf16_without_bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise ImportInputError(MESSAGE_UNDECODABLE) from error
    else:
        if b"\x00" in data:
            raise ImportInputError(MESSAGE_BINARY)
        text = _decode_single_byte_or_utf8(data)

    if _looks_binary(text):
        raise ImportInputError(MESSAGE_BINARY)
    text = normalise_text(text)
    if not text.strip():
        raise ImportInputError(MESSAGE_EMPTY)
    return text


def normalise_text(text: str) -> str:
    """Unify line breaks, drop a leading BOM and apply Unicode NFC."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    return unicodedata.normalize("NFC", text)


def _has_binary_name(filename: str) -> bool:
    return PurePath(filename.strip().lower()).suffix in _BINARY_EXTENSIONS if filename else False


def _bom_encoding(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return ""


def _sniff_utf16_without_bom(data: bytes) -> str:
    """Recognise BOM-less UTF-16 by the NUL bytes of mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return ""
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return ""


def _decode_single_byte_or_utf8(data: bytes) -> str:
    """Strict UTF-8 if possible, otherwise the best of Windows-1252 and Latin-1.

    Windows-1252 and Latin-1 agree on the Finnish letters; they differ in
    0x80–0x9F where Windows-1252 has typographic characters (–, ”, €, •) and
    Latin-1 only control characters. A nearly valid UTF-8 file (a few broken
    bytes) is also considered, so that its letters do not turn into "Ã¤", and so is a
    file whose lines are in different encodings (read line by line).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    _refuse_old_encodings(data)
    candidates = []
    for encoding in ("cp1252", "latin-1"):
        try:
            candidates.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    candidates.append(_decode_mixed(data))
    candidates.append(data.decode("utf-8", errors="replace"))
    # max() keeps the first of equal scores, so the order above is the preference.
    return max(candidates, key=_plausibility)


def _decode_mixed(data: bytes) -> str:
    """Each line as UTF-8 when it is valid UTF-8, else as Windows-1252 (Latin-1 as a last
    resort): a file pasted together from pages saved in different encodings."""
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                lines.append(line.decode("latin-1"))
    return "\n".join(lines)


def _refuse_old_encodings(data: bytes) -> None:
    """Refuse Mac Roman and DOS code pages: read as Windows-1252 their "ä" becomes "Š"."""
    windows = len(_FINNISH_LETTERS.findall(data.decode("cp1252", errors="replace")))
    for encoding in _REFUSED_ENCODINGS:
        letters = len(_FINNISH_LETTERS.findall(data.decode(encoding, errors="replace")))
        if letters > max(2 * windows, 2):
            raise ImportInputError(MESSAGE_UNSUPPORTED_ENCODING)


def _plausibility(text: str) -> int:
    return (
        len(_FINNISH_LETTERS.findall(text))
        - 3 * len(_MOJIBAKE.findall(text))
        - 3 * len(_C1_CONTROLS.findall(text))
        - 3 * text.count("\ufffd")
    )


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    if "\x00" in sample:
        return True
    controls = len(_CONTROLS.findall(sample))
    return controls / max(len(sample), 1) > MAX_CONTROL_RATIO
