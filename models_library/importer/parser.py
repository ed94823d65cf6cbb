"""Parse the text of an Innokylä page (an operating model or a programme).

The input is what a browser gives when a page is saved as text or copied, or
the page's HTML. Field labels stand on their own lines ("Toimintamallin nimi",
"Luotu", ...) and their values follow until the next label. Description
sections have headings, "**" marking required ones. The text is full of icon
noise ("icon/chevron-down Created with Sketch. Perustiedot") and often ends
abruptly.

The parser is deliberately lossless: every line that is not noise, a label or
blank ends up in some value of the result. Unknown text is kept in the field
or section it follows; unknown headings become sections with the key "other".

Pure Python: no Django imports. Warnings are ParserWarning objects (English
text plus the message template and its parameters): the Django layer translates
them for the editor who reads them.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from portal.text import HTMLNestingError, clean_line, html_to_text

from .decoding import ImportInputError
from .messages import ParserWarning, gettext_noop

OPERATING_MODEL = "operating_model"
PROGRAMME = "programme"

STAGE_DEVELOPING = "developing"
STAGE_READY = "ready"
STAGE_EVALUATED = "evaluated"

OTHER_SECTION = "other"

# Label table -----------------------------------------------------------------

GROUP = "group"
SECTION_PREFIX = "section:"


@dataclass(frozen=True)
class LabelSpec:
    """What a label means.

    target: a ParsedDescription field name, "section:<key>" or "group".
    kind: the page kind the label is typical of ("" when used by both).
    weak: a common word that may also be a tag value ("Arviointi"); recognised
        as a heading inside the tag area only when marked with "**" or ":".
    """

    target: str
    kind: str = ""
    weak: bool = False

    @property
    def section_key(self) -> str:
        return self.target.removeprefix(SECTION_PREFIX) if self.is_section else ""

    @property
    def is_section(self) -> bool:
        return self.target.startswith(SECTION_PREFIX)


def _section(key: str, kind: str, weak: bool = False) -> LabelSpec:
    return LabelSpec(SECTION_PREFIX + key, kind, weak)


OM, PG = OPERATING_MODEL, PROGRAMME

# Keys are case-folded labels without the "**" marker and trailing colon.
LABELS: dict[str, LabelSpec] = {
    # Group headers (collapsible parts of the page).
    "perustiedot": LabelSpec(GROUP),
    "toimintamallin kuvaus": LabelSpec(GROUP, OM),
    "kokonaisuuden kuvaus": LabelSpec(GROUP, PG),
    # Basic data.
    "toimintamallin nimi": LabelSpec("title", OM),
    "kokonaisuuden nimi": LabelSpec("title", PG),
    "toimintamallin lyhyt kuvaus": LabelSpec("short_description", OM),
    "kokonaisuuden lyhyt kuvaus": LabelSpec("short_description", PG),
    "lyhyt kuvaus": LabelSpec("short_description"),
    "toteutuspaikka": LabelSpec("implementation_place"),
    "rahoittaja": LabelSpec("funders"),
    "rahoittajat": LabelSpec("funders"),
    "toimintamallin rahoittaja": LabelSpec("funders", OM),
    "kokonaisuuden rahoittaja": LabelSpec("funders", PG),
    "toimintamallin kokonaisuus": LabelSpec("programme_name", OM),
    "tekijä": LabelSpec("authors"),
    "tekijät": LabelSpec("authors"),
    "luotu": LabelSpec("created_text"),
    "viimeksi muokattu": LabelSpec("modified_text"),
    "muokattu": LabelSpec("modified_text"),
    "viimeksi päivitetty": LabelSpec("modified_text"),
    "yhteyshenkilö": LabelSpec("contact_name"),
    "yhteyshenkilön nimi": LabelSpec("contact_name"),
    "yhteyshenkilön organisaatio": LabelSpec("contact_organisation"),
    "yhteyshenkilön sähköpostiosoite": LabelSpec("contact_email"),
    "yhteyshenkilön sähköposti": LabelSpec("contact_email"),
    "toimiaika": LabelSpec("period_text", PG),
    "toiminta-aika": LabelSpec("period_text", PG),
    "toimijat": LabelSpec("partners", PG),
    "liitetiedostot ja linkit": LabelSpec("attachments_text"),
    "liitteet ja linkit": LabelSpec("attachments_text"),
    "kansikuva": LabelSpec("cover_image_alt"),
    # Tag area.
    "kehittämisen vaihe": LabelSpec("stage_text", OM),
    "aihealueet": LabelSpec("topics_text"),
    "aihealue": LabelSpec("topics_text"),
    "kohderyhmä": LabelSpec("target_groups_text"),
    "kohderyhmät": LabelSpec("target_groups_text"),
    "ilmiöt": LabelSpec("phenomena_text"),
    "ilmiö": LabelSpec("phenomena_text"),
    # Operating model sections.
    "ratkaisun perusidea": _section("basic_idea", OM),
    "toimintaympäristö": _section("operating_environment", OM),
    "toimivuuden ja käyttöönoton ehdot": _section("conditions", OM),
    "kohderyhmä ja asiakasymmärrys": _section("target_group_insight", OM),
    "toteutus": _section("implementation", OM, weak=True),
    "toimintamallin toteutus": _section("implementation", OM),
    "käytännön toteutus": _section("implementation", OM),
    "resurssit": _section("resources", OM, weak=True),
    "resurssit ja kustannukset": _section("resources", OM),
    "arviointi ja vaikutukset": _section("evaluation", OM),
    "arviointi": _section("evaluation", OM, weak=True),
    "vaikutukset": _section("evaluation", OM, weak=True),
    "vaikuttavuus": _section("evaluation", OM, weak=True),
    "juurruttaminen": _section("embedding", OM, weak=True),
    "juurtuminen": _section("embedding", OM, weak=True),
    "levittäminen": _section("embedding", OM, weak=True),
    "juurruttaminen ja levittäminen": _section("embedding", OM),
    # Programme sections.
    "kokonaisuuden tarkoitus ja tavoitteet": _section("purpose", PG),
    "lähtötilanne ja strategiset liittymäkohdat": _section("starting_point", PG),
    "päämäärä ja päätavoite": _section("goal", PG),
    "tavoiteltavat tulokset, tuotokset ja vaikutukset": _section("intended_results", PG),
}

# Older and newer versions of the place label: "Paikkakunta tai maakunta",
# "Paikkakunta, maakunta tai hyvinvointialue", "Maakunta tai hyvinvointialue", ...
_PLACE_WORD = r"(?:paikkakunta|kunta|maakunta|hyvinvointialue|alue|kaupunki)"
_PLACE_LABEL = re.compile(rf"^(?:paikkakunta|{_PLACE_WORD}(?:\s*(?:,|tai|ja)\s*{_PLACE_WORD})+)$")
_PLACE_SPEC = LabelSpec("place_text")

SECTION_KEYS = {
    OPERATING_MODEL: (
        "basic_idea",
        "operating_environment",
        "conditions",
        "target_group_insight",
        "implementation",
        "resources",
        "evaluation",
        "embedding",
    ),
    PROGRAMME: ("purpose", "starting_point", "goal", "intended_results"),
}

# Fields by the shape of their value.
SINGLE_LINE_FIELDS = frozenset(
    {
        "title",
        "implementation_place",
        "place_text",
        "programme_name",
        "created_text",
        "modified_text",
        "contact_name",
        "contact_organisation",
        "contact_email",
        "cover_image_alt",
        "stage_text",
    }
)
LIST_FIELDS = frozenset({"funders", "authors"})
TAG_FIELDS = frozenset({"topics_text", "target_groups_text", "phenomena_text"})
# Labels that are recognised as "Label: value" even inside a section's text.
_INLINE_ANYWHERE = frozenset(
    {
        "title",
        "created_text",
        "modified_text",
        "contact_name",
        "contact_organisation",
        "contact_email",
    }
)

_STAGES = (
    (STAGE_DEVELOPING, ("kehitteillä", "being developed", "in development", "under development")),
    (STAGE_READY, ("käyttövalmis", "valmis", "ready")),
    (STAGE_EVALUATED, ("arvioitu", "evaluated")),
)
_NO_PHENOMENON = "ei liity ilmiöön"

# Line cleaning ---------------------------------------------------------------

_ICON_NOISE = re.compile(
    r"^(?:icon/(?P<icon>[\w./-]+)\s*)?Created with Sketch\.?\s*", re.IGNORECASE
)
_BARE_ICON = re.compile(r"^icon/(?P<icon>[\w./-]+)(?:\s+|$)", re.IGNORECASE)
_REQUIRED_MARKER = re.compile(r"(?:\s+\*{1,2}|\*\*)\s*$")
_BULLET = re.compile(r"^(?:[•◦▪▫●○‣∙·]|[-–—*](?=\s))\s*")
_SENTENCE_END = tuple('.!?…)"”»')
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

MAX_HEADING_LENGTH = 80
MAX_HEADING_WORDS = 10
MAX_UNKNOWN_LABEL_LENGTH = 60
MAX_LABEL_LENGTH = 2 * max(len(label) for label in LABELS)  # leaves room for extra spaces


def _lines(text: str) -> list[str]:
    """The input's lines in Unicode NFC; HTML is turned into text first."""
    if looks_like_html(text):
        try:
            text = html_to_text(text)
        except HTMLNestingError:
            raise ImportInputError(
                gettext_noop("The HTML page is nested too deeply to be read.")
            ) from None
    return unicodedata.normalize("NFC", text).splitlines()


def _normalise_bullet(line: str) -> str:
    """Write any bullet ("•", "  •", "- ", "•Text") as "• "."""
    stripped, count = _BULLET.subn("", line, count=1)
    return f"• {stripped}" if count and stripped else line


def _strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1).strip()


def _squash(text: str) -> str:
    """Whitespace-normalise text for comparisons."""
    return " ".join(text.split())


def _label_key(text: str) -> str:
    return _squash(text).casefold()


def lookup_label(text: str) -> LabelSpec | None:
    """The LabelSpec of a label as written ("Luotu", "TEKIJÄ:", ...), or None."""
    if len(text) > MAX_LABEL_LENGTH:
        return None  # a quick exit for body text
    key = _label_key(text)
    if key in LABELS:
        return LABELS[key]
    if _PLACE_LABEL.match(key):
        return _PLACE_SPEC
    return None


@dataclass(frozen=True)
class _Line:
    """One input line, classified without context."""

    text: str = ""  # cleaned text without icon noise ("" for a blank line)
    icon: str = ""  # name of the icon removed from the start, e.g. "bulb"
    group: str = ""  # group header name ("Perustiedot"), if this is one
    label: LabelSpec | None = None
    heading: str = ""  # the text without the "**" marker and trailing colon
    marked: bool = False  # ended with the required-field marker "**"
    colon: bool = False  # the label ended with ":"
    inline_value: str = ""  # value after "Label:" on the same line

    @property
    def is_blank(self) -> bool:
        return not self.text and not self.group


def _classify(raw: str) -> _Line:
    text = clean_line(raw)
    icon = ""
    while match := (_ICON_NOISE.match(text) or _BARE_ICON.match(text)):
        icon = icon or (match.group("icon") or "").lower()
        text = text[match.end() :].strip()
    if not text:
        return _Line(icon=icon)

    marked = text.endswith("*") and bool(_REQUIRED_MARKER.search(text))
    heading = _REQUIRED_MARKER.sub("", text) if marked else text
    colon = heading.endswith(":")
    heading = heading.rstrip(":").rstrip()
    spec = lookup_label(heading)
    if icon.startswith("chevron") or (spec and spec.target == GROUP):
        return _Line(text=text, icon=icon, group=heading)
    if spec:
        return _Line(text=text, icon=icon, label=spec, heading=heading, marked=marked, colon=colon)

    if inline := _split_inline_label(raw, text):
        name, spec, value = inline
        return _Line(text=text, icon=icon, label=spec, heading=name, colon=True, inline_value=value)
    return _Line(text=text, icon=icon, heading=heading, marked=marked, colon=colon)


def _split_inline_label(raw: str, text: str) -> tuple[str, LabelSpec, str] | None:
    """("Luotu", spec, "3.4.2022") for "Luotu: 3.4.2022" or "Luotu<TAB>3.4.2022"."""
    candidates = [raw.partition("\t")]
    colon = text.find(":", 0, MAX_LABEL_LENGTH + 1)  # labels are short
    if colon >= 0:
        candidates.append((text[:colon], ":", text[colon + 1 :]))
    for name, separator, value in candidates:
        name, value = clean_line(name).rstrip(":").rstrip(), clean_line(value)
        if separator and value and (spec := lookup_label(name)) and spec.target != GROUP:
            return name, spec, value
    return None


def _is_title_like(text: str, max_length: int = MAX_HEADING_LENGTH) -> bool:
    """A short heading-like line: capitalised, few words, no final punctuation."""
    return (
        0 < len(text) <= max_length
        and len(text.split()) <= MAX_HEADING_WORDS
        and text[0].isupper()
        and text[-1] not in ".,;:!?-–—"
        and not _BULLET.match(text)
        and "@" not in text
        and "://" not in text
    )


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


# Result ----------------------------------------------------------------------


@dataclass
class Section:
    """A description section. key is a known section key or "other"."""

    key: str
    heading: str
    text: str
    required: bool = False


@dataclass
class ParsedDescription:
    """The values of one Innokylä page, as plain text (never markup)."""

    kind: str  # OPERATING_MODEL or PROGRAMME
    title: str = ""
    teaser: str = ""  # text above "Perustiedot"; "" when it repeats short_description
    short_description: str = ""
    implementation_place: str = ""
    place_text: str = ""
    funders: list[str] = field(default_factory=list)
    programme_name: str = ""
    authors: list[str] = field(default_factory=list)
    created: date | None = None
    created_text: str = ""
    modified: date | None = None
    modified_text: str = ""
    contact_name: str = ""
    contact_organisation: str = ""
    contact_email: str = ""
    period_text: str = ""
    start_date: date | None = None
    end_date: date | None = None
    partners: str = ""
    attachments_text: str = ""
    cover_image_alt: str = ""
    stage: str = ""  # STAGE_DEVELOPING, STAGE_READY, STAGE_EVALUATED or ""
    stage_text: str = ""
    topics: list[str] = field(default_factory=list)
    topics_text: str = ""
    target_groups: list[str] = field(default_factory=list)
    target_groups_text: str = ""
    phenomena: list[str] = field(default_factory=list)
    phenomena_text: str = ""
    sections: list[Section] = field(default_factory=list)
    warnings: list[ParserWarning] = field(default_factory=list)
    # Normally empty: unknown text is kept in the field or section it follows.
    unmatched_lines: list[str] = field(default_factory=list)

    def section(self, key: str) -> Section | None:
        """The first section with this key, or None."""
        return next((section for section in self.sections if section.key == key), None)

    def section_text(self, key: str) -> str:
        """The text of all sections with this key, separated by blank lines."""
        return "\n\n".join(s.text for s in self.sections if s.key == key and s.text)

    def all_values_text(self) -> str:
        """Every parsed value joined by line breaks (used to check losslessness)."""
        return "\n".join(part for part in self._value_parts() if part)

    def _value_parts(self) -> list[str]:
        """All text values; the title comes first."""
        parts = [
            self.title,
            self.teaser,
            self.short_description,
            self.implementation_place,
            self.place_text,
            *self.funders,
            self.programme_name,
            *self.authors,
            self.created_text,
            self.modified_text,
            self.contact_name,
            self.contact_organisation,
            self.contact_email,
            self.period_text,
            self.partners,
            self.attachments_text,
            self.cover_image_alt,
            self.stage_text,
            self.topics_text,
            self.target_groups_text,
            self.phenomena_text,
        ]
        for section in self.sections:
            parts += [section.heading, section.text]
        return parts + self.unmatched_lines


def meaningful_lines(text: str) -> list[str]:
    """The input's lines without noise, labels, markers, bullets and blank lines."""
    result = []
    for raw in _lines(text):
        line = _classify(raw)
        if line.is_blank or line.group:
            continue
        value = line.inline_value if line.label else _REQUIRED_MARKER.sub("", line.text)
        value = _squash(_strip_bullet(value))
        if value:
            result.append(value)
    return result


# Parsing ---------------------------------------------------------------------

_TEASER, _BASIC, _DESCRIPTION = "teaser", "basic", "description"


@dataclass
class _Buffer:
    """Lines collected for one field or section ("" stands for a blank line)."""

    name: str  # field name or section key
    heading: str = ""
    is_section: bool = False
    required: bool = False
    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.append(text)

    def has_text(self) -> bool:
        return any(self.lines)

    def last_text(self) -> str:
        return next((line for line in reversed(self.lines) if line), "")

    def single_line(self) -> str:
        return " ".join(line for line in self.lines if line)

    def block(self) -> str:
        """Paragraphs separated by one blank line, lines kept as written."""
        paragraphs: list[list[str]] = [[]]
        for line in self.lines:
            if line:
                paragraphs[-1].append(line)
            elif paragraphs[-1]:
                paragraphs.append([])
        return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs if paragraph)

    def items(self) -> list[str]:
        return _unique(_strip_bullet(line) for line in self.lines if _strip_bullet(line))


class _Builder:
    """Walks the classified lines and collects them into buffers."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.zone = _TEASER
        self.group = ""
        self.teaser = _Buffer("teaser")
        self.fields: dict[str, _Buffer] = {}
        self.sections: list[_Buffer] = []
        self.target: _Buffer | None = None
        self.last_filled: _Buffer | None = None
        self.labels_started: list[tuple[_Buffer, str]] = []
        self.labels_seen: set[str] = set()
        self.kind_votes: list[str] = []
        self.name_kind = ""

    # Walking

    def run(self) -> "_Builder":
        for index, line in enumerate(self.lines):
            if line.group:
                self._start_group(line.group)
            elif line.is_blank:
                self._add_blank()
            elif spec := self._accepted_label(line):
                self._start_label(line, spec)
            elif heading := self._unknown_heading(index, line):
                self._start_section(OTHER_SECTION, heading, required=line.marked)
            elif heading := self._unknown_basic_label(index, line):
                self._start_section(OTHER_SECTION, heading, required=False)
            else:
                self._add_value(line)
        return self

    def _start_group(self, name: str) -> None:
        spec = lookup_label(name)
        if spec:
            self.labels_seen.add(_label_key(name))
        if spec and spec.kind:  # "Toimintamallin kuvaus", "Kokonaisuuden kuvaus"
            self.kind_votes.append(spec.kind)
            self.zone = _DESCRIPTION
        elif spec or self.zone == _TEASER:  # "Perustiedot", or any group at the top
            self.zone = _BASIC
        self.group = name
        self.target = None

    def _accepted_label(self, line: _Line) -> LabelSpec | None:
        spec = line.label
        if spec is None:
            return None
        in_tags = self.target is not None and self.target.name in TAG_FIELDS
        if spec.weak and in_tags and not (line.marked or line.colon):
            return None
        in_section = self.target is not None and self.target.is_section
        if line.inline_value and in_section and spec.target not in _INLINE_ANYWHERE:
            return None
        return spec

    def _start_label(self, line: _Line, spec: LabelSpec) -> None:
        self.labels_seen.add(_label_key(line.heading))
        if spec.kind:
            self.kind_votes.append(spec.kind)
        if spec.target == "title" and not self.name_kind:
            self.name_kind = spec.kind
        if self.zone == _TEASER:
            self.zone = _BASIC
        if spec.is_section:
            self._start_section(spec.section_key, line.heading, required=line.marked)
        else:
            buffer = self.fields.setdefault(spec.target, _Buffer(spec.target, line.heading))
            if buffer.has_text():
                buffer.add("")
            self.target = buffer
            self.labels_started.append((buffer, line.heading))
        if line.inline_value:
            self._add_text(line.inline_value)

    def _start_section(self, key: str, heading: str, required: bool) -> None:
        buffer = _Buffer(key, heading, is_section=True, required=required)
        self.sections.append(buffer)
        self.target = buffer
        if key != OTHER_SECTION:
            self.zone = _DESCRIPTION
        elif self.zone == _TEASER:
            self.zone = _BASIC

    def _add_blank(self) -> None:
        buffer = self.teaser if self.zone == _TEASER else self.target
        if buffer is not None and buffer.lines:
            buffer.add("")

    def _add_value(self, line: _Line) -> None:
        stage = self.fields.get("stage_text")
        if line.icon and _map_stage(line.text) and (stage is None or not stage.has_text()):
            # "icon/bulb Created with Sketch. Kehitteillä" without its label.
            self.target = self.fields.setdefault("stage_text", _Buffer("stage_text"))
        elif self.zone != _TEASER and self.target is None:
            # Text right after a group header: keep it under the group's name.
            self._start_section(OTHER_SECTION, self.group, required=False)
        self._add_text(line.text)

    def _add_text(self, text: str) -> None:
        buffer = self.teaser if self.zone == _TEASER else self.target
        assert buffer is not None
        buffer.add(_normalise_bullet(text))
        self.last_filled = buffer

    # Unknown headings and labels

    def _unknown_heading(self, index: int, line: _Line) -> str:
        """A heading the label table does not know, in the description area.

        Either a short line marked "**", or a title-like line between blank
        lines that follows a finished paragraph of a section and precedes body
        text. Anything else stays in the current section's text.
        """
        heading = line.heading
        if line.marked and len(heading) <= MAX_HEADING_LENGTH and not heading.endswith("."):
            return heading
        if self.zone != _DESCRIPTION or self.target is None or not self.target.is_section:
            return ""
        between_blanks = self._blank_at(index - 1) and self._blank_at(index + 1)
        if not (_is_title_like(line.text) and between_blanks):
            return ""
        if not _ends_sentence(self.target.last_text()):
            return ""
        following = self._next_line(index)
        if following is None or following.label or following.group or following.marked:
            return ""
        is_body = not _is_title_like(following.text) and not _BULLET.match(following.text)
        return line.text if is_body else ""

    def _unknown_basic_label(self, index: int, line: _Line) -> str:
        """An unknown label among the basic data, e.g. "Verkkosivusto".

        Recognised only after a one-line field that already has its value, when
        the label-like line is followed by a value line.
        """
        target = self.target
        if self.zone != _BASIC or target is None or target.is_section:
            return ""
        if target.name not in SINGLE_LINE_FIELDS or not target.has_text():
            return ""
        heading = line.heading if line.colon else line.text
        if not _is_title_like(heading, MAX_UNKNOWN_LABEL_LENGTH):
            return ""
        following = self._next_line(index)
        if following is None or following.label or following.group or following.marked:
            return ""
        return heading

    def _blank_at(self, index: int) -> bool:
        return index < 0 or index >= len(self.lines) or self.lines[index].is_blank

    def _next_line(self, index: int) -> _Line | None:
        for following in range(index + 1, len(self.lines)):
            if not self.lines[following].is_blank:
                return self.lines[following]
        return None

    # Results

    def kind(self) -> str:
        if self.name_kind:
            return self.name_kind
        known = self.labels_seen - {"perustiedot"}
        if len(known) < 3 or not self.kind_votes:
            return ""
        om_votes = self.kind_votes.count(OPERATING_MODEL)
        programme_votes = self.kind_votes.count(PROGRAMME)
        if om_votes != programme_votes:
            return OPERATING_MODEL if om_votes > programme_votes else PROGRAMME
        return self.kind_votes[0]

    def value(self, name: str) -> _Buffer:
        return self.fields.get(name) or _Buffer(name)


def parse(text: str) -> ParsedDescription:
    """Parse an Innokylä page given as plain text or HTML.

    Raises ImportInputError when the text is not an Innokylä page or has only
    a title.
    """
    builder = _Builder([_classify(raw) for raw in _lines(text)]).run()
    kind = builder.kind()
    if not kind:
        raise ImportInputError(gettext_noop(
            "This does not look like an Innokylä page: "
            "no operating model or programme fields were found."
        ))

    result = ParsedDescription(kind=kind)
    _fill_fields(result, builder)
    _fill_teaser_and_title(result, builder)
    result.sections = [
        Section(buffer.name, buffer.heading, buffer.block(), buffer.required)
        for buffer in builder.sections
    ]
    _add_warnings(result, builder)

    if not result.title:
        raise ImportInputError(
            gettext_noop("The page has no name (Toimintamallin nimi or Kokonaisuuden nimi).")
        )
    if not _has_content_besides_title(result):
        raise ImportInputError(gettext_noop("The page has only a title and no other content."))
    return result


def _fill_fields(result: ParsedDescription, builder: _Builder) -> None:
    for name in SINGLE_LINE_FIELDS:
        setattr(result, name, builder.value(name).single_line())
    for name in LIST_FIELDS:
        setattr(result, name, builder.value(name).items())
    for name in ("short_description", "period_text", "partners", "attachments_text", *TAG_FIELDS):
        setattr(result, name, builder.value(name).block())

    result.created = parse_date(result.created_text)
    result.modified = parse_date(result.modified_text)
    result.start_date, result.end_date = parse_period(result.period_text)
    result.stage = _map_stage(result.stage_text)
    result.topics = split_tags(result.topics_text)
    result.target_groups = split_tags(result.target_groups_text)
    if _squash(result.phenomena_text).casefold().rstrip(".") != _NO_PHENOMENON:
        result.phenomena = split_tags(result.phenomena_text)


def _fill_teaser_and_title(result: ParsedDescription, builder: _Builder) -> None:
    lines = builder.teaser.lines[:]
    first = next((line for line in lines if line), "")
    if not result.title and first and len(first) <= 150 and not first.endswith("."):
        result.title = first
        result.warnings.append(ParserWarning(gettext_noop(
            "The name was not found: the first line of the page was used as the title."
        )))
    if first and result.title and _squash(first) == _squash(result.title):
        lines.remove(first)
    teaser = _Buffer("teaser", lines=lines).block()
    if _squash(teaser) == _squash(result.short_description):
        teaser = ""
    result.teaser = teaser


def _add_warnings(result: ParsedDescription, builder: _Builder) -> None:
    warnings = result.warnings

    def warn(template: str, **params) -> None:
        warning = ParserWarning(template, **params)
        if warning not in warnings:
            warnings.append(warning)

    for buffer, heading in builder.labels_started:
        if not buffer.has_text():
            warn(gettext_noop("Label '%(label)s' has no value."), label=heading)
    for label, text, parsed in (
        ("Luotu", result.created_text, result.created),
        ("Viimeksi muokattu", result.modified_text, result.modified),
    ):
        if text and parsed is None:
            warn(gettext_noop("Could not read the date of '%(label)s': %(value)s"),
                 label=label, value=text)
    if result.period_text and result.start_date is None:
        warn(gettext_noop("Could not read the start and end dates from 'Toimiaika'."))
    if result.start_date and result.end_date and result.start_date > result.end_date:
        warn(gettext_noop("'Toimiaika' ends before it starts."))
    if result.stage_text and not result.stage:
        warn(gettext_noop("Unknown development stage: %(value)s"), value=result.stage_text)
    if result.contact_email and not _EMAIL.match(result.contact_email):
        warn(gettext_noop("The contact e-mail address looks invalid: %(value)s"),
             value=result.contact_email)

    last = builder.last_filled
    if last is not None and last.is_section:
        final_line = last.last_text()
        if not _ends_sentence(final_line) and not final_line.startswith("• "):
            warn(gettext_noop("The page seems to be cut off: the last section ends mid-sentence."))
    if not ({"luotu", "viimeksi muokattu"} & builder.labels_seen):
        warn(gettext_noop(
            "The page may be incomplete: 'Luotu' and 'Viimeksi muokattu' are missing."
        ))
    tag_fields = {"stage_text", *TAG_FIELDS}
    if result.kind == OPERATING_MODEL and not tag_fields & builder.fields.keys():
        warn(gettext_noop(
            "The page may be cut off: the development stage, topics and target groups are missing."
        ))


def _has_content_besides_title(result: ParsedDescription) -> bool:
    return any(part.strip() for part in result._value_parts()[1:])


# Values ----------------------------------------------------------------------

_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A full date, a month (9/2020 or 9.2020) or a year, for periods.
_PERIOD_TOKEN = re.compile(
    r"(?<![\d.])(?:(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})"
    r"|(?P<m_month>\d{1,2})[./](?P<m_year>\d{4})"
    r"|(?P<y_year>(?:19|20)\d{2}))(?![\d])"
)
_RANGE_SEPARATOR = re.compile(r"^\s*(?:[-–—]|to)\s*$", re.IGNORECASE)


def parse_date(text: str) -> date | None:
    """The first d.m.yyyy (or yyyy-mm-dd) date in text, or None."""
    if match := _DATE.search(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.search(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_period(text: str) -> tuple[date | None, date | None]:
    """Start and end of a period such as "1.9.2020-31.12.2022 (...)" or "vuodet 2021-2022".

    Uses the first "X - Y" range of dates, months or years; otherwise the first
    two full dates. Years and months stand for their first and last days.
    """
    tokens = list(_PERIOD_TOKEN.finditer(text))
    for first, second in zip(tokens, tokens[1:], strict=False):
        if _RANGE_SEPARATOR.match(text[first.end() : second.start()]):
            start, end = _token_date(first, start=True), _token_date(second, start=False)
            if start and end:
                return start, end
    dates = [
        parsed
        for token in tokens
        if token.group("day") and (parsed := _token_date(token, start=True))
    ]
    if len(dates) >= 2:
        return dates[0], dates[1]
    return None, None


def _token_date(token: re.Match, start: bool) -> date | None:
    try:
        if token.group("day"):
            day, month, year = (int(token.group(name)) for name in ("day", "month", "year"))
            return date(year, month, day)
        if token.group("m_month"):
            year, month = int(token.group("m_year")), int(token.group("m_month"))
            if start:
                return date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        year = int(token.group("y_year"))
        return date(year, 1, 1) if start else date(year, 12, 31)
    except ValueError:
        return None


def _map_stage(text: str) -> str:
    key = _squash(text).casefold()
    for stage, names in _STAGES:
        if key.startswith(names):
            return stage
    return ""


def split_tags(text: str) -> list[str]:
    """Split a tag value into tags.

    Tags are one per line or joined by spaces on one line
    ("Työkyky Osatyökykyisyys Asiakas- ja palveluohjaus"): a new tag starts at
    each capitalised word, so lower-case words and hyphenated compounds stay
    with the tag before them.
    """
    tags: list[str] = []
    for line in text.splitlines():
        current: list[str] = []
        for word in _strip_bullet(line).split():
            starts_tag = word[0].isupper() and current and not current[-1].endswith("-")
            if starts_tag:
                tags.append(" ".join(current))
                current = []
            current.append(word)
        if current:
            tags.append(" ".join(current))
    return _unique(tag.strip(" ,;") for tag in tags)


def _unique(items) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


# HTML --------------------------------------------------------------------------

_HTML_TAG = re.compile(
    r"</?(?:!doctype|html|head|body|div|p|span|h[1-6]|ul|ol|li|br|a|table|tr|td|section"
    r"|article|main|header|footer|nav|script|style|strong|em|b|i|img|svg|dl|dt|dd)\b[^<>]*>",
    re.IGNORECASE,
)

def looks_like_html(text: str) -> bool:
    """True when the text contains HTML tags (at least two)."""
    matches = _HTML_TAG.finditer(text[:200_000])
    return next(matches, None) is not None and next(matches, None) is not None
