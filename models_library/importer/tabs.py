"""Which Innokylä page a text is: a tab of an operating model, a programme, or something else.

On Innokylä an operating model is published as tabs under one address:

* the description  ``https://innokyla.fi/fi/toimintamalli/SLUG``
* the development path  ``…/toimintamalli/SLUG/kehittamisen-polku``
* the evaluation  ``…/toimintamalli/SLUG/arviointi``

The tab is read from the source address (given with ``--source-url``, in the
admin form, or as a ``URL:`` first line of the file) and otherwise from the
text. Pages of other kinds (news items, events, the front page, listings) are
named, so that the refusal can say what the page seems to be.

Pure Python: no Django imports.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .messages import gettext_noop

DESCRIPTION = "description"
DEVELOPMENT_PATH = "development_path"
EVALUATION = "evaluation"
PROGRAMME_PAGE = "programme"  # a programme's own page (kokonaisuus): read as a description

TAB_NAMES = {
    DESCRIPTION: gettext_noop("description"),
    DEVELOPMENT_PATH: gettext_noop("development path"),
    EVALUATION: gettext_noop("evaluation"),
}

_TAB_SLUGS = {
    "kehittamisen-polku": DEVELOPMENT_PATH,
    "kehittamisenpolku": DEVELOPMENT_PATH,
    "kehittamispolku": DEVELOPMENT_PATH,
    "arviointi": EVALUATION,
    "kuvaus": DESCRIPTION,
}

# What other Innokylä pages are, by the first part of their path.
_OTHER_PATHS = {
    "uutiset": gettext_noop("a news item"),
    "uutinen": gettext_noop("a news item"),
    "ajankohtaista": gettext_noop("a news item"),
    "tapahtumat": gettext_noop("an event page"),
    "tapahtuma": gettext_noop("an event page"),
    "toimintamallit": gettext_noop("a listing of operating models"),
    "kokonaisuudet": gettext_noop("a listing of programmes"),
    "haku": gettext_noop("a search results page"),
    "hae": gettext_noop("a search results page"),
    "blogi": gettext_noop("a blog post"),
    "artikkelit": gettext_noop("an article"),
    "artikkeli": gettext_noop("an article"),
    "yhteiso": gettext_noop("a community page"),
    "yhteisot": gettext_noop("a community page"),
    "kayttaja": gettext_noop("a user profile"),
    "profiili": gettext_noop("a user profile"),
    "tietoa-innokylasta": gettext_noop("an information page about Innokylä"),
}
FRONT_PAGE = gettext_noop("the front page of Innokylä")
OTHER_PAGE = gettext_noop("an Innokylä page of another kind")

_URL_LINE = re.compile(r"^\s*(?:url|osoite|lähde|source)\s*:\s*(?P<url>https?://\S+)\s*$",
                       re.IGNORECASE)
_LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class Address:
    """An Innokylä address read apart. ``base`` is the operating model's (description's) address."""

    url: str
    kind: str = ""  # "operating_model", "programme" or "" (another page)
    slug: str = ""
    tab: str = ""  # DESCRIPTION, DEVELOPMENT_PATH, EVALUATION or "" (not a model tab)
    base: str = ""
    other_page: str = ""  # what another page seems to be (a message template), else ""

    @property
    def is_innokyla(self) -> bool:
        return bool(self.kind or self.other_page)


def read_address(url: str) -> Address:
    """Read an address; anything that is not innokyla.fi gives an Address with no kind."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return Address(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not (
        host == "innokyla.fi" or host.endswith(".innokyla.fi")
    ):
        return Address(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    language = segments.pop(0) if segments and segments[0] in _LANGUAGES else "fi"
    if not segments:
        return Address(url, other_page=FRONT_PAGE)
    first = segments[0].lower()
    if first in ("toimintamalli", "kokonaisuus") and len(segments) >= 2:
        slug = segments[1]
        base = f"https://innokyla.fi/{language}/{first}/{slug}"
        kind = "operating_model" if first == "toimintamalli" else "programme"
        if len(segments) == 2:
            return Address(url, kind, slug, DESCRIPTION if kind == "operating_model" else
                           PROGRAMME_PAGE, base)
        tab = _TAB_SLUGS.get(segments[2].lower(), "")
        if kind == "operating_model" and tab and len(segments) == 3:
            return Address(url, kind, slug, tab, base)
        return Address(url, other_page=OTHER_PAGE)
    return Address(url, other_page=_OTHER_PATHS.get(first, OTHER_PAGE))


def split_url_line(text: str) -> tuple[str, str]:
    """(address, rest of the text) when the first non-blank line is "URL: https://…"."""
    stripped = text.lstrip("\ufeff")
    head, newline, rest = stripped.lstrip("\r\n\t ").partition("\n")
    match = _URL_LINE.match(head)
    if not match:
        return "", text
    return match.group("url"), rest if newline else ""


def same_model_address(first: str, second: str) -> bool:
    """True when two addresses name the same operating model or programme (any tab)."""
    a, b = read_address(first), read_address(second)
    return bool(a.base and a.base == b.base)


# Telling tabs and other pages apart by their text ----------------------------------

_DEVELOPMENT_PATH_WORDS = (
    "kehittämisen polku",
    "kehittäjäjoukon kokoaminen",
    "ongelman määrittely",
    "ongelman määrittäminen",
    "ideointi",
    "mallinnus",
    "mallintaminen",
    "pilotointi",
    "levittäminen",
    "lähtötilanne ja strategiset liittymäkohdat",
    "toimintaympäristö",
)
_EVALUATION_WORDS = ("täyttyy osittain", "ei täyty", "täyttyy", "arviointikriteeri",
                     "arvioinnin tulos", "arviointimittari")
_NEWS_WORDS = ("uutinen", "uutiset", "ajankohtaista", "julkaistu", "lue lisää uutisista")
_EVENT_WORDS = ("tapahtuma", "tapahtumat", "ilmoittaudu", "ilmoittautuminen",
                "tapahtuman ajankohta", "tapahtumapaikka", "lisää kalenteriin")
_FRONT_WORDS = ("etusivu", "tervetuloa innokylään", "selaa toimintamalleja",
                "hae toimintamalleja", "uusimmat toimintamallit", "innokylä – ")


def _keys(lines: list[str]) -> list[str]:
    return [" ".join(line.replace("*", " ").split()).casefold().rstrip(":") for line in lines]


def guess_tab(lines: list[str]) -> str:
    """DEVELOPMENT_PATH or EVALUATION when the text looks like that tab, else ""."""
    keys = _keys(lines)
    path_hits = {word for word in _DEVELOPMENT_PATH_WORDS for key in keys if key.startswith(word)}
    rating_hits = sum(1 for key in keys if key.startswith(_EVALUATION_WORDS))
    description_labels = sum(1 for key in keys if key in (
        "perustiedot", "toimintamallin nimi", "toimintamallin lyhyt kuvaus", "kokonaisuuden nimi",
        "luotu", "viimeksi muokattu", "toimintamallin kuvaus"))
    if description_labels >= 2:
        return ""
    if rating_hits >= 2 or (rating_hits and "arviointi" in keys[:6]):
        return EVALUATION
    if len(path_hits) >= 2 or "kehittämisen polku" in keys[:8]:
        return DEVELOPMENT_PATH
    return ""


def guess_other_page(lines: list[str]) -> str:
    """What a text that is no operating model or programme seems to be (a message template)."""
    keys = _keys(lines[:80])
    scores = {
        gettext_noop("a news item"): sum(key.startswith(_NEWS_WORDS) for key in keys),
        gettext_noop("an event page"): sum(key.startswith(_EVENT_WORDS) for key in keys),
        FRONT_PAGE: sum(key.startswith(_FRONT_WORDS) for key in keys),
    }
    best = max(scores, key=scores.get)
    return best if scores[best] >= 2 else ""
