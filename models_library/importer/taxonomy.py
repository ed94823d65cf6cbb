"""Match the names an Innokylä page uses to the portal's taxonomy snippets.

Innokylä mixes municipalities, old provinces (maakunta) and wellbeing services
counties in free text ("Varsinais-Suomen hyvinvointialue", "Etelä-Savo",
"Aura, Loimaa ja Somero", "Kymenlaakso: …"). The matcher splits such text into
names and matches each against the Finnish rows of Region and Municipality by
full name, short (nominative) form, genitive stem and the Swedish and English
names. Nothing here writes to the database.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.text import slugify

from models_library.models import Funder, Municipality, Phenomenon, Region, TargetGroup

# Split a place text into names: commas, semicolons, slashes, line breaks,
# parentheses and the words "ja", "sekä", "och", "and".
_PLACE_SEPARATORS = re.compile(
    r"\s*(?:[,;/()\n\u2022]|\s(?:ja|sekä|och|and|&)\s)\s*", re.IGNORECASE
)
# Generic words after a place name: "Varsinais-Suomen hyvinvointialue", "Savonlinnan seutu".
_GENERIC_SUFFIX = re.compile(
    r"\s+(?:hyvinvointialue|hyvinvointialueella|maakunta|maakunnassa|alue|alueella|seutu|"
    r"seudulla|kaupunki|kunta|sairaanhoitopiiri|välfärdsområde|landskap|region)$",
    re.IGNORECASE,
)
# "Kymenlaakso: Työkykyä tukemassa" -> "Kymenlaakso"
_TITLE_PREFIX = re.compile(r"^\s*([^:]{2,60}?)\s*:\s+\S")
_NATIONAL_WORDS = ("valtakunnallinen", "koko suomi", "koko maa", "suomi", "riksomfattande")
_ABBREVIATION = re.compile(r"\(([^()]{1,20})\)\s*$")


def fold(text: str) -> str:
    """A comparison key: case-folded, accents removed, whitespace and dashes unified."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.strip(" .:;,").split())


def split_places(text: str) -> list[str]:
    """The place names of a free text ("Aura, Loimaa ja Somero." -> three names)."""
    names = []
    for part in _PLACE_SEPARATORS.split(text or ""):
        part = part.strip(" .:;,-–")
        if part and len(part) <= 80:
            names.append(part)
    return names


def title_prefix(title: str) -> str:
    """The region prefix of a programme title ("Pohjois-Savo: IISAKKI" -> "Pohjois-Savo")."""
    match = _TITLE_PREFIX.match(title or "")
    return match.group(1) if match else ""


@dataclass
class PlaceMatch:
    regions: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


class TaxonomyIndex:
    """In-memory lookups over the Finnish taxonomy rows, loaded once per batch."""

    def __init__(self) -> None:
        regions = list(Region.objects.filter(locale__language_code="fi"))
        translations = {
            (row.translation_key, row.locale.language_code): row.name
            for row in Region.objects.filter(locale__language_code__in=["sv", "en"])
            .select_related("locale")
        }
        self.regions: dict[str, object] = {}
        for region in regions:
            names = [region.name, translations.get((region.translation_key, "sv"), ""),
                     translations.get((region.translation_key, "en"), "")]
            for key in _region_keys(region.code, names):
                self.regions.setdefault(key, region)
        for word in _NATIONAL_WORDS:
            national = next((r for r in regions if r.code == "national"), None)
            if national is not None:
                self.regions.setdefault(fold(word), national)

        self.municipalities: dict[str, object] = {}
        self.municipality_genitives: dict[str, object] = {}
        for municipality in Municipality.objects.filter(
            locale__language_code="fi"
        ).select_related("region"):
            self.municipalities.setdefault(fold(municipality.name), municipality)
            for genitive in _genitives(municipality.name):
                self.municipality_genitives.setdefault(fold(genitive), municipality)
        sv_municipalities = Municipality.objects.filter(locale__language_code="sv").values_list(
            "name", "code"
        )
        by_code = {m.code: m for m in self.municipalities.values()}
        for name, code in sv_municipalities:
            if code in by_code:
                self.municipalities.setdefault(fold(name), by_code[code])

        self.funders: list = []
        self.funder_keys: dict[str, object] = {}  # folded name, short name or abbreviation
        self.funder_codes: dict[str, object] = {}
        for funder in Funder.objects.filter(locale__language_code="fi"):
            self.add_funder(funder)
        self.target_groups = {
            fold(row.name): row for row in TargetGroup.objects.filter(locale__language_code="fi")
        }
        self.phenomena = {
            fold(row.name): row for row in Phenomenon.objects.filter(locale__language_code="fi")
        }

    # Places

    def match_place(self, name: str) -> tuple[object | None, object | None]:
        """(region, municipality) for one place name; either may be None."""
        key = fold(name)
        for candidate in _candidates(key):
            if candidate in self.municipalities:
                municipality = self.municipalities[candidate]
                return municipality.region, municipality
            if candidate in self.regions:
                return self.regions[candidate], None
        stripped = fold(_GENERIC_SUFFIX.sub("", name))
        if stripped != key and stripped in self.municipality_genitives:
            # "Savonlinnan seutu", "Iisalmen kaupunki": only with a generic word after it.
            municipality = self.municipality_genitives[stripped]
            return municipality.region, municipality
        return None, None

    def match_places(self, text: str) -> PlaceMatch:
        result = PlaceMatch()
        for name in split_places(text):
            region, municipality = self.match_place(name)
            if region is None and municipality is None:
                result.unmatched.append(name)
                continue
            if region is not None and region not in result.regions:
                result.regions.append(region)
            if municipality is not None and municipality not in result.municipalities:
                result.municipalities.append(municipality)
        return result

    # Funders

    def match_funder(self, written: str):
        """The Funder a written name stands for, or None.

        A funder matches when its name equals the written one, when the written
        name is its abbreviation ("STM") or its name without the abbreviation,
        or when the written name is its code. In every case the funder's name
        contains what was written, so linking it loses no text.
        """
        return self.funder_keys.get(fold(written)) or self.funder_codes.get(slugify(written))

    def add_funder(self, funder) -> None:
        self.funders.append(funder)
        self.funder_codes.setdefault(funder.code, funder)
        keys = [funder.name, _ABBREVIATION.sub("", funder.name)]
        if abbreviation := _ABBREVIATION.search(funder.name):
            keys.append(abbreviation.group(1))
        for key in keys:
            if fold(key):
                self.funder_keys.setdefault(fold(key), funder)

    def new_funder_code(self, name: str, taken=()) -> str:
        """A free code for a new funder: its slug, or the slug with a short checksum."""
        base = (slugify(name) or "rahoittaja")[:80].strip("-") or "rahoittaja"
        if base not in self.funder_codes and base not in taken:
            return base
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
        return f"{base[:72].strip('-')}-{digest}"


def _region_keys(code: str, names: list[str]) -> set[str]:
    keys = {fold(code.replace("-", " ")).replace(" ", "-")}
    for name in filter(None, names):
        keys.add(fold(name))
        stem = _GENERIC_SUFFIX.sub("", name)
        stem = re.sub(r"\s+(?:wellbeing services county|välfärdsområde)$", "", stem, flags=re.I)
        if stem != name:
            keys.add(fold(stem))  # genitive: "Varsinais-Suomen", "Egentliga Finlands"
            if stem.endswith("s") and not stem.endswith("ss"):
                keys.add(fold(stem[:-1]))  # Swedish genitive: "Österbottens" -> "Österbotten"
    return {key for key in keys if key}


def _candidates(key: str) -> list[str]:
    stripped = fold(_GENERIC_SUFFIX.sub("", key))
    return [key] if stripped == key else [key, stripped]


def _genitives(name: str) -> list[str]:
    """Regular Finnish genitives of a municipality name (Espoo -> Espoon, Iisalmi -> Iisalmen)."""
    forms = [f"{name}n"]
    if name.endswith("i"):
        forms.append(f"{name[:-1]}en")
    return forms
