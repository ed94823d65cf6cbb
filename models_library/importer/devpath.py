"""Parse the development path ("Kehittämisen polku") and evaluation ("Arviointi") tabs.

A development path, as Innokylä writes it: an optional title line (the model's
name), an optional short description, then sections such as
"Toimintaympäristö **", "Lähtötilanne ja strategiset liittymäkohdat" and the
phases of the work (Innokylä's development tasks: "Kehittäjäjoukon kokoaminen
ja yhteiskehittäminen", problem definition, ideation, modelling, piloting and
evaluation, spreading), each with free text and lists, with page furniture
("Liitteet", "Kuva", "Rahoittajan logo", icon texts) mixed in.

An evaluation tab: criteria, each a heading followed by a rating line
("Täyttyy", "Täyttyy osittain", "Ei täyty") and a note.

Both parsers are lossless like the description parser: every line that is not
furniture, noise or blank ends up in the title, the introduction, a section, or
a criterion; furniture lines are listed in ``dropped``. Unknown headings become
sections of their own with the key "other".

Pure Python: no Django imports.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from .decoding import ImportInputError
from .messages import ParserWarning, gettext_noop
from .parser import (
    OTHER_SECTION,
    Section,
    _Buffer,
    _classify,
    _ends_sentence,
    _is_title_like,
    _lines,
    _normalise_bullet,
    _squash,
    parse_date,
)
from .tabs import DEVELOPMENT_PATH, EVALUATION

OPERATING_ENVIRONMENT = "operating_environment"
STARTING_POINT = "starting_point"
PHASE = "phase"

RATING_GREEN, RATING_YELLOW, RATING_RED = "green", "yellow", "red"

# Known sections of the development path, by case-folded heading (without "**" and ":").
_DEVELOPMENT_SECTIONS = {
    "toimintaympäristö": OPERATING_ENVIRONMENT,
    "toimintaympäristön kuvaus": OPERATING_ENVIRONMENT,
    "lähtötilanne ja strategiset liittymäkohdat": STARTING_POINT,
    "lähtötilanne": STARTING_POINT,
    "strategiset liittymäkohdat": STARTING_POINT,
}
# Phases (Innokylä's development tasks): a heading that is one of these or starts with one.
_PHASES = (
    "kehittäjäjoukon kokoaminen",
    "yhteiskehittäminen",
    "kehittämistyön organisointi",
    "ongelman määrittely",
    "ongelman määrittäminen",
    "tarpeiden tunnistaminen",
    "ideointi",
    "ratkaisujen ideointi",
    "mallinnus",
    "mallintaminen",
    "toimintamallin mallintaminen",
    "pilotointi",
    "kokeilu",
    "testaus",
    "arviointi",
    "levittäminen",
    "juurruttaminen",
    "levittäminen ja juurruttaminen",
)
MAX_PHASE_HEADING = 90

# Lines of page furniture: tab names, attachment and image captions, logos, buttons.
FURNITURE = frozenset({
    "kehittämisen polku", "kuvaus", "toimintamallin kuvaus", "liitteet", "liite",
    "liitteet ja linkit", "kuva", "kuvat", "kuvituskuva", "rahoittajan logo",
    "rahoittajan logot", "rahoittajien logot", "logo", "logot", "näytä lisää",
    "näytä vähemmän", "lataa", "lataa liite", "avaa", "jaa", "tulosta", "takaisin ylös",
    "sulje", "avaa kaikki", "sulje kaikki",
})
_TAB_NAV = frozenset({"kuvaus", "kehittämisen polku", "arviointi"})

_RATINGS = (
    # Longest first: "täyttyy osittain" before "täyttyy".
    ("täyttyy osittain", RATING_YELLOW),
    ("osittain", RATING_YELLOW),
    ("ei täyty", RATING_RED),
    ("ei toteudu", RATING_RED),
    ("toteutuu osittain", RATING_YELLOW),
    ("täyttyy kokonaan", RATING_GREEN),
    ("täyttyy", RATING_GREEN),
    ("toteutuu", RATING_GREEN),
)
_RATING_LABEL = re.compile(r"^(?:arvio|arviointi|tulos|arvosana)\s*:\s*", re.IGNORECASE)
_RATED_ON = re.compile(r"^(?:arvioitu|arviointipäivä|arvioinnin päivämäärä|arviointiaika)\b",
                       re.IGNORECASE)
_EVALUATION_TAIL = frozenset({"yhteenveto", "arvioinnin yhteenveto", "arvioijan kommentit",
                              "kehittäjän kommentit", "arvioinnin perustelut"})
MAX_CRITERION = 300


@dataclass
class Criterion:
    """One evaluation criterion as read: name, rating (green/yellow/red) and note."""

    criterion: str
    rating: str
    rating_text: str
    note: str = ""


@dataclass
class ParsedTab:
    """A development path or evaluation tab of an operating model, as plain text."""

    tab: str  # DEVELOPMENT_PATH or EVALUATION
    title: str = ""
    intro: str = ""
    sections: list[Section] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    rated_on: date | None = None
    rated_on_text: str = ""
    warnings: list[ParserWarning] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # furniture lines left out

    kind = "operating_model"

    @property
    def other_sections(self) -> list[Section]:
        return [section for section in self.sections if section.key == OTHER_SECTION]

    def other_line_count(self) -> int:
        """How many lines of text went to "other" sections."""
        return sum(len([line for line in section.text.splitlines() if line.strip()])
                   for section in self.other_sections)

    def all_values_text(self) -> str:
        parts = [self.title, self.intro, self.rated_on_text]
        for section in self.sections:
            parts += [section.heading, section.text]
        for criterion in self.criteria:
            parts += [criterion.criterion, criterion.rating_text, criterion.note]
        return "\n".join(part for part in parts if part)


def _key(text: str) -> str:
    return _squash(text.replace("*", " ")).casefold().rstrip(":").strip()


_ENUMERATOR = re.compile(r"^(?:vaihe\s*)?\d{1,2}[.):]?\s+|^vaihe\s+\d{1,2}\s*[:.–-]\s*",
                         re.IGNORECASE)
_PHASE_JOINERS = (" ja ", " sekä ", " (", ":", " –", " -", ",")


def _development_key(heading: str) -> str:
    key = _key(heading)
    if key in _DEVELOPMENT_SECTIONS:
        return _DEVELOPMENT_SECTIONS[key]
    key = _ENUMERATOR.sub("", key)
    if len(key) > MAX_PHASE_HEADING or key.endswith("."):
        return ""
    for phase in _PHASES:
        if key == phase or (key.startswith(phase) and key[len(phase):].startswith(_PHASE_JOINERS)):
            return PHASE
    return ""


def _rating(text: str) -> tuple[str, str]:
    """(rating, rating text) for a rating line such as "Täyttyy osittain", else ("", "")."""
    stripped = _RATING_LABEL.sub("", text.strip())
    key = _key(stripped)
    for words, rating in _RATINGS:
        if key == words or (key.startswith(words + " ") and len(key) <= len(words) + 40
                            and not key.endswith(".")):
            return rating, stripped
    return "", ""


class _Lines:
    """Classified lines with furniture removed (and listed)."""

    def __init__(self, text: str) -> None:
        self.items: list[tuple[str, bool]] = []  # (text or "", marked with "**")
        self.dropped: list[str] = []
        classified = [_classify(raw) for raw in _lines(text)]
        keys = [_key(line.text) for line in classified]
        for index, line in enumerate(classified):
            if line.is_blank:
                self.items.append(("", False))
                continue
            text_ = line.group or line.text
            key = keys[index]
            neighbours = {keys[i] for i in (index - 1, index + 1) if 0 <= i < len(keys)}
            in_tab_nav = key in _TAB_NAV and bool(neighbours & (_TAB_NAV - {key}))
            if (key in FURNITURE and key != "arviointi") or in_tab_nav:
                self.dropped.append(text_)
                continue
            marked = line.marked
            self.items.append((text_, marked))

    def blank_at(self, index: int) -> bool:
        return index < 0 or index >= len(self.items) or not self.items[index][0]

    def next_text(self, index: int) -> tuple[int, str]:
        for following in range(index + 1, len(self.items)):
            if self.items[following][0]:
                return following, self.items[following][0]
        return -1, ""


def _heading_text(text: str) -> str:
    return re.sub(r"(?:\s+\*{1,2}|\*\*)\s*$", "", text).rstrip(":").strip()


def parse_development_path(text: str) -> ParsedTab:
    """Parse a development path tab. Raises ImportInputError when nothing can be read."""
    lines = _Lines(text)
    result = ParsedTab(DEVELOPMENT_PATH, dropped=lines.dropped)
    intro = _Buffer("intro")
    sections: list[_Buffer] = []
    current: _Buffer | None = None
    title_done = False
    for index, (line, marked) in enumerate(lines.items):
        if not line:
            buffer = current or intro
            if buffer.lines:
                buffer.add("")
            continue
        heading = _heading_text(line)
        key = _development_key(heading) if len(heading) <= MAX_PHASE_HEADING else ""
        if not title_done and current is None and not intro.has_text():
            title_done = True
            if not key and not marked and _is_title_like(line, 150) and not line.endswith("."):
                result.title = line
                continue
        title_done = True
        if key:
            current = _Buffer(key, heading, is_section=True, required=marked)
            sections.append(current)
            continue
        if marked and len(heading) <= 80 and not heading.endswith("."):
            current = _Buffer(OTHER_SECTION, heading, is_section=True, required=True)
            sections.append(current)
            continue
        if current is not None and _unknown_heading(lines, index, line, current):
            current = _Buffer(OTHER_SECTION, line, is_section=True)
            sections.append(current)
            continue
        (current or intro).add(_normalise_bullet(line))

    result.intro = intro.block()
    result.sections = [Section(b.name, b.heading, b.block(), b.required) for b in sections]
    _development_warnings(result, sections)
    if not result.sections and not result.intro:
        raise ImportInputError(gettext_noop(
            "The development path has no text: no sections such as 'Toimintaympäristö' or the "
            "phases of the work were found."
        ))
    return result


def _unknown_heading(lines: _Lines, index: int, line: str, current: _Buffer) -> bool:
    """A title-like line between blank lines, after a finished paragraph, before body text."""
    if not (_is_title_like(line) and lines.blank_at(index - 1) and lines.blank_at(index + 1)):
        return False
    if not _ends_sentence(current.last_text()):
        return False
    _following_index, following = lines.next_text(index)
    return bool(following) and not _is_title_like(following) and not following.startswith("•")


def _development_warnings(result: ParsedTab, sections: list[_Buffer]) -> None:
    seen: set[str] = set()
    for buffer in sections:
        key = _key(buffer.heading)
        if key in seen:
            warning = ParserWarning(gettext_noop(
                "The heading '%(heading)s' appears more than once: each section was kept "
                "separately."), heading=buffer.heading)
            if warning not in result.warnings:
                result.warnings.append(warning)
        seen.add(key)
        if not buffer.has_text():
            result.warnings.append(ParserWarning(
                gettext_noop("The section '%(heading)s' is empty."), heading=buffer.heading))
    if sections and sections[-1].has_text():
        final = sections[-1].last_text()
        if not _ends_sentence(final) and not final.startswith("• "):
            result.warnings.append(ParserWarning(gettext_noop(
                "The page seems to be cut off: the last section ends mid-sentence.")))


def parse_evaluation(text: str) -> ParsedTab:
    """Parse an evaluation tab. Raises ImportInputError when nothing can be read."""
    lines = _Lines(text)
    result = ParsedTab(EVALUATION, dropped=lines.dropped)
    items = lines.items
    ratings = {index: _rating(line) for index, (line, _marked) in enumerate(items) if line}
    ratings = {index: value for index, value in ratings.items() if value[0]}
    # The criterion of a rating line is the nearest text line above it.
    criterion_at: dict[int, int] = {}
    previous_rating = -1
    for index in sorted(ratings):
        above = next((i for i in range(index - 1, previous_rating, -1) if items[i][0]), None)
        if above is not None and above not in ratings:
            criterion_at[above] = index
        previous_rating = index

    intro = _Buffer("intro")
    others: list[_Buffer] = []
    current_note: _Buffer | None = None
    current: Criterion | None = None
    notes: list[tuple[Criterion, _Buffer]] = []
    title_done = False
    for index, (line, marked) in enumerate(items):
        if not line:
            target = current_note if current is not None else (others[-1] if others else intro)
            if target is not None and target.lines:
                target.add("")
            continue
        if index in criterion_at:
            rating, rating_text = ratings[criterion_at[index]]
            current = Criterion(_heading_text(line)[:MAX_CRITERION], rating, rating_text)
            if len(_heading_text(line)) > MAX_CRITERION:
                current.note = line
            current_note = _Buffer("note")
            notes.append((current, current_note))
            result.criteria.append(current)
            title_done = True
            continue
        if index in criterion_at.values():
            continue  # the rating line, read with its criterion
        if _RATED_ON.match(line) and (parsed := parse_date(line)) and result.rated_on is None:
            result.rated_on, result.rated_on_text = parsed, line
            continue
        heading = _heading_text(line)
        if _key(line) == "arviointi" and not result.criteria and not intro.has_text():
            lines.dropped.append(line)  # the tab's name
            continue
        if not title_done and not intro.has_text() and not others:
            title_done = True
            if not marked and _is_title_like(line, 150):
                result.title = line
                continue
        title_done = True
        if (marked and len(heading) <= 80) or _key(line) in _EVALUATION_TAIL:
            current, current_note = None, None
            others.append(_Buffer(OTHER_SECTION, heading, is_section=True, required=marked))
            continue
        target = current_note if current is not None else (others[-1] if others else intro)
        target.add(_normalise_bullet(line))

    for criterion, buffer in notes:
        note = buffer.block()
        criterion.note = "\n\n".join(part for part in (criterion.note, note) if part)
    result.intro = intro.block()
    result.sections = [Section(b.name, b.heading, b.block(), b.required) for b in others]
    if not result.criteria and not result.intro and not result.sections:
        raise ImportInputError(gettext_noop(
            "The evaluation has no text: no criteria with ratings (Täyttyy, Täyttyy osittain, "
            "Ei täyty) were found."
        ))
    if not result.criteria:
        result.warnings.append(ParserWarning(gettext_noop(
            "No criteria with a rating were found: the evaluation was kept as text.")))
    seen: set[str] = set()
    for criterion in result.criteria:
        key = _key(criterion.criterion)
        if key in seen:
            result.warnings.append(ParserWarning(gettext_noop(
                "The heading '%(heading)s' appears more than once: each section was kept "
                "separately."), heading=criterion.criterion))
        seen.add(key)
    return result
