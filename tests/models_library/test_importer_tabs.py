"""Innokylä's operating-model tabs read apart: the address, the development path and the
evaluation, and the other page types that are refused (pure parsing, no database)."""

import pytest

from models_library.importer import decode_upload, meaningful_lines
from models_library.importer.decoding import ImportInputError
from models_library.importer.devpath import (
    FURNITURE,
    OPERATING_ENVIRONMENT,
    PHASE,
    STARTING_POINT,
    parse_development_path,
    parse_evaluation,
)
from models_library.importer.parser import _lines
from models_library.importer.tabs import (
    DESCRIPTION,
    DEVELOPMENT_PATH,
    EVALUATION,
    guess_other_page,
    guess_tab,
    read_address,
    split_url_line,
)
from tests.models_library.importer_support import FIXTURES

TABS = FIXTURES / "valilehdet"


def text_of(name):
    return decode_upload((TABS / name).read_bytes(), name)


@pytest.mark.parametrize("url, tab, base", [
    ("https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo", DESCRIPTION,
     "https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo"),
    ("https://www.innokyla.fi/fi/toimintamalli/tyokykyohjaamo/kehittamisen-polku/",
     DEVELOPMENT_PATH, "https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo"),
    ("http://innokyla.fi/toimintamalli/tyokykyohjaamo/arviointi?tab=1#top", EVALUATION,
     "https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo"),
])
def test_the_address_names_the_tab_and_the_model(url, tab, base):
    address = read_address(url)
    assert (address.kind, address.tab, address.base) == ("operating_model", tab, base)


@pytest.mark.parametrize("url, page_type", [
    ("https://innokyla.fi/fi/uutiset/uusi-opas", "a news item"),
    ("https://innokyla.fi/fi/tapahtumat/tyokykyfoorumi", "an event page"),
    ("https://innokyla.fi/fi", "the front page of Innokylä"),
    ("https://innokyla.fi/fi/toimintamallit?haku=tyokyky", "a listing of operating models"),
    ("https://innokyla.fi/fi/toimintamalli/malli/jotain-muuta", "an Innokylä page of another kind"),
])
def test_other_innokyla_addresses_are_named(url, page_type):
    address = read_address(url)
    assert address.other_page == page_type and not address.tab


def test_an_address_elsewhere_is_no_innokyla_address():
    assert not read_address("https://example.fi/toimintamalli/x/arviointi").is_innokyla


def test_a_url_first_line_is_the_source_address():
    url, rest = split_url_line("URL: https://innokyla.fi/fi/toimintamalli/x/arviointi\nOtsikko\n")
    assert url == "https://innokyla.fi/fi/toimintamalli/x/arviointi" and rest == "Otsikko\n"
    assert split_url_line("Otsikko\nURL: https://innokyla.fi/x\n")[0] == ""


@pytest.mark.parametrize("name, tab", [
    ("polku_ohjaamo.txt", DEVELOPMENT_PATH),
    ("polku_katkennut.txt", DEVELOPMENT_PATH),
    ("arviointi_ohjaamo.txt", EVALUATION),
    ("kuvaus_ohjaamo.txt", ""),
])
def test_the_tab_is_told_by_its_text_without_an_address(name, tab):
    assert guess_tab(_lines(text_of(name))) == tab


def test_the_development_path_maps_known_sections_and_keeps_unknown_ones():
    parsed = parse_development_path(text_of("polku_ohjaamo.txt"))

    assert parsed.title == "Työkykyohjaamo kirjastossa"
    assert parsed.intro == "Tällä sivulla kerrotaan, miten ohjaamo kehitettiin vaihe vaiheelta."
    assert [(s.key, s.heading) for s in parsed.sections] == [
        (OPERATING_ENVIRONMENT, "Toimintaympäristö"),
        (STARTING_POINT, "Lähtötilanne ja strategiset liittymäkohdat"),
        (PHASE, "Kehittäjäjoukon kokoaminen ja yhteiskehittäminen"),
        (PHASE, "Ongelman määrittely"),
        (PHASE, "Ideointi"),
        (PHASE, "Mallinnus"),
        (PHASE, "Pilotointi ja arviointi"),
        ("other", "Kokemusasiantuntijoiden havainnot"),
        (PHASE, "Levittäminen"),
    ]
    gathering = parsed.sections[2].text
    assert gathering.splitlines()[1:] == ["• Työpajoja pidettiin kuukauden välein.",
                                          "• Jokainen työpaja kirjattiin yhteiseen muistioon."]
    assert "ohjaamon_prosessikuvaus.pdf" in parsed.sections[5].text
    assert parsed.other_line_count() == 1
    assert parsed.warnings == []


def test_the_development_path_drops_only_page_furniture_and_loses_no_sentence():
    text = text_of("polku_ohjaamo.txt")
    parsed = parse_development_path(text)

    assert parsed.dropped == ["Kuvaus", "Kehittämisen polku", "Arviointi", "Kuva",
                              "Rahoittajan logo", "Liitteet"]
    assert all(line.casefold() in FURNITURE | {"arviointi"} for line in parsed.dropped)
    kept = parsed.all_values_text()
    for line in meaningful_lines(text):
        if line not in parsed.dropped:
            assert line in kept, line


def test_a_cut_off_development_path_is_kept_with_a_warning():
    parsed = parse_development_path(text_of("polku_katkennut.txt"))

    assert parsed.sections[-1].text.endswith("kävijät saivat äänestää")
    assert parsed.sections[0].key == OPERATING_ENVIRONMENT  # "Toimintaympäristö**"
    assert [w.template for w in parsed.warnings] == [
        "The page seems to be cut off: the last section ends mid-sentence."]


def test_duplicated_headings_keep_both_sections_and_say_so():
    parsed = parse_development_path(text_of("polku_tuplaotsikot.txt"))

    assert [(s.key, s.text) for s in parsed.sections] == [
        (PHASE, "Ensimmäinen kokeilu tehtiin yhdessä kirjastossa kevään aikana."),
        (PHASE, "Toinen kokeilu laajeni kolmeen kirjastoon syksyllä."),
    ]
    assert parsed.warnings == [
        "The heading 'Pilotointi ja arviointi' appears more than once: each section was kept "
        "separately."]
    assert parsed.dropped == ["Rahoittajan logo"]


def test_a_line_that_only_starts_like_a_phase_is_text_not_a_heading():
    parsed = parse_development_path(
        "Toimintaympäristö\n\nKokeilu alkoi keväällä 2023\nja jatkui syksyyn.\n")
    assert [s.key for s in parsed.sections] == [OPERATING_ENVIRONMENT]
    assert "Kokeilu alkoi keväällä 2023" in parsed.sections[0].text


def test_the_evaluation_reads_criteria_ratings_and_notes():
    parsed = parse_evaluation(text_of("arviointi_ohjaamo.txt"))

    assert parsed.title == "Työkykyohjaamo kirjastossa"
    assert [(c.criterion, c.rating) for c in parsed.criteria] == [
        ("Tavoitteet on kuvattu selkeästi", "green"),
        ("Asiakkaat osallistuivat kehittämiseen", "yellow"),
        ("Vaikutuksista on näyttöä", "red"),
    ]
    assert parsed.criteria[2].note == "Seuranta-aika oli liian lyhyt vaikutusten osoittamiseen."
    assert str(parsed.rated_on) == "2024-10-15"
    assert parsed.intro == "Kehittäjäryhmä arvioi mallin Innokylän kriteereillä syksyllä 2024."
    assert [(s.heading, s.text) for s in parsed.sections] == [
        ("Arvioinnin yhteenveto",
         "Malli on käyttövalmis, mutta vaikutusten arviointia jatketaan vuoden ajan.")]
    kept = parsed.all_values_text()
    for line in meaningful_lines(text_of("arviointi_ohjaamo.txt")):
        assert line in kept or line == "Arviointi", line


def test_an_evaluation_without_ratings_is_kept_as_text():
    parsed = parse_evaluation("Arviointi\n\nArviointi tehdään kokeilun päätyttyä keväällä.\n")
    assert parsed.criteria == [] and "kokeilun päätyttyä" in parsed.intro
    assert [w.template for w in parsed.warnings] == [
        "No criteria with a rating were found: the evaluation was kept as text."]


@pytest.mark.parametrize("parse", [parse_development_path, parse_evaluation])
def test_a_tab_with_no_text_is_a_message(parse):
    with pytest.raises(ImportInputError):
        parse("Liitteet\nKuva\n")


@pytest.mark.parametrize("name, page_type", [
    ("uutinen.txt", "a news item"),
    ("tapahtuma.txt", "an event page"),
    ("etusivu.txt", "the front page of Innokylä"),
])
def test_other_page_types_are_recognised_by_their_text(name, page_type):
    assert guess_other_page(_lines(text_of(name))) == page_type


def test_a_file_in_mixed_encodings_reads_every_line_right():
    data = (TABS / "polku_ohjaamo.txt").read_bytes()
    mixed = b"\n".join(line if number % 2 else line.decode("utf-8").encode("cp1252")
                       for number, line in enumerate(data.split(b"\n")))

    assert decode_upload(mixed, "polku.txt") == data.decode("utf-8")
