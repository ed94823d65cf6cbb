"""The certificate as a PDF (fpdf2), with a QR code of its verification address (segno).

The text is built by the caller in the learner's language; this module only lays it
out. The portal's own font (Source Sans 3, OFL, in static/fonts) is embedded so the
Finnish and Swedish letters print as they are. The QR code is drawn as vector squares
from segno's matrix, so it stays sharp at any size and needs no image library.
"""

from pathlib import Path

import segno
from django.conf import settings
from fpdf import FPDF

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
FONTS = {"": "source-sans-3-latin-400-normal.woff2", "B": "source-sans-3-latin-600-normal.woff2"}


def _qr(pdf, text, x, y, size):
    qr = segno.make(text, error="m")
    rows = list(qr.matrix_iter(border=0))
    module = size / len(rows)
    pdf.set_fill_color(0, 0, 0)
    for row_number, row in enumerate(rows):
        for column, dark in enumerate(row):
            if dark:
                pdf.rect(x + column * module, y + row_number * module, module, module,
                         style="F")


def certificate_pdf(*, heading, name, statement, course, facts, certificate_text,
                    verify_label, verify_url, language, title):
    """The PDF's bytes. ``facts`` is a list of (label, value) pairs."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("Työkykyportaali")
    pdf.set_auto_page_break(auto=False)
    for style, file_name in FONTS.items():
        pdf.add_font("SourceSans", style=style, fname=str(FONT_DIR / file_name))
    pdf.add_page()
    width = pdf.w - 2 * 25
    pdf.set_left_margin(25)
    pdf.set_right_margin(25)
    pdf.set_draw_color(0, 84, 139)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)

    pdf.set_xy(25, 40)
    pdf.set_font("SourceSans", "B", 28)
    pdf.multi_cell(width, 12, heading, align="C")
    pdf.ln(14)
    pdf.set_font("SourceSans", "B", 22)
    pdf.multi_cell(width, 10, name, align="C")
    pdf.ln(6)
    pdf.set_font("SourceSans", "", 14)
    pdf.multi_cell(width, 7, statement, align="C")
    pdf.ln(3)
    pdf.set_font("SourceSans", "B", 18)
    pdf.multi_cell(width, 9, course, align="C")
    if certificate_text:
        pdf.ln(6)
        pdf.set_font("SourceSans", "", 12)
        pdf.multi_cell(width, 6, certificate_text, align="C")
    pdf.ln(12)
    for label, value in facts:
        pdf.set_font("SourceSans", "B", 12)
        pdf.cell(60, 8, label)
        pdf.set_font("SourceSans", "", 12)
        pdf.cell(width - 60, 8, value, new_x="LMARGIN", new_y="NEXT")

    qr_size = 40
    top = pdf.h - 25 - qr_size
    _qr(pdf, verify_url, 25, top, qr_size)
    pdf.set_xy(25 + qr_size + 8, top + 8)
    pdf.set_font("SourceSans", "", 11)
    pdf.multi_cell(width - qr_size - 8, 6, verify_label)
    pdf.set_x(25 + qr_size + 8)
    pdf.set_text_color(0, 84, 139)
    # The address on one line where it fits at 8 pt or more (a copied or typed address
    # must not be broken); a longer one wraps.
    size = 11
    while size > 8 and pdf.get_string_width(verify_url) > width - qr_size - 8 - 2 * pdf.c_margin:
        size -= 0.5
        pdf.set_font("SourceSans", "", size)
    pdf.multi_cell(width - qr_size - 8, 6, verify_url, link=verify_url)
    return bytes(pdf.output())
