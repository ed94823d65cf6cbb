"""Generated media for the library demo: abstract cover images and small PDF files.

Everything is drawn in code with deterministic colours (the palette and the alt
texts' words are in ``data/demo_covers.yaml``), so the demo needs no binary files in
the repository. Images and documents are found again by their
title, which keeps the demo command idempotent.
"""

import functools
import hashlib
import io
import textwrap
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from portal.demo_utils import load_data

COVER_SIZE = (1200, 675)

COVERS = Path(__file__).resolve().parent / "data" / "demo_covers.yaml"


@functools.cache
def _covers():
    """The palette as ((r, g, b), names by language) pairs and the alt-text templates."""
    data = load_data(COVERS)
    data.require(data, ("palette", "alt_text"), "top level")
    palette = []
    for number, entry in enumerate(data["palette"]):
        where = f"palette[{number}]"
        data.require(entry, ("colour", "fi", "sv", "en"), where)
        colour = str(entry["colour"])
        if len(colour) != 7 or not colour.startswith("#"):
            raise data.error(where, f"colour {colour!r} is not #rrggbb")
        rgb = tuple(int(colour[n:n + 2], 16) for n in (1, 3, 5))
        palette.append((rgb, {language: entry[language] for language in ("fi", "sv", "en")}))
    return palette, data.require(data["alt_text"], ("fi", "sv", "en"), "alt_text")


def _seed(key):
    return hashlib.sha256(key.encode("utf-8")).digest()


def _colours(key):
    seed = _seed(key)
    palette, _alt_text = _covers()
    first = seed[0] % len(palette)
    second = (first + 1 + seed[1] % (len(palette) - 1)) % len(palette)
    return palette[first], palette[second]


def cover_alt_text(key, language="fi"):
    (_c1, circles), (_c2, arcs) = _colours(key)
    _palette, alt_text = _covers()
    return alt_text[language].format(circles=circles[language], arcs=arcs[language])


def _tint(colour, amount):
    return tuple(round(channel + (255 - channel) * amount) for channel in colour)


def cover_png(key):
    """A 1200×675 PNG of circles and arcs whose colours and layout follow from ``key``."""
    seed = _seed(key)
    (circle_colour, _n1), (arc_colour, _n2) = _colours(key)
    width, height = COVER_SIZE
    image = PillowImage.new("RGB", COVER_SIZE, _tint(circle_colour, 0.9))
    draw = ImageDraw.Draw(image)
    for step in range(4):
        radius = 90 + seed[2 + step] % 170
        x = 120 + (seed[6 + step] * 997 + step * 311) % (width - 240)
        y = 100 + (seed[10 + step] * 571) % (height - 200)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=_tint(circle_colour, 0.15 * step),
        )
    centre_x = (seed[14] * 1223) % width
    for ring in range(5):
        radius = 160 + ring * 70
        draw.arc(
            (centre_x - radius, height - radius, centre_x + radius, height + radius),
            start=180, end=360, fill=_tint(arc_colour, 0.12 * ring), width=28,
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _attach_file(instance, filename, content):
    """Point ``instance.file`` at ``content``, reusing an identical file already in storage.

    A rebuilt database then does not leave a new copy of every file in the media folder.
    """
    field_file = instance.file
    name = field_file.field.generate_filename(instance, filename)
    if field_file.storage.exists(name):
        with field_file.storage.open(name, "rb") as existing:
            if existing.read() == content:
                field_file.name = name
                return
    field_file.save(filename, ContentFile(content), save=False)


def ensure_cover_image(title, key):
    """The Wagtail image called ``title``, drawn from ``key`` the first time it is needed."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).order_by("pk").first()
    if image is None:
        image = image_model(title=title)
        _attach_file(image, f"cover-{key}.png", cover_png(key))
        image.width, image.height = COVER_SIZE
        image._set_image_file_metadata()
        image.save()
    return image


def _pdf_text(text):
    encoded = text.encode("cp1252", errors="replace").decode("latin-1")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(title, paragraphs):
    """A valid one-page A4 PDF with a heading and wrapped paragraphs in Helvetica."""
    lines = [f"BT /F1 16 Tf 56 780 Td ({_pdf_text(title)}) Tj ET", "BT /F1 11 Tf 15 TL 56 750 Td"]
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, 88) or [""]:
            lines.append(f"({_pdf_text(line)}) Tj T*")
        lines.append("T*")
    lines.append("ET")
    stream = "\n".join(lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Title ({_pdf_text(title)}) >>".encode("latin-1"),
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    output += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(output)


def ensure_pdf_document(title, filename, paragraphs):
    """The Wagtail document called ``title``, written as a one-page PDF when missing."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).order_by("pk").first()
    if document is None:
        document = document_model(title=title)
        _attach_file(document, filename, simple_pdf(title, paragraphs))
        document._set_document_file_metadata()
        document.save()
    return document


def simple_docx(title, paragraphs, language="fi"):
    """A Word document with a heading and paragraphs, written with python-docx."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = language
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def simple_odt(title, paragraphs, language="fi"):
    """An OpenDocument text with a heading and paragraphs, written with odfpy."""
    from odf import dc
    from odf import text as odf_text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=title))
    document.meta.addElement(dc.Language(text=language))
    document.text.addElement(odf_text.H(outlinelevel=1, text=title))
    for paragraph in paragraphs:
        document.text.addElement(odf_text.P(text=paragraph))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


FILE_WRITERS = {"pdf": simple_pdf, "docx": simple_docx, "odt": simple_odt}


def ensure_document(title, filename, paragraphs, description="", language=""):
    """The document called ``title``, written as PDF, DOCX or ODT (by the file name)."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).order_by("pk").first()
    if document is None:
        kind = filename.rsplit(".", 1)[-1]
        writer = FILE_WRITERS[kind]
        data = (writer(title, paragraphs) if kind == "pdf"
                else writer(title, paragraphs, language or "fi"))
        document = document_model(title=title, description=description, language=language)
        _attach_file(document, filename, data)
        document._set_document_file_metadata()
        document.save()
    elif (document.description, document.language) != (description, language):
        document.description, document.language = description, language
        document.save(update_fields=["description", "language", "updated_at"])
    return document
