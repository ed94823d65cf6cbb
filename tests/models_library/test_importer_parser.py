"""Tests of the Innokylä importer's parsing core (pure Python, no database)."""

import codecs
import re
from datetime import date
from pathlib import Path

import pytest

from models_library.importer import (
    MAX_BYTES,
    OPERATING_MODEL,
    PROGRAMME,
    STAGE_DEVELOPING,
    STAGE_EVALUATED,
    STAGE_READY,
    ImportInputError,
    ParsedDescription,
    decode_upload,
    html_to_text,
    looks_like_html,
    meaningful_lines,
    parse,
    parse_date,
    parse_period,
    split_tags,
)
from portal.text import HTMLNestingError
from tests.models_library.importer_support import SAMPLES, needs_samples

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "innokyla"

PARSEABLE_FIXTURES = [
    "toimintamalli_kaikki_osiot.txt",
    "toimintamalli_vanha_katkennut.txt",
    "kokonaisuus_kaikki_osiot.txt",
    "kokonaisuus_osiot_lopussa.txt",
    "toimintamalli_etakuntoutus.html",
    "toimintamalli_cp1252.txt",
    "kokonaisuus_latin1.txt",
    "toimintamalli_utf8_bom.txt",
]

HEADER = "icon/chevron-down Created with Sketch. Perustiedot"


def load(name: str) -> str:
    path = FIXTURES / name
    return decode_upload(path.read_bytes(), path.name)


def parse_fixture(name: str) -> ParsedDescription:
    return parse(load(name))


def model_page(*lines: str, title: str = "Testimalli") -> str:
    """A minimal operating model page followed by the given lines."""
    return "\n".join(
        [
            HEADER,
            "",
            "Toimintamallin nimi",
            title,
            "Toimintamallin lyhyt kuvaus",
            "",
            "Lyhyt kuvaus testiä varten.",
            "",
            *lines,
        ]
    )


def programme_page(*lines: str) -> str:
    return "\n".join(
        [
            HEADER,
            "",
            "Kokonaisuuden nimi",
            "Testikokonaisuus",
            "Lyhyt kuvaus",
            "",
            "Kuvaus.",
            "",
            *lines,
        ]
    )


def squash(text: str) -> str:
    return " ".join(text.split())


def assert_lossless(text: str, parsed: ParsedDescription) -> None:
    values = squash(parsed.all_values_text())
    missing = [line for line in meaningful_lines(text) if line not in values]
    assert missing == []


# Decoding ----------------------------------------------------------------------


def test_decode_plain_utf8():
    assert decode_upload("Työkyky ja hyvinvointi\n".encode()) == "Työkyky ja hyvinvointi\n"


def test_decode_utf8_with_bom_fixture():
    text = load("toimintamalli_utf8_bom.txt")
    assert not text.startswith("\ufeff")
    assert text.startswith("Työpari-malli\n")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec):
    original = "Päämäärä ja päätavoite\nÅ ja Ö\n"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    assert decode_upload(bom + original.encode(codec)) == original


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom(codec):
    original = "Toimintamallin nimi\nTyöpari\n"
    assert decode_upload(original.encode(codec)) == original


def test_decode_windows_1252_fixture():
    text = load("toimintamalli_cp1252.txt")
    assert "\r" not in text
    assert "”työn muokkauksesta”" in text
    assert "– ilman matkoja" in text
    assert "40 € palaveria" in text
    assert "Etäpalaveri työnantajan kanssa" in text


def test_decode_latin_1_fixture():
    text = load("kokonaisuus_latin1.txt")
    assert "Åland och Österbotten: Työkykykahvila" in text


def test_decode_prefers_utf8_when_a_few_bytes_are_broken():
    data = "Työkyvyn tuki ja hyvinvointialue ".encode() * 20 + b"\xff"
    text = decode_upload(data)
    assert "Työkyvyn tuki" in text
    assert "Ã" not in text


def test_decode_normalises_newlines_and_nfc():
    data = "Rivi\r\nToinen\rKolmas ja a\u0308\n".encode()
    assert decode_upload(data) == "Rivi\nToinen\nKolmas ja ä\n"


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", codecs.BOM_UTF8])
def test_decode_empty(data):
    with pytest.raises(ImportInputError, match="empty"):
        decode_upload(data)


def test_decode_empty_fixture():
    with pytest.raises(ImportInputError, match="empty"):
        load("tyhja.txt")


def test_decode_too_large():
    with pytest.raises(ImportInputError, match="too large"):
        decode_upload(b"a" * (MAX_BYTES + 1))
    assert decode_upload(b"a" * MAX_BYTES)


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"Toimintamallin nimi\x00\x00\x01\x02binary", "page.txt"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "page.txt"),
        (b"PK\x03\x04\x14\x00\x06\x00", "page.docx"),
        (bytes(range(1, 32)) * 10 + b"text", "page.txt"),
        (b"Toimintamallin nimi\nTesti\n", "page.docx"),
    ],
)
def test_decode_binary(data, filename):
    with pytest.raises(ImportInputError, match="not a text file"):
        decode_upload(data, filename)


def test_decode_undecodable():
    # A UTF-16 byte order mark followed by a lone surrogate.
    with pytest.raises(ImportInputError, match="encoding could not be recognised"):
        decode_upload(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00")


# Operating models ------------------------------------------------------------


def test_operating_model_with_all_sections():
    parsed = parse_fixture("toimintamalli_kaikki_osiot.txt")
    assert parsed.kind == OPERATING_MODEL
    assert parsed.title == "Työkykyvalmentaja sote-keskuksessa"
    assert parsed.teaser == ""  # repeats the short description (and the title)
    assert parsed.short_description.startswith("Sote-keskuksen työkykyvalmentaja tunnistaa")
    assert parsed.short_description.endswith("yhteen suunnitelmaan.")
    assert parsed.implementation_place == "Kolmen kaupungin sote-keskukset"
    assert parsed.place_text == "Pirkanmaan hyvinvointialue"
    assert parsed.funders == [
        "Sosiaali- ja terveysministeriö (STM)",
        "Euroopan sosiaalirahasto plus (ESR+)",
        "Kuntien omarahoitus",
    ]
    assert parsed.programme_name == "Työkykyä yhdessä -kokonaisuus"
    assert parsed.authors == ["Hankkeen projektitiimi"]
    assert parsed.created == date(2024, 2, 5)
    assert parsed.created_text == "05.02.2024"
    assert parsed.modified == date(2024, 10, 17)
    assert parsed.cover_image_alt == "Kaksi ihmistä keskustelee pöydän ääressä"
    assert parsed.stage == STAGE_EVALUATED
    assert parsed.stage_text == "Arvioitu"
    assert parsed.topics == [
        "Työkyky",
        "Sote-keskus",
        "Asiakas- ja palveluohjaus",
        "Sosiaali- ja terveyspalvelut",
    ]
    assert parsed.phenomena == ["Työn murros", "Hyvinvointierot"]
    assert parsed.target_groups == ["Työikäiset", "Pitkäaikaistyöttömät"]
    assert [s.key for s in parsed.sections] == [
        "basic_idea",
        "operating_environment",
        "conditions",
        "target_group_insight",
        "implementation",
        "resources",
        "evaluation",
        "embedding",
    ]
    assert all(section.required for section in parsed.sections)
    assert parsed.section("resources").heading == "Resurssit ja kustannukset"
    assert parsed.section("evaluation").heading == "Arviointi ja vaikutukset"
    assert parsed.warnings == []
    assert parsed.unmatched_lines == []


def test_section_text_keeps_paragraphs_and_normalises_bullets():
    parsed = parse_fixture("toimintamalli_kaikki_osiot.txt")
    assert parsed.section_text("basic_idea") == (
        "Työkykyvalmentaja työskentelee sote-keskuksen vastaanoton yhteydessä. Hän ottaa vastaan "
        "ohjauksia lääkäreiltä, hoitajilta ja sosiaaliohjaajilta ja tapaa asiakkaan ilman pitkää "
        "jonoa.\n\n"
        "Valmentaja kartoittaa tilanteen kolmella tapaamisella:\n"
        "• ensimmäisellä kerralla kuunnellaan asiakkaan omat tavoitteet\n"
        "• toisella kerralla käydään läpi terveys, toimintakyky ja osaaminen\n"
        "• kolmannella kerralla sovitaan yhteinen suunnitelma"
    )
    assert parsed.section("target_group_insight").text.splitlines()[:2] == [
        "• Työttömät, joiden työkyky on epäselvä",
        "• Asiakkaat, jotka ovat kiertäneet palvelusta toiseen ilman ratkaisua",
    ]


def test_older_operating_model_cut_off_mid_sentence():
    parsed = parse_fixture("toimintamalli_vanha_katkennut.txt")
    assert parsed.kind == OPERATING_MODEL
    assert parsed.title == "Nuorten työkokeilut pienyrityksissä"  # "Toimintamallin nimi:"
    assert (
        parsed.teaser == "Pilotti on päättynyt, ja malli on valmis levitettäväksi muille seuduille."
    )
    assert parsed.short_description.startswith("Valmentaja etsii")  # upper-case label
    assert parsed.implementation_place == "Savonlinnan seutu"
    assert parsed.place_text == "Etelä-Savo"  # older label "Paikkakunta tai maakunta"
    assert parsed.programme_name == ""
    assert parsed.authors == ["Hankkeen projektitiimi"]
    assert parsed.created == date(2022, 4, 3)  # "Luotu: 3.4.2022"
    assert parsed.modified == date(2022, 9, 28)
    assert parsed.stage == STAGE_READY
    assert parsed.topics == ["Nuoret", "Työkokeilu", "Yrittäjyys"]  # one per line
    assert parsed.phenomena == []
    assert parsed.phenomena_text == "Ei liity ilmiöön"
    assert parsed.target_groups == ["Nuoret aikuiset"]
    assert [(s.key, s.heading, s.required) for s in parsed.sections] == [
        ("other", "Verkkosivusto", False),
        ("operating_environment", "Toimintaympäristö", False),
        ("target_group_insight", "Kohderyhmä ja asiakasymmärrys", False),
        ("basic_idea", "Ratkaisun perusidea", False),
        ("other", "Yrittäjän rooli", False),
        ("other", "Asiakkaiden palaute", True),
        ("evaluation", "Arviointi", False),
    ]
    assert parsed.sections[0].text == "https://example.fi/tyokokeilut"
    assert parsed.section_text("evaluation").endswith("arvioivat valmentajan tuen")
    assert "Label 'Toimintamallin kokonaisuus' has no value." in parsed.warnings
    assert "The page seems to be cut off: the last section ends mid-sentence." in parsed.warnings
    assert parsed.unmatched_lines == []


def test_html_operating_model():
    parsed = parse_fixture("toimintamalli_etakuntoutus.html")
    assert parsed.kind == OPERATING_MODEL
    assert parsed.title == "Etäkuntoutus kotiin"
    assert parsed.teaser == ""
    assert parsed.place_text == "Pohjois-Karjala"
    assert parsed.funders == [
        "Sosiaali- ja terveysministeriö (STM)",
        "Hyvinvointialueen oma rahoitus",
    ]
    assert parsed.created == date(2023, 5, 12)
    assert parsed.modified == date(2024, 6, 4)
    assert parsed.stage == STAGE_READY
    assert parsed.cover_image_alt == "Ikäihminen tekee tasapainoharjoitusta tabletin edessä"
    assert parsed.topics == ["Kuntoutus", "Digitaaliset palvelut"]
    assert parsed.target_groups == ["Ikääntyneet"]
    assert [(s.key, s.required) for s in parsed.sections] == [
        ("basic_idea", True),
        ("operating_environment", True),
    ]
    assert parsed.section_text("basic_idea") == (
        "Asiakas saa tabletin ja harjoitusohjelman. Ohjeet löytyvät kuntoutuksen ohjeesta "
        "(https://example.fi/etakuntoutus-ohje).\n\n"
        "• ensimmäinen käynti tehdään kotona\n"
        "• seuraavat käynnit videoyhteydellä"
    )
    values = parsed.all_values_text()
    unwanted = [
        "<", ">", "SKRIPTI", "TYYLI", "LISATTY", "alert", "steal", "onclick", "javascript",
        "Upotettu video", "Ota JavaScript", "Created with Sketch", "Etusivu", "Innokylä",
    ]  # fmt: skip
    assert [word for word in unwanted if word in values] == []


def test_encoded_operating_models():
    cp1252 = parse_fixture("toimintamalli_cp1252.txt")
    assert cp1252.title == "Etäpalaveri työnantajan kanssa"
    assert "”työn muokkauksesta”" in cp1252.short_description
    assert cp1252.section_text("resources").endswith("noin 40 € palaveria kohden.")
    assert cp1252.stage == STAGE_READY  # "Käyttövalmis"
    assert cp1252.created == date(2023, 10, 1)

    bom = parse_fixture("toimintamalli_utf8_bom.txt")
    assert bom.title == "Työpari-malli"
    assert bom.place_text == "Pohjois-Karjala"
    assert bom.stage == STAGE_DEVELOPING
    assert [s.key for s in bom.sections] == ["basic_idea"]


# Programmes ------------------------------------------------------------------


def test_programme_with_all_sections():
    parsed = parse_fixture("kokonaisuus_kaikki_osiot.txt")
    assert parsed.kind == PROGRAMME
    assert parsed.title == "Kainuu: Työkykyverkosto"
    assert parsed.teaser == ""
    assert [s.key for s in parsed.sections] == [
        "purpose",
        "starting_point",
        "goal",
        "intended_results",
    ]
    assert not any(section.required for section in parsed.sections)
    assert parsed.section_text("purpose").endswith(
        "Tavoitteet:\n"
        "• yhteinen palvelupolku kaikille toimijoille\n"
        "• työkyvyn arviointi kuukauden kuluessa ohjauksesta\n"
        "• koulutusta ammattilaisille"
    )
    assert parsed.period_text == "1.3.2023–28.2.2025 (valmistelu alkoi jo syksyllä 2022)"
    assert (parsed.start_date, parsed.end_date) == (date(2023, 3, 1), date(2025, 2, 28))
    assert (
        parsed.partners == "Hyvinvointialue, kunnat, työllisyyspalvelut, Kela ja alueen järjestöt"
    )
    assert parsed.funders == [
        "Sosiaali- ja terveysministeriö (STM)",
        "Euroopan sosiaalirahasto plus (ESR+)",
    ]
    assert (
        parsed.attachments_text == "Verkoston palvelukuvaus (https://example.fi/palvelukuvaus.pdf)"
    )
    assert parsed.contact_name == "Projektipäällikkö, hankkeen projektitiimi"
    assert parsed.contact_organisation == "Kainuun hyvinvointialue"
    assert parsed.contact_email == "tyokyky@example.fi"
    assert parsed.authors == ["Hankkeen projektitiimi"]
    assert parsed.created == date(2023, 3, 14)
    assert parsed.modified == date(2024, 12, 2)
    assert parsed.stage == ""
    assert parsed.warnings == []


def test_programme_with_sections_after_modified_date():
    parsed = parse_fixture("kokonaisuus_osiot_lopussa.txt")
    assert parsed.kind == PROGRAMME
    assert parsed.title == "Lappi: Liikkuva työkykytiimi"
    assert parsed.teaser == ""  # two lines and a blank one, equal to the short description
    assert parsed.short_description == (
        "Tunturikuntien yhteinen kokeilu toi työkyvyn arvioinnin lähemmäs asukkaita.\n"
        "Kokeilussa testattiin etävastaanottoja ja liikkuvaa työkykytiimiä."
    )
    assert parsed.funders == ["Sosiaali- ja terveysministeriö (STM)"]  # "Kokonaisuuden rahoittaja"
    assert parsed.created == date(2022, 2, 7)  # d.m.yyyy
    assert parsed.modified == date(2024, 1, 3)
    assert (parsed.start_date, parsed.end_date) == (date(2022, 1, 1), date(2023, 12, 31))
    assert [s.key for s in parsed.sections] == [
        "purpose",
        "starting_point",
        "goal",
        "intended_results",
    ]
    assert parsed.section_text("starting_point").startswith("Ennen kokeilua")
    assert parsed.attachments_text == ""
    assert parsed.warnings == ["Label 'Liitetiedostot ja linkit' has no value."]


def test_latin_1_programme():
    parsed = parse_fixture("kokonaisuus_latin1.txt")
    assert parsed.kind == PROGRAMME
    assert parsed.title == "Åland och Österbotten: Työkykykahvila"
    assert (parsed.start_date, parsed.end_date) == (date(2024, 1, 1), date(2024, 12, 31))
    assert parsed.funders == ["Pohjanmaan hyvinvointialue"]


# Failures --------------------------------------------------------------------


def test_title_only_page_is_rejected():
    with pytest.raises(ImportInputError, match="only a title"):
        parse_fixture("vain_otsikko.txt")


def test_non_innokyla_text_is_rejected():
    with pytest.raises(ImportInputError, match="does not look like an Innokylä page"):
        parse_fixture("ei_innokyla.txt")


@pytest.mark.parametrize("text", ["", "\n\n", "Pelkkä rivi tekstiä.", "<p>Hei</p><p>maailma</p>"])
def test_texts_without_labels_are_rejected(text):
    with pytest.raises(ImportInputError):
        parse(text)


def test_page_without_any_title_is_rejected():
    text = "\n".join(
        ["Toimintamallin lyhyt kuvaus", "Kuvaus.", "Toteutuspaikka", "Kunta", "Luotu", "1.2.2023"]
    )
    with pytest.raises(ImportInputError, match="no name"):
        parse(text)


# Labels ----------------------------------------------------------------------


def test_detection_by_other_labels_when_the_name_label_is_missing():
    text = "\n".join(
        [
            "Kotihoidon iltavuoro",
            "",
            "Toimintamallin lyhyt kuvaus",
            "Iltavuoron hoitajat tekevät työkykykartoituksen kotikäynnillä.",
            "Toteutuspaikka",
            "Kotihoito",
            "Luotu",
            "1.2.2023",
            "Ratkaisun perusidea **",
            "Kartoitus tehdään tutussa ympäristössä.",
        ]
    )
    parsed = parse(text)
    assert parsed.kind == OPERATING_MODEL
    assert parsed.title == "Kotihoidon iltavuoro"
    assert parsed.teaser == ""
    assert any("name was not found" in warning for warning in parsed.warnings)


def test_programme_detected_by_other_labels():
    text = "\n".join(
        [
            "Kokonaisuuden tarkoitus ja tavoitteet",
            "Tavoitteena on yhteinen malli.",
            "Toimiaika",
            "2020-2021",
            "Toimijat",
            "Kunnat",
        ]
    )
    with pytest.raises(ImportInputError, match="no name"):
        parse(text)  # a programme, but without any title
    parsed = parse("Yhteinen malli\n\n" + text)
    assert parsed.kind == PROGRAMME
    assert parsed.title == "Yhteinen malli"


@pytest.mark.parametrize(
    "label",
    [
        "Paikkakunta tai maakunta",
        "Paikkakunta, maakunta tai hyvinvointialue",
        "Maakunta tai hyvinvointialue",
        "Paikkakunta",
        "PAIKKAKUNTA TAI MAAKUNTA:",
    ],
)
def test_place_label_variants(label):
    parsed = parse(model_page(label, "Kuopio", "Luotu", "1.1.2024"))
    assert parsed.place_text == "Kuopio"


@pytest.mark.parametrize(
    ("page", "label"),
    [
        (model_page, "Rahoittaja"),
        (model_page, "Toimintamallin rahoittaja"),
        (programme_page, "Kokonaisuuden rahoittaja"),
        (programme_page, "Rahoittaja"),
    ],
)
def test_funder_label_variants(page, label):
    parsed = parse(page(label, "Rahasto A", "• Rahasto B", "", "Luotu", "1.1.2024"))
    assert parsed.funders == ["Rahasto A", "Rahasto B"]


@pytest.mark.parametrize(
    "lines",
    [
        ["Luotu", "", "03.04.2022"],
        ["luotu", "3.4.2022"],
        ["LUOTU:", "3.4.2022"],
        ["  Luotu **  ", "3.4.2022"],
        ["Luotu: 3.4.2022"],
        ["Luotu\t3.4.2022"],
        ["icon/calendar Created with Sketch. Luotu", "3.4.2022"],
    ],
)
def test_label_matching_variants(lines):
    parsed = parse(model_page(*lines))
    assert parsed.created == date(2022, 4, 3)


def test_values_span_lines_until_the_next_label():
    parsed = parse(
        programme_page(
            "Toimijat",
            "",
            "Kunnat ja kuntayhtymät.",
            "Järjestöt.",
            "",
            "Yritykset.",
            "Rahoittaja",
            "Rahasto",
            "Luotu",
            "1.1.2024",
        )
    )
    assert parsed.partners == "Kunnat ja kuntayhtymät.\nJärjestöt.\n\nYritykset."


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Ratkaisun perusidea", "basic_idea"),
        ("Toimintaympäristö", "operating_environment"),
        ("Toimivuuden ja käyttöönoton ehdot", "conditions"),
        ("Kohderyhmä ja asiakasymmärrys", "target_group_insight"),
        ("Toteutus", "implementation"),
        ("Toimintamallin toteutus", "implementation"),
        ("Käytännön toteutus", "implementation"),
        ("Resurssit", "resources"),
        ("Resurssit ja kustannukset", "resources"),
        ("Arviointi ja vaikutukset", "evaluation"),
        ("Arviointi", "evaluation"),
        ("Vaikutukset", "evaluation"),
        ("Vaikuttavuus", "evaluation"),
        ("Juurruttaminen", "embedding"),
        ("Juurtuminen", "embedding"),
        ("Levittäminen", "embedding"),
    ],
)
@pytest.mark.parametrize("marker", ["", " **"])
def test_operating_model_section_headings(heading, key, marker):
    parsed = parse(model_page("Luotu", "1.1.2024", heading + marker, "", "Osion teksti."))
    assert [(s.key, s.heading, s.text, s.required) for s in parsed.sections] == [
        (key, heading, "Osion teksti.", bool(marker))
    ]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Kokonaisuuden tarkoitus ja tavoitteet", "purpose"),
        ("Lähtötilanne ja strategiset liittymäkohdat", "starting_point"),
        ("Päämäärä ja päätavoite", "goal"),
        ("Tavoiteltavat tulokset, tuotokset ja vaikutukset", "intended_results"),
    ],
)
def test_programme_section_headings(heading, key):
    parsed = parse(programme_page(heading, "", "Osion teksti.", "Luotu", "1.1.2024"))
    assert [s.key for s in parsed.sections] == [key]


def test_target_group_tags_are_not_the_target_group_section():
    parsed = parse(
        model_page(
            "Kohderyhmä ja asiakasymmärrys **",
            "",
            "Asiakkaat ovat nuoria.",
            "",
            "Kohderyhmä",
            "",
            "Nuoret Lapset, nuoret ja perheet",
        )
    )
    assert parsed.section_text("target_group_insight") == "Asiakkaat ovat nuoria."
    assert parsed.target_groups == ["Nuoret", "Lapset, nuoret ja perheet"]


def test_common_words_in_the_tag_area_stay_tags():
    parsed = parse(
        model_page("Aihealueet", "", "Arviointi", "Vaikuttavuus", "", "Luotu", "1.1.2024")
    )
    assert parsed.topics == ["Arviointi", "Vaikuttavuus"]
    assert parsed.sections == []


def test_label_with_colon_inside_a_section_stays_in_the_text():
    parsed = parse(
        model_page("Ratkaisun perusidea **", "", "Kohderyhmä: nuoret ja heidän perheensä.")
    )
    assert parsed.section_text("basic_idea") == "Kohderyhmä: nuoret ja heidän perheensä."
    assert parsed.target_groups == []


def test_contact_name_keeps_the_title():
    parsed = parse(programme_page("Yhteyshenkilön nimi", "Projektikoordinaattori Hankkeen tiimi"))
    assert parsed.contact_name == "Projektikoordinaattori Hankkeen tiimi"


def test_invalid_email_is_kept_with_a_warning():
    parsed = parse(programme_page("Yhteyshenkilön sähköpostiosoite", "tyokyky(at)example.fi"))
    assert parsed.contact_email == "tyokyky(at)example.fi"
    assert any("e-mail" in warning for warning in parsed.warnings)


@pytest.mark.parametrize(
    ("value", "stage"),
    [
        ("icon/bulb Created with Sketch. Kehitteillä", STAGE_DEVELOPING),
        ("Being developed", STAGE_DEVELOPING),
        ("Valmis", STAGE_READY),
        ("Ready", STAGE_READY),
        ("Käyttövalmis", STAGE_READY),
        ("Arvioitu", STAGE_EVALUATED),
        ("Evaluated", STAGE_EVALUATED),
        ("Jotain muuta", ""),
    ],
)
def test_stage_values(value, stage):
    parsed = parse(model_page("Kehittämisen vaihe", "", value))
    assert parsed.stage == stage
    assert parsed.stage_text == value.split(". ")[-1]
    assert any("Unknown development stage" in warning for warning in parsed.warnings) == (not stage)


def test_stage_icon_without_its_label():
    parsed = parse(model_page("Luotu", "1.1.2024", "icon/bulb Created with Sketch. Kehitteillä"))
    assert parsed.stage == STAGE_DEVELOPING
    assert parsed.created == date(2024, 1, 1)


def test_unknown_group_header_and_text_after_it_are_kept():
    parsed = parse(
        model_page(
            "Luotu",
            "1.1.2024",
            "icon/chevron-down Created with Sketch. Lisätiedot",
            "Vapaa teksti.",
        )
    )
    assert [(s.key, s.heading, s.text) for s in parsed.sections] == [
        ("other", "Lisätiedot", "Vapaa teksti.")
    ]


def test_teaser_differing_from_short_description_is_kept():
    parsed = parse("Esittelyteksti, joka ei toistu.\n\n" + model_page("Luotu", "1.1.2024"))
    assert parsed.teaser == "Esittelyteksti, joka ei toistu."


def test_unreadable_date_warns():
    parsed = parse(model_page("Luotu", "31.2.2024", "Viimeksi muokattu", "eilen"))
    assert parsed.created is None and parsed.modified is None
    assert parsed.created_text == "31.2.2024"
    assert sum("Could not read the date" in warning for warning in parsed.warnings) == 2


def test_missing_closing_labels_warn():
    parsed = parse(model_page("Ratkaisun perusidea **", "", "Teksti päättyy pisteeseen."))
    assert any("'Luotu' and 'Viimeksi muokattu' are missing" in w for w in parsed.warnings)
    assert any("topics and target groups are missing" in w for w in parsed.warnings)
    assert not any("mid-sentence" in w for w in parsed.warnings)


def test_unknown_heading_needs_a_finished_paragraph_before_it():
    parsed = parse(
        model_page(
            "Ratkaisun perusidea **",
            "",
            "Mallin tavoitteena on",
            "",
            "Parempi arki",
            "",
            "Tämä kappale jatkaa samaa osiota.",
        )
    )
    assert [s.key for s in parsed.sections] == ["basic_idea"]
    assert "Parempi arki" in parsed.section_text("basic_idea")


def test_long_marked_line_is_not_a_heading():
    line = "Tämä on pitkä lause, joka päättyy tähtiin vaikka se ei ole otsikko, ei ollenkaan. **"
    parsed = parse(model_page("Ratkaisun perusidea **", "", "Alku.", "", line))
    assert [s.key for s in parsed.sections] == ["basic_idea"]
    assert line in parsed.section_text("basic_idea")


# Values ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Työkyky Osatyökykyisyys Asiakas- ja palveluohjaus",
         ["Työkyky", "Osatyökykyisyys", "Asiakas- ja palveluohjaus"]),
        ("Työikäiset\nTyöttömät\n", ["Työikäiset", "Työttömät"]),
        ("• Mielenterveys\n• Päihteet", ["Mielenterveys", "Päihteet"]),
        ("Lapset, nuoret ja perheet Ikääntyneet", ["Lapset, nuoret ja perheet", "Ikääntyneet"]),
        ("Työkyky Työkyky", ["Työkyky"]),
        ("", []),
    ],
)  # fmt: skip
def test_split_tags(text, expected):
    assert split_tags(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11.06.2021", date(2021, 6, 11)),
        ("1.9.2020", date(2020, 9, 1)),
        ("Luotu 2023-05-04", date(2023, 5, 4)),
        ("31.2.2022", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1.9.2020-31.12.2022 (alkoi laajemmin 1.1.2021)", date(2020, 9, 1), date(2022, 12, 31)),
        ("1.1.2021 - 31.12.2022.", date(2021, 1, 1), date(2022, 12, 31)),
        ("Vuodet 2021-2022. Päättyi 31.12.22.", date(2021, 1, 1), date(2022, 12, 31)),
        ("1.3.2023–28.2.2025", date(2023, 3, 1), date(2025, 2, 28)),
        ("9/2020 – 2/2024", date(2020, 9, 1), date(2024, 2, 29)),
        ("Alkoi 1.2.2020 ja päättyi 30.6.2021.", date(2020, 2, 1), date(2021, 6, 30)),
        ("Jatkuva", None, None),
        ("Vuonna 2021", None, None),
    ],
)  # fmt: skip
def test_parse_period(text, start, end):
    assert parse_period(text) == (start, end)


def test_period_text_without_dates_warns():
    parsed = parse(programme_page("Toimiaika", "", "Toistaiseksi voimassa", "Luotu", "1.1.2024"))
    assert parsed.period_text == "Toistaiseksi voimassa"
    assert parsed.start_date is None
    assert any("Toimiaika" in warning for warning in parsed.warnings)


# HTML ------------------------------------------------------------------------


def test_html_to_text_structure():
    html = (
        "<div>Otsikko</div><p>Ensimmäinen<br>toinen rivi &amp; loppu</p>"
        "<ul><li>yksi</li><li><p>kaksi</p></li></ul>"
        '<p>Lue <a href="https://example.fi/x">ohje</a>, <a href="mailto:info@example.fi">'
        'sähköposti</a>, <a href="/suhteellinen">sisäinen</a> ja <a href="https://example.fi">'
        "https://example.fi</a>.</p>"
    )
    assert html_to_text(html) == (
        "Otsikko\n\nEnsimmäinen\ntoinen rivi & loppu\n\n• yksi\n• kaksi\n\n"
        "Lue ohje (https://example.fi/x), sähköposti (info@example.fi), sisäinen ja "
        "https://example.fi."
    )


def test_html_to_text_removes_active_content():
    html = (
        "<p onclick=\"alert('x')\">Näkyvä</p><script>var a = '<p>piilo</p>';</script>"
        "<style>p { color: red }</style><noscript>ei</noscript><svg><title>kuvake</title></svg>"
        '<iframe src="https://example.fi">kehys</iframe><!-- kommentti -->'
        "<template>malli</template>"
        '<img src="x" onerror="alert(1)">'
    )
    assert html_to_text(html) == "Näkyvä"


def test_html_nested_too_deeply_is_refused():
    assert html_to_text("<div>" * 500 + "Syvällä" + "</div>" * 500) == "Syvällä"
    too_deep = "<html><body>" + "<div>" * 3000 + "Syvällä" + "</div>" * 3000 + "</body></html>"
    with pytest.raises(HTMLNestingError):
        html_to_text(too_deep)
    with pytest.raises(ImportInputError, match="nested too deeply"):
        parse(too_deep)


def test_html_without_text():
    assert html_to_text("<!-- vain kommentti -->") == ""
    assert html_to_text("   ") == ""


def test_looks_like_html():
    assert looks_like_html("<p>Teksti</p>")
    assert looks_like_html(load("toimintamalli_etakuntoutus.html"))
    assert not looks_like_html(load("toimintamalli_kaikki_osiot.txt"))
    assert not looks_like_html("Arvot 1 < 2 ja 3 > 2")


# Losslessness ----------------------------------------------------------------


@pytest.mark.parametrize("name", PARSEABLE_FIXTURES)
def test_fixtures_are_parsed_losslessly(name):
    text = load(name)
    parsed = parse(text)
    assert_lossless(text, parsed)
    assert parsed.unmatched_lines == []


def test_meaningful_lines_drop_noise_labels_and_bullets():
    text = "\n".join(
        [
            HEADER,
            "",
            "Toimintamallin nimi",
            "  Nimi   tässä ",
            "Luotu: 1.2.2023",
            "• Luettelon kohta",
            "Oma otsikko **",
            "icon/bulb Created with Sketch. Kehitteillä",
        ]
    )
    assert meaningful_lines(text) == [
        "Nimi tässä",
        "1.2.2023",
        "Luettelon kohta",
        "Oma otsikko",
        "Kehitteillä",
    ]


# Real Innokylä pages (extra input from ../shared; see importer_support) ----------

SAMPLE_NAMES = sorted(path.name for path in SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []


def parse_sample(name: str) -> ParsedDescription:
    path = SAMPLES / name
    return parse(decode_upload(path.read_bytes(), name))


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_samples_are_parsed_losslessly(name):
    path = SAMPLES / name
    text = decode_upload(path.read_bytes(), name)
    parsed = parse(text)
    assert_lossless(text, parsed)
    assert parsed.unmatched_lines == []
    assert parsed.teaser == ""  # every sample's teaser repeats its short description
    assert all(section.key != "other" for section in parsed.sections)
    assert not any("cut off" in warning for warning in parsed.warnings)
    assert len(parsed.authors) <= 1


@needs_samples
def test_sample_espoo_operating_model():
    parsed = parse_sample("toimintamalli_espoo_palvelukokonaisuus.txt")
    assert parsed.kind == OPERATING_MODEL
    assert "Espoon" in parsed.title
    assert parsed.place_text == "Espoo"
    assert parsed.implementation_place.startswith("Espoon")
    assert parsed.funders == ["Sosiaali- ja terveysministeriö (STM)"]
    assert len(parsed.authors) == 1
    assert parsed.created == date(2021, 6, 11)
    assert parsed.modified == date(2021, 9, 9)
    assert [s.key for s in parsed.sections] == [
        "basic_idea",
        "operating_environment",
        "target_group_insight",
    ]
    assert all(section.required for section in parsed.sections)
    assert parsed.section_text("target_group_insight").startswith("• ")
    assert parsed.stage == STAGE_DEVELOPING
    assert len(parsed.topics) == 5
    assert "Asiakas- ja palveluohjaus" in parsed.topics
    assert len(parsed.target_groups) == 2
    assert parsed.phenomena == []
    assert parsed.phenomena_text == "Ei liity ilmiöön"
    assert parsed.warnings == []


@needs_samples
def test_sample_varsinais_suomi_operating_model():
    parsed = parse_sample("toimintamalli_varsinais-suomi_laajentaminen.txt")
    assert parsed.kind == OPERATING_MODEL
    assert "Varsinais-Suomi" in parsed.title
    assert parsed.place_text == "Varsinais-Suomen hyvinvointialue"
    assert parsed.funders == ["Muu EU-rahoitus"]
    assert parsed.programme_name == ""
    assert parsed.created == date(2023, 7, 31)
    assert parsed.modified == date(2024, 3, 6)
    assert [s.key for s in parsed.sections] == ["basic_idea", "operating_environment", "conditions"]
    assert parsed.cover_image_alt
    assert len(parsed.cover_image_alt.split()) == 3
    assert parsed.cover_image_alt not in parsed.section_text("conditions")
    assert parsed.stage == STAGE_DEVELOPING
    assert parsed.stage_text == "Kehitteillä"
    assert "Label 'Toimintamallin kokonaisuus' has no value." in parsed.warnings


@needs_samples
def test_sample_kymenlaakso_programme():
    parsed = parse_sample("kokonaisuus_kymenlaakso.txt")
    assert parsed.kind == PROGRAMME
    assert parsed.title.startswith("Kymenlaakso:")
    assert parsed.contact_organisation.startswith("Kymenlaakson sosiaali- ja terveyspalvelujen")
    assert parsed.contact_organisation.endswith("(Kymsote)")
    assert parsed.contact_name.startswith("Projektipäällikkö ")
    assert re.fullmatch(r"[^@\s]+@[^@\s]+\.fi", parsed.contact_email)
    assert (parsed.start_date, parsed.end_date) == (date(2021, 1, 1), date(2022, 12, 31))
    assert parsed.created == date(2021, 3, 24)
    assert parsed.modified == date(2022, 12, 29)
    assert [s.key for s in parsed.sections] == ["purpose"]
    assert parsed.partners
    assert parsed.funders == ["Sosiaali- ja terveysministeriö (STM)"]


@needs_samples
def test_sample_iisalmi_programme_with_sections_after_modified():
    parsed = parse_sample("kokonaisuus_iisalmi_iisakki.txt")
    assert parsed.kind == PROGRAMME
    assert "Iisalmen" in parsed.title
    assert [s.key for s in parsed.sections] == [
        "purpose",
        "starting_point",
        "goal",
        "intended_results",
    ]
    assert (parsed.start_date, parsed.end_date) == (date(2021, 1, 1), date(2022, 12, 31))
    assert parsed.contact_organisation == "Iisalmen kaupunki"
    assert parsed.created == date(2021, 3, 22)
    assert parsed.modified == date(2022, 12, 20)
    assert parsed.attachments_text == ""
    assert parsed.warnings == ["Label 'Liitetiedostot ja linkit' has no value."]


@needs_samples
def test_sample_etela_karjala_programme():
    parsed = parse_sample("kokonaisuus_etela-karjala_tyota.txt")
    assert parsed.kind == PROGRAMME
    assert parsed.title.startswith("Etelä-Karjala:")
    assert (parsed.start_date, parsed.end_date) == (date(2020, 9, 1), date(2022, 12, 31))
    assert "\n• " in parsed.short_description
    assert [s.key for s in parsed.sections] == ["purpose"]
    assert parsed.partners
    assert re.fullmatch(r"[^@\s]+@[^@\s]+\.fi", parsed.contact_email)
    assert parsed.created == date(2021, 3, 22)
    assert parsed.modified == date(2022, 12, 27)
