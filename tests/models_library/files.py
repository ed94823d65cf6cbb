"""Tiny files of every kind the document tests need, made in code."""

import io
import zipfile

from models_library.demo_media import simple_docx, simple_odt, simple_pdf

TEXT = ["Työkykykoordinaattori ohjaa asiakkaan palvelupolulle.",
        "Asiakas ja ammattilaiset sopivat yhdessä tuen suunnitelmasta.",
        "Tuki on maksutonta, ja se jatkuu myös työhön paluun jälkeen."]


def pdf(title="Ohje", paragraphs=TEXT):
    return simple_pdf(title, paragraphs)


def docx(title="Ohje", paragraphs=TEXT, language="fi"):
    return simple_docx(title, paragraphs, language)


def odt(title="Ohje", paragraphs=TEXT, language="fi"):
    return simple_odt(title, paragraphs, language)


def encrypted_pdf():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf())))
    writer.encrypt(user_password="salainen", owner_password="omistaja", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def image_only_pdf():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def corrupt_pdf():
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer <<>>\n"


def zip_with(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return output.getvalue()
