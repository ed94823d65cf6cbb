"""Turn the parser's plain text into Wagtail rich text.

The input is always plain text (the parser never returns markup), so every
character is escaped: an HTML page's scripts or attributes can never reach a
rich-text field. Structure is rebuilt from the text alone: blank-line separated
paragraphs become ``<p>``, runs of "• " lines become ``<ul><li>``, other line
breaks inside a paragraph become ``<br/>``, and web addresses become links.

Pure Python: no Django models.
"""

import re

from django.utils.html import escape

BULLET = "• "

# A web address up to the next space; trailing punctuation stays outside the link.
_URL = re.compile(r"https?://[^\s<>\"'\u00a0]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}»”’"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def text_to_rich_text(text: str) -> str:
    """Escaped rich-text HTML for plain text; "" for empty text."""
    blocks: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text.strip()):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        blocks.extend(_paragraph_blocks(lines))
    return "".join(blocks)


def _paragraph_blocks(lines: list[str]) -> list[str]:
    """One paragraph's lines: bullet runs as lists, other runs as <p> with <br/>."""
    blocks: list[str] = []
    run: list[str] = []
    run_is_list = False
    for line in lines:
        is_item = line.startswith(BULLET.strip())
        if run and is_item != run_is_list:
            blocks.append(_render_run(run, run_is_list))
            run = []
        run_is_list = is_item
        run.append(line.removeprefix(BULLET.strip()).strip() if is_item else line)
    if run:
        blocks.append(_render_run(run, run_is_list))
    return blocks


def _render_run(lines: list[str], is_list: bool) -> str:
    if is_list:
        items = "".join(f"<li>{inline_html(line)}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    return "<p>" + "<br/>".join(inline_html(line) for line in lines) + "</p>"


def inline_html(text: str) -> str:
    """Escape one line of text and turn its web addresses into links."""
    parts: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        address = match.group(0).rstrip(_URL_TRAILING)
        if not address or "://" not in address or address.endswith("://"):
            continue
        start, end = match.start(), match.start() + len(address)
        parts.append(escape(text[position:start]))
        parts.append(f'<a href="{escape(address)}">{escape(address)}</a>')
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)
