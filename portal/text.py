"""Small text helpers: values from visitors shown back to them, and HTML as plain text.

``html_to_text`` is the project's one way to turn HTML into text: the Innokylä
importer reads HTML pages with it, and tests read rendered rich text back with it.
"""

import re

from lxml import etree
from lxml import html as lxml_html

# C0 and C1 control characters and DEL; tab, newline and carriage return are kept.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(value):
    return bool(CONTROL_CHARACTERS.search(value))


def strip_control_characters(value):
    """``value`` without control characters, for echoing a visitor's input back."""
    return CONTROL_CHARACTERS.sub("", value)


# Line cleaning --------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_WHITESPACE_RUN = re.compile(r"\s+")


def clean_line(line: str) -> str:
    """Normalise the whitespace of one line and drop invisible characters."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


# HTML to text ---------------------------------------------------------------------


class HTMLNestingError(ValueError):
    """The HTML is nested deeper than the parser can read without losing text."""


# Elements dropped with everything inside them (site menus included).
_SKIPPED_ELEMENTS = frozenset(
    {"head", "title", "script", "style", "noscript", "svg", "iframe", "template", "object",
     "embed", "canvas", "select", "math", "nav"}
)  # fmt: skip
# Elements separated from their surroundings by a blank line or a line break.
_PARAGRAPH_ELEMENTS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
     "section", "article", "header", "footer", "main", "nav", "aside", "dl", "figure", "form",
     "fieldset", "details", "address", "hr"}
)  # fmt: skip
_LINE_ELEMENTS = frozenset(
    {"div", "tr", "td", "th", "dt", "dd", "caption", "figcaption", "summary", "legend",
     "label", "button", "body"}
)  # fmt: skip


def html_to_text(html: str) -> str:
    """Plain text of an HTML page: no markup, scripts or styles survive.

    Block elements and <br> become line breaks, list items "• " lines, images
    their alt text, and links keep their text followed by the address:
    "text (https://...)".
    """
    if not html.strip():
        return ""
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=parser)
    except etree.ParserError:  # nothing but whitespace or comments
        return ""
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # libxml2 stops at about 2,000 nested elements: refuse rather than lose text.
        raise HTMLNestingError("The HTML is nested too deeply to be read.")
    collector = _TextCollector()
    # Iterative walk: deeply nested pages must not hit the recursion limit.
    stack: list[tuple[lxml_html.HtmlElement, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        if closing:
            collector.close(element)
            collector.add(element.tail)
        elif not isinstance(element.tag, str) or element.tag in _SKIPPED_ELEMENTS:
            collector.add(element.tail)  # entities, <script> and the like: only what follows
        else:
            collector.open(element)
            collector.add(element.text)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
    return _join_text_lines("".join(collector.parts))


class _TextCollector:
    """Text pieces of an HTML tree, with line breaks for its elements."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_starts: dict[int, int] = {}  # id(<a>) -> index of its first text piece

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(_WHITESPACE_RUN.sub(" ", text))

    def open(self, element: lxml_html.HtmlElement) -> None:
        name = element.tag
        if name == "br":
            self.parts.append("\n")
        elif name == "li":
            self.parts.append("\n• ")
        elif name == "img":
            if alt := str(element.get("alt") or "").strip():
                self.parts.append(f"\n{alt}\n")
        elif name == "a":
            self.link_starts[id(element)] = len(self.parts)
        elif name in _PARAGRAPH_ELEMENTS:
            self.parts.append("\n\n")
        elif name in _LINE_ELEMENTS:
            self.parts.append("\n")

    def close(self, element: lxml_html.HtmlElement) -> None:
        name = element.tag
        if name == "a":
            link_text = "".join(self.parts[self.link_starts.pop(id(element)) :])
            address = _link_address(str(element.get("href") or ""))
            if address and address not in link_text:
                self.parts.append(f" ({address})" if link_text.strip() else address)
        elif name in _PARAGRAPH_ELEMENTS:
            self.parts.append("\n\n")
        elif name in _LINE_ELEMENTS:
            self.parts.append("\n")


def _link_address(href: str) -> str:
    """The address worth showing: absolute web addresses and e-mail addresses only."""
    href = href.strip()
    if href.lower().startswith("mailto:"):
        return href[len("mailto:") :].split("?")[0]
    if re.match(r"https?://", href, re.IGNORECASE):
        return href
    return ""  # relative, javascript: and fragment links keep their text only


def _join_text_lines(text: str) -> str:
    result: list[str] = []
    pending_bullet = False  # "<li><p>text</p></li>" leaves the bullet on a line of its own
    for raw in text.split("\n"):
        line = clean_line(raw)
        if line == "•" or (pending_bullet and not line):
            pending_bullet = True
            continue
        if line and pending_bullet:
            line, pending_bullet = f"• {line}", False
        if line or (result and result[-1]):
            result.append(line)
    return "\n".join(result).strip()
