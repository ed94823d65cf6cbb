"""The Innokylä importer turns descriptions into draft pages with every field in place."""

import datetime

import pytest
from wagtail.models import Page

from models_library.importer import decode_upload, parse
from models_library.importer.mapping import truncate
from models_library.importer.richtext import text_to_rich_text
from models_library.importer.service import (
    CREATED,
    FAILED,
    PREVIEW,
    UNCHANGED,
    UPDATED,
    Importer,
    ImporterSetupError,
    import_description,
    import_files,
    resolve_parent,
)
from models_library.importer.taxonomy import split_places
from models_library.models import (
    Funder,
    LibraryIndexPage,
    OperatingModelPage,
    ProgrammePage,
    Stage,
)
from tests.builders import build_programme
from tests.models_library.importer_support import (
    GOOD_FIXTURES,
    SAMPLE_NAMES,
    fixture_bytes,
    latest,
    lost_lines,
    needs_samples,
    page_text,
    rich_to_text,
    sample_bytes,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def import_one(name, data=None, **options):
    [result] = import_files([(name, data if data is not None else fixture_bytes(name))],
                            **options)
    return result


def codes(manager):
    return sorted(term.code for term in manager.all())


def blocks(page):
    stream = page.description if isinstance(page, OperatingModelPage) else page.other_sections
    return [(block.block_type, block.value["heading"], rich_to_text(block.value["body"]))
            for block in stream]


def other_text(page, heading):
    return next(text for kind, title, text in blocks(page) if kind == "other" and title == heading)


# Fixtures written for this project ------------------------------------------------------


def test_operating_model_with_every_section_lands_in_its_fields(parent):
    result = import_one("toimintamalli_kaikki_osiot.txt")

    assert result.action == CREATED and result.kind == "operating_model"
    page = latest(result.page)
    assert isinstance(page, OperatingModelPage)
    assert page.get_parent().pk == parent.pk and not result.page.live
    assert page.title == "Työkykyvalmentaja sote-keskuksessa"
    assert page.summary.startswith("Sote-keskuksen työkykyvalmentaja tunnistaa")
    assert page.implementation_place == (
        "Kolmen kaupungin sote-keskukset\n"
        "(Paikkakunta, maakunta tai hyvinvointialue: Pirkanmaan hyvinvointialue)"
    )
    assert codes(page.regions) == ["pirkanmaa"]
    assert codes(page.funders) == ["euroopan-sosiaalirahasto-plus-esr", "kuntien-omarahoitus",
                                   "stm"]
    assert page.authors == "Hankkeen projektitiimi"
    assert page.source_created == datetime.date(2024, 2, 5)
    assert page.source_modified == datetime.date(2024, 10, 17)
    assert page.stage == Stage.EVALUATED
    assert page.cover_image_alt == "Kaksi ihmistä keskustelee pöydän ääressä"
    assert codes(page.target_groups) == ["pitkaaikaistyottomat", "tyoikaiset"]
    assert sorted(tag.name for tag in page.topics.all()) == sorted([
        "Työkyky", "Sote-keskus", "Asiakas- ja palveluohjaus", "Sosiaali- ja terveyspalvelut",
        "Työn murros", "Hyvinvointierot",  # phenomena not in the controlled list
    ])
    assert [(kind, heading) for kind, heading, _text in blocks(page)] == [
        ("basic_idea", "Ratkaisun perusidea"),
        ("operating_environment", "Toimintaympäristö"),
        ("conditions", "Toimivuuden ja käyttöönoton ehdot"),
        ("target_group_insight", "Kohderyhmä ja asiakasymmärrys"),
        ("implementation", "Toteutus"),
        ("resources", "Resurssit ja kustannukset"),
        ("evaluation", "Arviointi ja vaikutukset"),
        ("embedding", "Juurruttaminen"),
        ("other", "Toimintamallin kokonaisuus"),  # no such programme page yet
    ]
    assert other_text(page, "Toimintamallin kokonaisuus") == "Työkykyä yhdessä -kokonaisuus"
    basic_idea = page.description[0].value["body"].source
    assert "<ul><li>ensimmäisellä kerralla kuunnellaan asiakkaan omat tavoitteet</li>" in basic_idea
    assert result.other_sections == ["Toimintamallin kokonaisuus"]
    assert any("Työn murros" in warning for warning in result.warnings)
    assert any("Euroopan sosiaalirahasto plus (ESR+)" in warning and "created" in warning
               for warning in result.warnings)


def test_programme_with_every_section_lands_in_its_fields(parent):
    result = import_one("kokonaisuus_kaikki_osiot.txt")

    page = latest(result.page)
    assert isinstance(page, ProgrammePage) and result.kind == "programme"
    assert page.title == "Kainuu: Työkykyverkosto"
    assert codes(page.regions) == ["kainuu"]  # from the title's region prefix
    assert "Verkoston tarkoituksena on" in rich_to_text(page.purpose)
    assert "<li>yhteinen palvelupolku kaikille toimijoille</li>" in page.purpose
    assert rich_to_text(page.starting_point).startswith("Maakunnassa työkyvyn tuen palvelut")
    assert rich_to_text(page.goal).startswith("Päämääränä on")
    assert rich_to_text(page.intended_results).startswith("Tuotoksena syntyy")
    assert page.period_text == "1.3.2023–28.2.2025 (valmistelu alkoi jo syksyllä 2022)"
    assert (page.start_date, page.end_date) == (datetime.date(2023, 3, 1),
                                                datetime.date(2025, 2, 28))
    assert page.partners == "Hyvinvointialue, kunnat, työllisyyspalvelut, Kela ja alueen järjestöt"
    assert page.contact_name == "Projektipäällikkö, hankkeen projektitiimi"
    assert page.contact_organisation == "Kainuun hyvinvointialue"
    assert page.contact_email == "tyokyky@example.fi"
    assert [(link.title, link.url) for link in page.links.all()] == [
        ("Verkoston palvelukuvaus", "https://example.fi/palvelukuvaus.pdf")
    ]
    assert list(page.other_sections) == []


def test_old_labels_unknown_sections_and_a_cut_off_page(parent):
    result = import_one("toimintamalli_vanha_katkennut.txt")

    page = latest(result.page)
    assert result.ok
    assert page.implementation_place == (
        "Savonlinnan seutu\n(Paikkakunta, maakunta tai hyvinvointialue: Etelä-Savo)"
    )
    assert codes(page.regions) == ["etela-savo"]
    assert codes(page.municipalities) == ["740"]  # "Savonlinnan seutu"
    assert page.stage == Stage.READY
    headings = [(kind, heading) for kind, heading, _text in blocks(page)]
    assert headings[0] == ("other", "Johdanto")  # the lead text differs from the description
    for kept in ("Verkkosivusto", "Yrittäjän rooli", "Asiakkaiden palaute"):
        assert ("other", kept) in headings
    assert other_text(page, "Verkkosivusto") == "https://example.fi/tyokokeilut"
    assert ("evaluation", "Arviointi") in headings
    assert any("cut off" in warning for warning in result.warnings)
    assert sorted(result.other_sections) == sorted(
        ["Johdanto", "Verkkosivusto", "Yrittäjän rooli", "Asiakkaiden palaute"])


def test_html_page_imports_without_scripts_or_markup(parent):
    result = import_one("toimintamalli_etakuntoutus.html")

    page = latest(result.page)
    assert page.title == "Etäkuntoutus kotiin"
    assert codes(page.regions) == ["pohjois-karjala"]
    assert page.stage == Stage.READY
    body = page.description[0].value["body"].source
    assert '<a href="https://example.fi/etakuntoutus-ohje">' in body
    assert "onmouseover" not in body and "steal" not in body
    stored = "".join(block.value["body"].source for block in page.description)
    for forbidden in ("<script", "SKRIPTI", "LISATTY", "onclick", "onerror", "<iframe", "TYYLI"):
        assert forbidden not in stored
        assert forbidden not in page_text(result.page)


@pytest.mark.parametrize("name", ["toimintamalli_utf8_bom.txt", "toimintamalli_cp1252.txt",
                                  "kokonaisuus_latin1.txt"])
def test_encodings_import_with_finnish_letters(parent, name):
    result = import_one(name)

    assert result.ok, result.error
    text = page_text(result.page)
    assert "Ã" not in text and "\ufffd" not in text
    assert any(letter in text for letter in "äö")


def test_latin1_programme_matches_the_swedish_region_name(parent):
    page = latest(import_one("kokonaisuus_latin1.txt").page)

    assert page.title == "Åland och Österbotten: Työkykykahvila"
    assert codes(page.regions) == ["pohjanmaa"]


# Lossless -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", GOOD_FIXTURES)
def test_fixture_loses_no_line(parent, name):
    data = fixture_bytes(name)
    result = import_one(name, data)

    assert result.ok, result.error
    assert lost_lines(decode_upload(data, name), result.page) == []


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_real_sample_loses_no_line(parent, name):
    data = sample_bytes(name)
    result = import_one(name, data)

    assert result.ok, result.error
    assert lost_lines(decode_upload(data, name), result.page) == []


def test_the_lossless_check_notices_a_lost_line(parent):
    data = fixture_bytes("toimintamalli_kaikki_osiot.txt")
    result = import_one("toimintamalli_kaikki_osiot.txt", data)
    page = latest(result.page)
    page.description = [(block.block_type, block.value) for block in page.description
                        if block.block_type != "resources"]
    page.save_revision()

    lost = lost_lines(decode_upload(data, "x.txt"), result.page)
    assert lost == ["Yksi kokoaikainen valmentaja noin 15 000 asukasta kohden. Lisäksi tarvitaan "
                    "lääkärin konsultaatioaikaa noin kaksi tuntia viikossa."]


def test_summary_over_600_characters_is_shortened_and_kept_whole(parent):
    long_text = " ".join(["Pitkä lyhyt kuvaus, jossa on paljon sanoja."] * 20)
    text = (
        "Toimintamallin nimi\nPitkä malli\nToimintamallin lyhyt kuvaus\n\n" + long_text + "\n\n"
        "Luotu\n\n1.2.2024\n\nViimeksi muokattu\n\n2.2.2024\n\nRatkaisun perusidea **\n\n"
        "Perusidea on lyhyt.\n\nKehittämisen vaihe\n\nKehitteillä\n"
    )
    result = import_one("pitka.txt", text.encode())

    page = latest(result.page)
    assert len(page.summary) <= 600 and page.summary.endswith("…")
    assert other_text(page, "Lyhyt kuvaus") == long_text
    assert blocks(page)[0][:2] == ("other", "Lyhyt kuvaus")
    assert any("longer than 600" in warning for warning in result.warnings)
    assert lost_lines(text, result.page) == []


def test_unknown_stage_invalid_email_and_extra_date_words_are_kept_as_written(parent):
    text = (
        "Toimintamallin nimi\nOutojen arvojen malli\nToimintamallin lyhyt kuvaus\n\n"
        "Arvot ovat kirjoitettu omalla tavallaan.\n\nYhteyshenkilön sähköpostiosoite\n"
        "toimisto at example.fi\nLuotu\n\n3.4.2022 klo 10.15\n\nRatkaisun perusidea **\n\n"
        "Idea on yksinkertainen.\n\nKehittämisen vaihe\n\nIkuisesti kesken\n"
    )
    result = import_one("oudot.txt", text.encode())

    page = latest(result.page)
    assert page.contact_email == ""
    assert other_text(page, "Yhteyshenkilön sähköpostiosoite") == "toimisto at example.fi"
    assert page.source_created == datetime.date(2022, 4, 3)
    assert other_text(page, "Luotu") == "3.4.2022 klo 10.15"
    assert page.stage == Stage.DEVELOPING  # the default, since the stage is unknown
    assert other_text(page, "Kehittämisen vaihe") == "Ikuisesti kesken"
    assert lost_lines(text, result.page) == []


# Real Innokylä pages (../shared, available in CI) -----------------------------------------------


@needs_samples
def test_real_samples_import_with_the_right_type_title_and_taxonomy(parent):
    results = import_files([(name, sample_bytes(name)) for name in SAMPLE_NAMES])
    by_name = {result.name: result for result in results}
    assert all(result.action == CREATED for result in results), [r.error for r in results]

    karjala = latest(by_name["kokonaisuus_etela-karjala_tyota.txt"].page)
    assert isinstance(karjala, ProgrammePage)
    assert karjala.title == "Etelä-Karjala: TYÖTÄ-hanke"
    assert codes(karjala.regions) == ["etela-karjala"]
    assert codes(karjala.funders) == ["stm"]
    assert (karjala.start_date, karjala.end_date) == (datetime.date(2020, 9, 1),
                                                      datetime.date(2022, 12, 31))
    assert karjala.period_text.startswith("1.9.2020-31.12.2022")
    assert karjala.contact_organisation == "Etelä-Karjalan sosiaali- ja terveyspiiri (Eksote)"
    assert karjala.source_created == datetime.date(2021, 3, 22)
    assert karjala.source_modified == datetime.date(2022, 12, 27)
    assert len(karjala.summary) <= 600  # the full text is in "Lyhyt kuvaus"
    assert "Lyhyt kuvaus" in by_name["kokonaisuus_etela-karjala_tyota.txt"].other_sections

    iisalmi = latest(by_name["kokonaisuus_iisalmi_iisakki.txt"].page)
    assert codes(iisalmi.regions) == ["pohjois-savo"]
    for field in ("purpose", "starting_point", "goal", "intended_results"):
        assert rich_to_text(getattr(iisalmi, field)).strip(), field
    assert iisalmi.partners.startswith("Hankkeen toimintaympäristönä on Iisalmen kaupunki.")

    kymenlaakso = latest(by_name["kokonaisuus_kymenlaakso.txt"].page)
    assert codes(kymenlaakso.regions) == ["kymenlaakso"]
    assert (kymenlaakso.start_date, kymenlaakso.end_date) == (datetime.date(2021, 1, 1),
                                                              datetime.date(2022, 12, 31))
    assert kymenlaakso.authors == "Jenni Vuolahti"

    espoo = latest(by_name["toimintamalli_espoo_palvelukokonaisuus.txt"].page)
    assert isinstance(espoo, OperatingModelPage)
    assert codes(espoo.municipalities) == ["049"]
    assert codes(espoo.regions) == ["lansi-uusimaa"]
    assert codes(espoo.funders) == ["stm"]
    assert espoo.stage == Stage.DEVELOPING
    assert codes(espoo.target_groups) == ["tyoikaiset", "tyottomat"]
    assert [block[0] for block in blocks(espoo)] == [
        "basic_idea", "operating_environment", "target_group_insight"]
    assert espoo.source_created == datetime.date(2021, 6, 11)

    varsinais = latest(by_name["toimintamalli_varsinais-suomi_laajentaminen.txt"].page)
    assert codes(varsinais.regions) == ["varsinais-suomi"]
    assert codes(varsinais.funders) == ["muu-eu"]
    assert len(codes(varsinais.municipalities)) == 14  # Aura, Loimaa, … Sauvo ja Somero
    assert varsinais.implementation_place.startswith("Aura, Loimaa, Masku")
    assert "Varsinais-Suomen hyvinvointialue" in varsinais.implementation_place
    assert [block[0] for block in blocks(varsinais)] == [
        "basic_idea", "operating_environment", "conditions"]
    assert varsinais.cover_image_alt == "Keltaisia kypäröitä rivissä"
    assert varsinais.source_modified == datetime.date(2024, 3, 6)
    assert not Funder.objects.filter(locale__language_code="fi").exclude(
        code__in=["stm", "tem", "esr", "muu-eu", "stea", "kela", "kunta", "hyvinvointialue",
                  "ei-erillisrahoitusta"]).exists()  # every real funder matched


@pytest.mark.parametrize("title", [
    "Työkykyä yhdessä -kokonaisuus",
    "Pirkanmaa: Työkykyä yhdessä -kokonaisuus",  # a region prefix before the name
])
def test_operating_model_links_to_an_existing_programme_by_name(parent, title):
    build_programme(parent, title="Työkykyä toisin -kokonaisuus")
    programme = build_programme(parent, title=title)
    result = import_one("malli.txt", fixture_bytes("toimintamalli_kaikki_osiot.txt"))

    page = latest(result.page)
    assert page.programme.pk == programme.pk
    assert [kind for kind, _heading, _text in blocks(page)][-1] == "embedding"  # not "other"
    assert result.other_sections == []
    assert not any("programme" in warning for warning in result.warnings)


def test_operating_model_names_an_unknown_programme_without_linking(parent):
    build_programme(parent, title="Työkykyä toisin -kokonaisuus")
    result = import_one("malli.txt", fixture_bytes("toimintamalli_kaikki_osiot.txt"))

    assert latest(result.page).programme is None
    assert result.other_sections == ["Toimintamallin kokonaisuus"]


@needs_samples
def test_real_sample_links_to_an_existing_programme_by_name(parent):
    programme = build_programme(parent, title="Varsinais-Suomi: Työkykyohjelman laajentaminen")
    text = decode_upload(sample_bytes(SAMPLE_NAMES[4]), "x.txt").replace(
        "Toimintamallin kokonaisuus\n",
        "Toimintamallin kokonaisuus\nTyökykyohjelman laajentaminen\n",
    )
    result = import_description(parse(text))

    assert latest(result.page).programme.pk == programme.pk
    assert not any("programme" in warning for warning in result.warnings)


# Idempotency ---------------------------------------------------------------------------------


def test_importing_again_updates_the_same_page(parent):
    data = fixture_bytes("toimintamalli_kaikki_osiot.txt")
    first = import_one("a.txt", data)
    again = import_one("a.txt", data)

    assert (first.action, again.action) == (CREATED, UNCHANGED)
    assert again.page.pk == first.page.pk
    assert OperatingModelPage.objects.count() == 1
    assert first.page.revisions.count() == 1  # nothing changed, so no new revision

    changed = import_one("a.txt", data.replace(b"40 %", b"45 %"))
    assert changed.action == UPDATED and changed.page.pk == first.page.pk
    assert OperatingModelPage.objects.count() == 1
    assert first.page.revisions.count() == 2
    assert "45 %" in page_text(first.page)


def test_a_published_page_gets_a_draft_revision_not_a_publish(parent):
    data = fixture_bytes("kokonaisuus_kaikki_osiot.txt")
    first = import_one("k.txt", data, publish=True)
    assert first.published and ProgrammePage.objects.get().live

    again = import_one("k.txt", data.replace(b"nousee", b"nousee selv\xc3\xa4sti"))

    page = ProgrammePage.objects.get()
    assert again.action == UPDATED and not again.published
    assert page.live and page.has_unpublished_changes
    assert "selvästi" not in rich_to_text(page.goal)  # the live version is unchanged
    assert "selvästi" in rich_to_text(latest(page).goal)
    assert any("live" in warning for warning in again.warnings)

    published = import_one("k.txt", data.replace(b"nousee", b"nousee selv\xc3\xa4sti"),
                           publish=True)
    page.refresh_from_db()
    assert published.published and not page.has_unpublished_changes
    assert "selvästi" in rich_to_text(page.goal)


def test_same_source_url_updates_even_when_the_name_changes(parent):
    data = fixture_bytes("toimintamalli_utf8_bom.txt")
    url = "https://innokyla.fi/fi/toimintamalli/tyopari-malli"
    first = import_one("a.txt", data, source_url=url)
    renamed = data.replace("Työpari-malli".encode(), "Työparimalli".encode())
    second = import_one("b.txt", renamed, source_url=url)

    assert second.action == UPDATED and second.page.pk == first.page.pk
    assert latest(second.page).title == "Työparimalli"
    assert latest(second.page).source_url == url


def test_same_name_under_another_parent_is_another_page(parent):
    programme = build_programme(parent, title="Emo-ohjelma")
    data = fixture_bytes("toimintamalli_utf8_bom.txt")
    import_one("a.txt", data)
    under_programme = import_one("a.txt", data, parent=programme)

    assert under_programme.action == CREATED
    assert OperatingModelPage.objects.count() == 2
    assert latest(under_programme.page).programme.pk == programme.pk


def test_publish_refuses_a_model_without_its_required_sections(parent):
    result = import_one("toimintamalli_cp1252.txt", publish=True)

    assert result.ok and not result.published
    assert not OperatingModelPage.objects.get().live
    assert any("Not published" in warning for warning in result.warnings)


def test_publish_publishes_a_complete_model(parent):
    result = import_one("toimintamalli_kaikki_osiot.txt", publish=True)

    assert result.published
    page = OperatingModelPage.objects.get()
    assert page.live and not page.has_unpublished_changes
    assert page.stage == Stage.EVALUATED


# Atomicity ------------------------------------------------------------------------------------


def test_a_failing_file_leaves_nothing_and_the_others_import(parent):
    pages_before = Page.objects.count()
    results = import_files([
        ("hyva.txt", fixture_bytes("toimintamalli_kaikki_osiot.txt")),
        ("tyhja.txt", b""),
        ("toinen.txt", fixture_bytes("kokonaisuus_kaikki_osiot.txt")),
    ])

    assert [result.action for result in results] == [CREATED, FAILED, CREATED]
    assert Page.objects.count() == pages_before + 2


def test_a_failure_while_saving_rolls_back_the_whole_file(parent, monkeypatch):
    funders_before = Funder.objects.count()
    pages_before = Page.objects.count()
    unindexed = []
    monkeypatch.setattr("wagtail.search.index.remove_object", unindexed.append)

    def broken_save_revision(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(OperatingModelPage, "save_revision", broken_save_revision)
    results = import_files([
        ("malli.txt", fixture_bytes("toimintamalli_kaikki_osiot.txt")),  # creates funders first
        ("ohjelma.txt", fixture_bytes("kokonaisuus_kaikki_osiot.txt")),
    ])

    assert results[0].action == FAILED and "disk full" in results[0].error
    assert results[0].page is None
    assert results[1].action == CREATED
    assert Page.objects.count() == pages_before + 1
    assert not OperatingModelPage.objects.exists()
    # The programme created its own new funder (ESR+); the model's new funders were rolled back.
    assert not Funder.objects.filter(code="kuntien-omarahoitus").exists()
    assert Funder.objects.count() == funders_before + 1
    # An external search index does not roll back: the importer removes the page from it.
    assert [page.title for page in unindexed] == ["Työkykyvalmentaja sote-keskuksessa"]


def test_a_locked_page_is_not_overwritten(parent):
    data = fixture_bytes("toimintamalli_utf8_bom.txt")
    first = import_one("a.txt", data)
    Page.objects.filter(pk=first.page.pk).update(locked=True)

    again = import_one("a.txt", data.replace(b"Yhteinen", b"Uusi yhteinen"))

    assert again.action == FAILED and "locked" in again.error
    assert first.page.revisions.count() == 1


def test_a_programme_and_its_model_in_one_batch_are_linked(parent):
    model = (
        "Toimintamallin nimi\nVerkoston vastaanotto\nToimintamallin lyhyt kuvaus\n\n"
        "Verkosto tapaa asiakkaan kerran viikossa.\n\nToimintamallin kokonaisuus\n"
        "Työkykyverkosto\n\nLuotu\n\n1.3.2024\n\nRatkaisun perusidea **\n\n"
        "Asiakas saa ajan samalle viikolle.\n\nKehittämisen vaihe\n\nKehitteillä\n"
    )
    results = import_files([("ohjelma.txt", fixture_bytes("kokonaisuus_kaikki_osiot.txt")),
                            ("malli.txt", model.encode())])

    assert [result.action for result in results] == [CREATED, CREATED]
    assert latest(results[1].page).programme.pk == results[0].page.pk


def test_dry_run_saves_nothing(parent):
    pages_before, funders_before = Page.objects.count(), Funder.objects.count()
    results = import_files([(name, fixture_bytes(name)) for name in GOOD_FIXTURES], dry_run=True)

    assert {result.action for result in results} == {PREVIEW}
    assert {result.would for result in results} == {CREATED}
    assert all(result.mapped_fields for result in results)
    assert (Page.objects.count(), Funder.objects.count()) == (pages_before, funders_before)


# Bad input -------------------------------------------------------------------------------------

BAD_INPUTS = [
    ("tyhja.txt", b"", "empty"),
    ("valilyonnit.txt", b"  \n\n \t ", "empty"),
    ("kuva.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a text file"),
    ("binaari.txt", bytes(range(256)) * 40, "not a text file"),
    ("liite.pdf", b"%PDF-1.7\n...", "not a text file"),
    ("muistio.txt", None, "does not look like an Innokylä page"),
    ("vain_otsikko.txt", None, "only a title"),
    ("valtava.txt", b"Toimintamallin nimi\nIso\n" + b"a" * (5 * 1024 * 1024 + 10), "too large"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_INPUTS)
def test_bad_input_gets_a_clear_message_and_creates_nothing(parent, name, data, message):
    if data is None:
        data = fixture_bytes("ei_innokyla.txt" if name == "muistio.txt" else name)
    pages_before = Page.objects.count()
    result = import_one(name, data)

    assert result.action == FAILED
    assert message in result.error
    assert Page.objects.count() == pages_before


def test_html_with_scripts_never_reaches_rich_text(parent):
    html = (
        "<html><body><script>alert('x')</script><h3>Toimintamallin nimi</h3><p>Turvallinen</p>"
        "<h3>Toimintamallin lyhyt kuvaus</h3><p>Kuvaus <b onclick='x()'>lihavoitu</b>"
        "<img src=x onerror=alert(1) alt='kuvan teksti'></p><h3>Luotu</h3><p>1.1.2024</p>"
        "<h3>Ratkaisun perusidea **</h3><p>&lt;script&gt;alert(2)&lt;/script&gt; teksti.</p>"
        "<h3>Kehittämisen vaihe</h3><p>Kehitteillä</p></body></html>"
    )
    result = import_one("sivu.html", html.encode())

    page = latest(result.page)
    stored = "".join(block.value["body"].source for block in page.description)
    assert "<script" not in stored and "onerror" not in stored and "onclick" not in stored
    assert "&lt;script&gt;alert(2)&lt;/script&gt; teksti." in stored  # shown as text, escaped
    assert "alert('x')" not in page_text(result.page)


def test_pasted_text_gets_the_same_checks_as_files(parent):
    importer = Importer(parent=parent)

    assert importer.import_text("liitetty", "  \n ").error == "The text is empty."
    assert "too large" in importer.import_text("liitetty", "ä" * (3 * 1024 * 1024)).error
    assert "does not look like" in importer.import_text("liitetty", "Kauppalista\nMaito").error


# Parents ---------------------------------------------------------------------------------------


def test_without_a_library_index_the_import_says_what_to_do(db):
    from portal.demo import build

    build()
    [result] = import_files([("a.txt", fixture_bytes("toimintamalli_kaikki_osiot.txt"))])

    assert result.action == FAILED
    assert "create the library index page first" in result.error


def test_parent_by_id_url_path_or_slug(parent):
    programme = build_programme(parent, title="Ohjelma", slug="ohjelma")

    assert resolve_parent(str(parent.pk)).pk == parent.pk
    assert resolve_parent("/fi/toimintamallit/").pk == parent.pk
    assert resolve_parent("toimintamallit").pk == parent.pk
    assert resolve_parent("/fi/toimintamallit/ohjelma/").pk == programme.pk
    with pytest.raises(ImporterSetupError, match="cannot hold imported pages"):
        resolve_parent(str(parent.get_parent().pk))
    with pytest.raises(ImporterSetupError, match="No page was found"):
        resolve_parent("/fi/ei-ole/")
    assert isinstance(resolve_parent(None), LibraryIndexPage)


# Building blocks ----------------------------------------------------------------------------------


def test_text_becomes_escaped_rich_text_with_lists_and_links():
    html = text_to_rich_text(
        "Ensimmäinen <b>kappale</b>\ntoinen rivi\n\n• kohta yksi\n• kohta & kaksi\n"
        "Lisätietoa: https://example.fi/ohje."
    )

    assert html == (
        "<p>Ensimmäinen &lt;b&gt;kappale&lt;/b&gt;<br/>toinen rivi</p>"
        "<ul><li>kohta yksi</li><li>kohta &amp; kaksi</li></ul>"
        '<p>Lisätietoa: <a href="https://example.fi/ohje">https://example.fi/ohje</a>.</p>'
    )


def test_place_text_splits_into_names():
    assert split_places("Aura, Loimaa ja Somero.") == ["Aura", "Loimaa", "Somero"]
    assert split_places("Espoo (Länsi-Uusimaa) / Kauniainen") == [
        "Espoo", "Länsi-Uusimaa", "Kauniainen"]


def test_truncate_cuts_at_a_word_boundary():
    assert truncate("yksi kaksi kolme neljä", 15) == "yksi kaksi…"
    assert len(truncate("a" * 700, 600)) == 600
