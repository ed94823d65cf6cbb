"""Map a ParsedDescription to the field values of a library page, without saving.

The mapping is lossless: a value whose field cannot hold it as written (too
long, not a valid address, a label the page type has no field for, a date
written with extra words) is also kept word for word in an "other section"
with its Innokylä heading, and a warning says so.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import date

import nh3
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from models_library.models import Stage

from .messages import translate_warning
from .parser import OPERATING_MODEL, OTHER_SECTION, SECTION_KEYS, ParsedDescription
from .richtext import text_to_rich_text
from .taxonomy import TaxonomyIndex, fold, split_places, title_prefix

# Page field limits (see the models); kept here so the mapping needs no model instance.
MAX_TITLE = 255
MAX_SUMMARY = 600
MAX_AUTHORS = 500
MAX_CONTACT_NAME = 200
MAX_CONTACT_ORGANISATION = 300
MAX_PERIOD = 500
MAX_COVER_ALT = 250
MAX_HEADING = 200
MAX_TAG = 100
MAX_LINK_TITLE = 255
MAX_URL = 500

PLACE_LABEL = "Paikkakunta, maakunta tai hyvinvointialue"

# Headings of the "other" sections the importer adds (Finnish, like the source).
HEADING_INTRO = "Johdanto"
HEADING_SHORT_DESCRIPTION = "Lyhyt kuvaus"
HEADING_TITLE = "Nimi"
HEADING_PROGRAMME = "Toimintamallin kokonaisuus"
HEADING_ATTACHMENTS = "Liitetiedostot ja linkit"
HEADING_COVER = "Kansikuva"
HEADING_PERIOD = "Toimiaika"
HEADING_PARTNERS = "Toimijat"
HEADING_STAGE = "Kehittämisen vaihe"
HEADING_TARGET_GROUPS = "Kohderyhmä"
HEADING_PHENOMENA = "Ilmiöt"
HEADING_TOPICS = "Aihealueet"
HEADING_CREATED = "Luotu"
HEADING_MODIFIED = "Viimeksi muokattu"
HEADING_AUTHORS = "Tekijä"
HEADING_CONTACT_NAME = "Yhteyshenkilön nimi"
HEADING_CONTACT_ORGANISATION = "Yhteyshenkilön organisaatio"
HEADING_CONTACT_EMAIL = "Yhteyshenkilön sähköpostiosoite"
HEADING_UNMATCHED = "Muu teksti"
HEADING_FUNDERS = "Rahoittaja"

KIND_NAMES = {OPERATING_MODEL: "toimintamalli", "programme": "kokonaisuus"}

# Field names and their labels for reports and the admin preview.
FIELD_LABELS = {
    "title": "Nimi",
    "summary": "Lyhyt kuvaus",
    "implementation_place": "Toteutuspaikka",
    "regions": "Hyvinvointialueet",
    "municipalities": "Kunnat",
    "funders": "Rahoittajat",
    "programme": "Kokonaisuus",
    "authors": "Tekijät",
    "source_url": "Lähdeosoite",
    "source_created": "Luotu",
    "source_modified": "Viimeksi muokattu",
    "contact_name": "Yhteyshenkilö",
    "contact_organisation": "Yhteyshenkilön organisaatio",
    "contact_email": "Yhteyshenkilön sähköposti",
    "cover_image_alt": "Kansikuvan tekstivastine",
    "stage": "Kehittämisen vaihe",
    "topics": "Aihealueet",
    "target_groups": "Kohderyhmät",
    "phenomena": "Ilmiöt",
    "description": "Kuvauksen osiot",
    "purpose": "Tarkoitus ja tavoitteet",
    "starting_point": "Lähtötilanne ja strategiset liittymäkohdat",
    "goal": "Päämäärä ja päätavoite",
    "intended_results": "Tavoiteltavat tulokset",
    "period_text": "Toimiaika",
    "start_date": "Alkaa",
    "end_date": "Päättyy",
    "partners": "Toimijat",
    "other_sections": "Muut osiot",
    "links": "Linkit",
}

_email_validator = EmailValidator()
_url_validator = URLValidator(schemes=["http", "https"])


@dataclass
class Block:
    """A description section: a known key or "other", its heading and plain text."""

    key: str
    heading: str
    text: str

    def rich_text(self) -> str:
        return text_to_rich_text(self.text)


@dataclass
class NewFunder:
    """A funder that is not in the taxonomy yet; the importer creates it."""

    name: str
    code: str


@dataclass
class PageValues:
    """Everything the importer will write to one page."""

    kind: str
    title: str
    fields: dict = field(default_factory=dict)  # plain model fields
    rich_fields: dict = field(default_factory=dict)  # programme: purpose, goal, ... (plain text)
    blocks: list[Block] = field(default_factory=list)  # description / other_sections
    regions: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    funders: list = field(default_factory=list)  # Funder or NewFunder
    target_groups: list = field(default_factory=list)
    phenomena: list = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    programme: object = None
    links: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def other_headings(self) -> list[str]:
        return [block.heading for block in self.blocks if block.key == OTHER_SECTION]

    @property
    def new_funders(self) -> list[NewFunder]:
        return [funder for funder in self.funders if isinstance(funder, NewFunder)]

    def mapped_fields(self) -> list[tuple[str, str, str]]:
        """(field name, label, value as text) for every field that gets a value."""
        rows: list[tuple[str, str, str]] = [("title", FIELD_LABELS["title"], self.title)]
        for name, value in self.fields.items():
            if value not in ("", None):
                if name == "stage":
                    value = Stage(value).label
                rows.append((name, FIELD_LABELS.get(name, name), _display(value)))
        for name, text in self.rich_fields.items():
            if text:
                rows.append((name, FIELD_LABELS[name], text))
        for name in ("regions", "municipalities", "funders", "target_groups", "phenomena"):
            values = getattr(self, name)
            if values:
                names = [
                    f"{value.name} (uusi)" if isinstance(value, NewFunder) else value.name
                    for value in values
                ]
                rows.append((name, FIELD_LABELS[name], ", ".join(names)))
        if self.programme is not None:
            rows.append(("programme", FIELD_LABELS["programme"], self.programme.title))
        if self.topics:
            rows.append(("topics", FIELD_LABELS["topics"], ", ".join(self.topics)))
        if self.links:
            rows.append(("links", FIELD_LABELS["links"],
                         "\n".join(f"{title} ({url})" for title, url in self.links)))
        known = [block for block in self.blocks if block.key != OTHER_SECTION]
        if known:
            name = "description" if self.kind == OPERATING_MODEL else "other_sections"
            rows.append((name, FIELD_LABELS["description"],
                         ", ".join(block.heading for block in known)))
        return rows


def _display(value) -> str:
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}"
    return str(value)


class DescriptionMapper:
    """Builds PageValues for one ParsedDescription."""

    def __init__(self, parsed: ParsedDescription, taxonomy: TaxonomyIndex, *,
                 parent=None, source_url: str = "", programmes=None,
                 allow_new_funders: bool = True) -> None:
        self.parsed = parsed
        self.taxonomy = taxonomy
        self.parent = parent
        self.source_url = source_url
        self.programmes = programmes
        self.allow_new_funders = allow_new_funders
        self.is_model = parsed.kind == OPERATING_MODEL
        self.values = PageValues(kind=parsed.kind, title="")
        self.lead: list[Block] = []  # importer's sections before the parsed ones (intro texts)
        self.extra: list[Block] = []  # importer's own other sections, after the parsed ones

    def run(self) -> PageValues:
        parsed, values = self.parsed, self.values
        # The parser's warnings carry their templates: shown in the editor's language.
        values.warnings.extend(translate_warning(warning, _) for warning in parsed.warnings)
        self._title()
        self._summary()
        self._place()
        self._funders()
        self._people()
        self._dates()
        self._sections()
        if self.is_model:
            self._model_only()
        else:
            self._programme_only()
        self._classification()
        self._attachments()
        if parsed.unmatched_lines:
            self._other(HEADING_UNMATCHED, "\n".join(parsed.unmatched_lines))
        if self.source_url:
            values.fields["source_url"] = self.source_url
        values.blocks[:0] = self.lead
        values.blocks.extend(self.extra)
        self._plain_text_only()
        return values

    def _plain_text_only(self) -> None:
        """Plain-text fields keep no markup or script addresses: the API hands them on as
        they are. Topics that are markup or web addresses are refused with a warning."""
        values = self.values
        values.title = plain_text(values.title)
        for fields in (values.fields, values.rich_fields):
            for name, value in fields.items():
                if isinstance(value, str) and name not in ADDRESS_FIELDS:
                    fields[name] = plain_text(value)
        for block in values.blocks:
            block.heading = plain_text(block.heading)
        values.links = [(plain_text(title), url) for title, url in values.links]
        refused = [tag for tag in values.topics if not acceptable_tag(tag)]
        if refused:
            values.topics = [tag for tag in values.topics if acceptable_tag(tag)]
            values.warnings.append(
                _("These topics were not imported because a topic name cannot contain markup "
                  "or a web address: %(names)s.") % {"names": ", ".join(refused)}
            )

    # Helpers

    def _other(self, heading: str, text: str, first: bool = False) -> None:
        if text.strip():
            (self.lead if first else self.extra).append(Block(OTHER_SECTION, heading, text.strip()))

    def _fit(self, name: str, text: str, limit: int, heading: str) -> None:
        """Set a text field; when too long, also keep the whole text in an other section."""
        if len(text) <= limit:
            self.values.fields[name] = text
            return
        self.values.fields[name] = truncate(text, limit)
        self._other(heading, text)
        self.values.warnings.append(
            _("'%(heading)s' is longer than %(limit)d characters: the field was shortened and "
              "the full text kept in the section '%(heading)s'.")
            % {"heading": heading, "limit": limit}
        )

    # Basic data

    def _title(self) -> None:
        title = " ".join(self.parsed.title.split())
        if len(title) > MAX_TITLE:
            self._other(HEADING_TITLE, title)
            self.values.warnings.append(
                _("The name is longer than %(limit)d characters: it was shortened and the full "
                  "name kept in the section '%(heading)s'.")
                % {"limit": MAX_TITLE, "heading": HEADING_TITLE}
            )
            title = truncate(title, MAX_TITLE)
        self.values.title = title

    def _summary(self) -> None:
        parsed = self.parsed
        summary = parsed.short_description or parsed.teaser
        if parsed.short_description and parsed.teaser:
            self._other(HEADING_INTRO, parsed.teaser, first=True)
        if len(summary) <= MAX_SUMMARY:
            self.values.fields["summary"] = summary
            return
        self.values.fields["summary"] = truncate(summary, MAX_SUMMARY)
        self._other(HEADING_SHORT_DESCRIPTION, summary, first=True)
        self.values.warnings.append(
            _("The short description is longer than %(limit)d characters: the summary was "
              "shortened and the full text kept in the section '%(heading)s'.")
            % {"limit": MAX_SUMMARY, "heading": HEADING_SHORT_DESCRIPTION}
        )

    def _place(self) -> None:
        parsed, values = self.parsed, self.values
        written, place = parsed.implementation_place.strip(), parsed.place_text.strip()
        written_names = {fold(name) for name in split_places(written)} | {fold(written)}
        if written and place and fold(place) not in written_names:
            text = f"{written}\n({PLACE_LABEL}: {place})"
        else:
            text = written or place
        values.fields["implementation_place"] = text

        regions: list = []
        municipalities: list = []

        def add(match) -> None:
            for region in match.regions:
                if region not in regions:
                    regions.append(region)
            for municipality in match.municipalities:
                if municipality not in municipalities:
                    municipalities.append(municipality)

        place_match = self.taxonomy.match_places(place)
        add(place_match)
        add(self.taxonomy.match_places(written))
        add(self.taxonomy.match_places(title_prefix(parsed.title)))
        values.regions, values.municipalities = regions, municipalities
        if place_match.unmatched:
            names = ", ".join(place_match.unmatched)
            values.warnings.append(
                _("Not matched to a region or municipality (kept as written): %(names)s.")
                % {"names": names}
            )

    def _funders(self) -> None:
        seen: set[str] = set()
        unknown: list[str] = []
        for written in self.parsed.funders:
            written = " ".join(written.split())
            funder = self.taxonomy.match_funder(written)
            if funder is None and not self.allow_new_funders:
                unknown.append(written)
                continue
            if funder is None:
                code = self.taxonomy.new_funder_code(written, taken=seen)
                funder = NewFunder(written, code)
                self.values.warnings.append(
                    _("New funder '%(name)s' is created as a funder snippet (code %(code)s).")
                    % {"name": written, "code": code}
                )
            key = funder.code
            if key not in seen:
                seen.add(key)
                self.values.funders.append(funder)
        if unknown:
            self._other(HEADING_FUNDERS, "\n".join(unknown))
            self.values.warnings.append(
                _("Not in the funder list, kept as text in the section '%(heading)s' (you may "
                  "not add funders): %(names)s.")
                % {"heading": HEADING_FUNDERS, "names": ", ".join(unknown)}
            )

    def _people(self) -> None:
        parsed = self.parsed
        self._fit("authors", ", ".join(parsed.authors), MAX_AUTHORS, HEADING_AUTHORS)
        self._fit("contact_name", parsed.contact_name, MAX_CONTACT_NAME, HEADING_CONTACT_NAME)
        self._fit("contact_organisation", parsed.contact_organisation,
                  MAX_CONTACT_ORGANISATION, HEADING_CONTACT_ORGANISATION)
        email = parsed.contact_email.strip()
        if email.lower().startswith("mailto:"):
            email = email[len("mailto:"):]
        if email and not _valid(email, _email_validator):
            self._other(HEADING_CONTACT_EMAIL, parsed.contact_email)
            self.values.warnings.append(
                _("The contact e-mail address is not valid and was kept in the section "
                  "'%(heading)s': %(email)s")
                % {"heading": HEADING_CONTACT_EMAIL, "email": parsed.contact_email}
            )
            email = ""
        self.values.fields["contact_email"] = email

    def _dates(self) -> None:
        parsed = self.parsed
        for name, heading, text, value in (
            ("source_created", HEADING_CREATED, parsed.created_text, parsed.created),
            ("source_modified", HEADING_MODIFIED, parsed.modified_text, parsed.modified),
        ):
            self.values.fields[name] = value
            if text and (value is None or not _is_plain_date(text, value)):
                self._other(heading, text)  # extra words or an unreadable date: keep as written

    # Sections

    def _sections(self) -> None:
        own_keys = SECTION_KEYS[self.parsed.kind]
        for section in self.parsed.sections:
            heading = section.heading.strip() or "Osio"
            text = section.text.strip()
            if len(heading) > MAX_HEADING:
                text = f"{heading}\n\n{text}".strip()
                heading = truncate(heading, MAX_HEADING)
            if section.key in own_keys:
                if self.is_model:
                    if text:
                        self.values.blocks.append(Block(section.key, heading, text))
                    else:
                        self.values.warnings.append(
                            _("The section '%(heading)s' is empty.") % {"heading": heading}
                        )
                else:
                    earlier = self.values.rich_fields.get(section.key, "")
                    self.values.rich_fields[section.key] = "\n\n".join(filter(None, [earlier,
                                                                                      text]))
            else:
                # Unknown headings, and sections of the other page type, keep their heading.
                self.values.blocks.append(Block(OTHER_SECTION, heading, text))

    def _model_only(self) -> None:
        parsed, values = self.parsed, self.values
        if parsed.period_text:
            self._other(HEADING_PERIOD, parsed.period_text)
        if parsed.partners:
            self._other(HEADING_PARTNERS, parsed.partners)
        if parsed.stage:
            values.fields["stage"] = parsed.stage
        elif parsed.stage_text:
            self._other(HEADING_STAGE, parsed.stage_text)
        alt = " ".join(parsed.cover_image_alt.split())
        if alt:
            self._fit("cover_image_alt", alt, MAX_COVER_ALT, HEADING_COVER)
            values.warnings.append(
                _("The cover image itself is not imported: add it in the editor (its "
                  "alternative text is already filled in).")
            )
        self._programme()

    def _programme(self) -> None:
        name = " ".join(self.parsed.programme_name.split())
        if not name:
            if self.parent is not None and self.parent.specific_class.__name__ == "ProgrammePage":
                self.values.programme = self.parent
            return
        programme = find_programme(name, self.programmes)
        if programme is None:
            self._other(HEADING_PROGRAMME, name)
            self.values.warnings.append(
                _("No programme page named '%(name)s' was found: the name was kept in the "
                  "section '%(heading)s'.")
                % {"name": name, "heading": HEADING_PROGRAMME}
            )
        else:
            self.values.programme = programme

    def _programme_only(self) -> None:
        parsed, values = self.parsed, self.values
        self._fit("period_text", parsed.period_text, MAX_PERIOD, HEADING_PERIOD)
        values.fields["start_date"] = parsed.start_date
        values.fields["end_date"] = parsed.end_date
        values.fields["partners"] = parsed.partners
        # Labels a programme page has no field for.
        self._other(HEADING_STAGE, parsed.stage_text)
        self._other(HEADING_COVER, parsed.cover_image_alt)
        self._other(HEADING_PROGRAMME, parsed.programme_name)

    def _classification(self) -> None:
        parsed, values = self.parsed, self.values
        topics = list(parsed.topics)
        unmatched: list[str] = []
        if self.is_model:
            for name in parsed.target_groups:
                term = self.taxonomy.target_groups.get(fold(name))
                if term is None:
                    unmatched.append(name)
                elif term not in values.target_groups:
                    values.target_groups.append(term)
            for name in parsed.phenomena:
                term = self.taxonomy.phenomena.get(fold(name))
                if term is None:
                    unmatched.append(name)
                elif term not in values.phenomena:
                    values.phenomena.append(term)
        else:
            unmatched = [*parsed.target_groups, *parsed.phenomena]
        if unmatched:
            values.warnings.append(
                _("Not in the target group or phenomenon lists, kept as topics: %(names)s.")
                % {"names": ", ".join(unmatched)}
            )
        seen: set[str] = set()
        long_tags: list[str] = []
        for tag in [*topics, *unmatched]:
            tag = " ".join(tag.split())
            if len(tag) > MAX_TAG:
                long_tags.append(tag)
            elif tag.casefold() not in seen:
                seen.add(tag.casefold())
                values.topics.append(tag)
        if long_tags:
            self._other(HEADING_TOPICS, "\n".join(long_tags))

    def _attachments(self) -> None:
        text = self.parsed.attachments_text.strip()
        if not text:
            return
        kept: list[str] = []
        for line in text.splitlines():
            link = parse_link(line)
            if link:
                self.values.links.append(link)
            elif line.strip():
                kept.append(line)
        if kept:
            self._other(HEADING_ATTACHMENTS, "\n".join(kept))
            self.values.warnings.append(
                _("Attachment files are not imported: their names were kept in the section "
                  "'%(heading)s'.")
                % {"heading": HEADING_ATTACHMENTS}
            )


# Values ----------------------------------------------------------------------


ADDRESS_FIELDS = {"source_url", "contact_email"}
_SCRIPT_SCHEME = re.compile(r"(?i)\b(?:javascript|vbscript|livescript)\s*:")
_MARKUP = re.compile(r"<\s*/?\s*[a-z!?]|&[#a-z0-9]+;", re.IGNORECASE)
_ADDRESS = re.compile(r"(?i)(?:^|\s)(?:[a-z][a-z0-9+.-]*://|www\.|mailto:|javascript:|data:)")


def plain_text(text: str) -> str:
    """``text`` without HTML tags (the text of <script> and <style> goes too) and without
    script addresses such as "javascript:"; a text without markup is returned as is."""
    if _MARKUP.search(text):
        text = html.unescape(nh3.clean(text, tags=set()))
    return _SCRIPT_SCHEME.sub("", text)


def acceptable_tag(name: str) -> bool:
    """A topic name is words: no markup, no web address."""
    return not (_MARKUP.search(name) or _ADDRESS.search(name) or "<" in name or ">" in name)


def truncate(text: str, limit: int) -> str:
    """Shorten text to at most limit characters at a word boundary, ending with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–") + "…"


def _valid(value: str, validator) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def _is_plain_date(text: str, value: date) -> bool:
    """True when text is just the date ("05.02.2024", "5.2.2024" or "2024-02-05")."""
    written = "".join(text.split())
    forms = {
        f"{value.day}.{value.month}.{value.year}",
        f"{value.day:02d}.{value.month:02d}.{value.year}",
        value.isoformat(),
    }
    return written.rstrip(".") in forms or written in forms


def parse_link(line: str) -> tuple[str, str] | None:
    """(title, url) for "Title (https://…)" or a bare address; None otherwise."""
    line = " ".join(line.replace("• ", "", 1).split()) if line.startswith("• ") else line.strip()
    if line.endswith(")") and " (" in line:
        title, _sep, url = line[:-1].rpartition(" (")
    else:
        title, url = "", line
    url = url.strip()
    if " " in url or len(url) > MAX_URL or not _valid(url, _url_validator):
        return None
    title = title.strip() or url
    if len(title) > MAX_LINK_TITLE:
        return None
    return title, url


def normalise_programme_name(name: str) -> str:
    """A programme name for comparison, without a "Region: " prefix."""
    prefix = title_prefix(name)
    if prefix:
        name = name.split(":", 1)[1]
    return fold(name)


def find_programme(name: str, programmes):
    """The programme page whose title matches name (case-insensitive, prefix ignored)."""
    if programmes is None:
        return None
    key_full = fold(name)
    for programme in programmes:
        title = programme.draft_title or programme.title
        if fold(title) == key_full:
            return programme
    for programme in programmes:
        title = programme.draft_title or programme.title
        if normalise_programme_name(title) == key_full:
            return programme
    return None
