"""Programme and operating-model pages show what editors entered, beyond Innokylä."""

import datetime

import pytest
from bs4 import BeautifulSoup

from models_library.models import (
    DevelopmentLogEntry,
    EvaluationCriterion,
    Funder,
    Municipality,
    Region,
    TargetGroup,
)
from tests.builders import build_model, build_programme, sections, term


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_model_page_shows_basic_data_and_sections(client, library):
    programme = build_programme(library, title="Kansallinen ohjelma")
    model = build_model(
        programme, title="Työkyvyn tuen tiimi", summary="Tiimi tukee asiakasta.",
        implementation_place="Turku ja Salo", programme=programme,
        regions=[term(Region, "varsinais-suomi")], municipalities=[term(Municipality, "853")],
        funders=[term(Funder, "stm"), term(Funder, "esr")],
        target_groups=[term(TargetGroup, "osatyokykyiset")], topics=["työkyky"],
        stage="ready", authors="Hanketiimi", source_created=datetime.date(2023, 7, 31),
        description=sections(extra=[("Asiakkaiden palaute", "Palaute kerättiin kyselyllä.")]),
    )
    soup = soup_of(client.get(model.url))
    text = soup.get_text(" ")
    assert soup.h1.text == "Työkyvyn tuen tiimi"
    basic_data = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
                  for dt in soup.find(id="facts-heading").find_parent("section").select("dt")}
    assert basic_data["Toteutuspaikka"] == "Turku ja Salo"
    assert basic_data["Alueet"] == "Varsinais-Suomen hyvinvointialue"
    assert basic_data["Kunnat"] == "Turku"
    assert basic_data["Rahoittajat"] == (
        "Euroopan sosiaalirahasto (ESR), Sosiaali- ja terveysministeriö (STM)")
    assert basic_data["Kohderyhmät"] == "Osatyökykyiset"
    assert basic_data["Aihealueet"] == "työkyky"
    assert basic_data["Tekijät"] == "Hanketiimi"
    assert basic_data["Luotu"] == "31.7.2023"
    assert basic_data["Kokonaisuus"] == "Kansallinen ohjelma"
    headings = [h2.text for h2 in soup.select("section.model-section h2")]
    assert headings[:4] == ["Ratkaisun perusidea", "Toimintaympäristö",
                            "Toimivuuden ja käyttöönoton ehdot", "Kohderyhmä ja asiakasymmärrys"]
    assert "Asiakkaiden palaute" in headings
    assert "Palaute kerättiin kyselyllä." in text


@pytest.mark.django_db
def test_model_page_in_swedish_uses_swedish_taxonomy_names(client, library):
    model = build_model(library, title="Modell", regions=[term(Region, "lansi-uusimaa")],
                        municipalities=[term(Municipality, "049")])
    translation = model.copy_for_translation(
        term(Region, "lansi-uusimaa", "sv").locale, copy_parents=True)
    translation.save_revision().publish()
    text = soup_of(client.get(translation.url)).get_text(" ")
    assert "Västra Nylands välfärdsområde" in text
    assert "Esbo" in text


@pytest.mark.django_db
def test_variants_evaluation_log_citation_and_print(client, library):
    root = build_model(library, title="Tiimi A", implementation_place="Kotka")
    other = build_model(library, title="Tiimi B", variant_of=root)
    model = build_model(
        library, title="Tiimi C", variant_of=root,
        evaluation_criteria=[
            EvaluationCriterion(criterion="Asiakas hyötyy", rating="green", note="Selvä hyöty"),
            EvaluationCriterion(criterion="Kustannukset", rating="yellow"),
            EvaluationCriterion(criterion="Levitettävyys", rating="green"),
        ],
        development_log=[DevelopmentLogEntry(date=datetime.date(2022, 1, 10),
                                             phase="understand", text="Haastateltiin asiakkaita")],
        authors="Hanketiimi", source_modified=datetime.date(2024, 3, 6),
    )
    soup = soup_of(client.get(model.url))
    variants = [a.text for a in soup.select(".variants li a")]
    assert variants == ["Tiimi A", "Tiimi B"]
    compare_href = soup.select_one(".variants a.button")["href"]
    keys = [page.translation_key for page in (model, root, other)]
    assert compare_href == "/fi/toimintamallit/vertaa/?" + "&".join(f"m={key}" for key in keys)
    badges = [badge.get_text(strip=True) for badge in soup.select(".evaluation__summary .rating")]
    assert badges == ["Täyttyy: 2", "Osittain: 1", "Ei täyty: 0"]  # sentence case, not "Ei Täyty"
    ratings = [cell.get_text(strip=True) for cell in soup.select(".evaluation__table .rating")]
    assert ratings == ["Täyttyy", "Osittain", "Täyttyy"]
    assert "Haastateltiin asiakkaita" in soup.select_one(".dev-log").text
    citation = soup.select_one(".citation").get_text(" ")
    assert "Hanketiimi (2024)" in citation and "Tiimi C" in citation
    printable = soup_of(client.get(model.url + "tulosta/"))
    assert printable.h1.text == "Tiimi C"
    assert printable.select_one("nav.main-nav") is None


@pytest.mark.django_db
def test_programme_lists_its_models_and_sub_programmes(client, library):
    national = build_programme(library, title="Työkykyohjelma", purpose="<p>Tavoite</p>",
                               partners="STM ja TEM", period_text="2019–2023",
                               contact_organisation="Ministeriö",
                               contact_email="tyokyky@example.fi")
    regional = build_programme(national, title="Alueellinen hanke")
    build_model(regional, title="Malli yksi", programme=national)
    build_model(regional, title="Luonnosmalli", programme=national, live=False)
    soup = soup_of(client.get(national.url))
    assert [a.text for a in soup.select(".model-list a")] == ["Malli yksi"]
    assert "Alueellinen hanke" in soup.get_text()
    assert "tyokyky@example.fi" in soup.get_text()
    assert "2019–2023" in soup.get_text()


@pytest.mark.django_db
def test_cover_image_requires_alt_text(library):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image

    from tests.portal.test_pages import png_file

    image = Image.objects.create(title="Kansi", file=png_file())
    model = build_model(library, title="Kuvallinen")
    model.cover_image = image
    model.cover_image_alt = ""
    with pytest.raises(ValidationError):
        model.full_clean()
    model.cover_image_alt = "Sininen kuvio"
    model.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(("period_text", "shown"), [
    ("2019–2023", "1.6.2019 – 31.12.2023"),
    ("2019 - 2023", "1.6.2019 – 31.12.2023"),
    ("2019–2023, jatkuu vakiintuneena", "1.6.2019 – 31.12.2023 2019–2023, jatkuu vakiintuneena"),
])
def test_programme_period_is_printed_once(client, library, period_text, shown):
    programme = build_programme(library, title="Kausihanke", period_text=period_text,
                                start_date=datetime.date(2019, 6, 1),
                                end_date=datetime.date(2023, 12, 31))
    soup = soup_of(client.get(programme.url))
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
             for dt in soup.select(".facts dt")}
    assert facts["Toimiaika"] == shown


@pytest.mark.django_db
def test_draft_preview_shows_the_drafts_terms_and_topics(admin_client, library):
    """A preview rebuilds the page from its revision (relations held in memory): the
    model page renders it with the draft's own regions and topics."""
    model = build_model(library, title="Esikatseltava", topics=["vanha aihe"],
                        regions=[term(Region, "lappi")])
    draft = model.get_latest_revision_as_object()
    draft.regions = [term(Region, "kainuu")]
    draft.topics.set(["uusi aihe"])
    draft.save_revision()

    response = admin_client.get(f"/admin/pages/{model.pk}/view_draft/")

    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert "uusi aihe" in text and "vanha aihe" not in text
    assert "Kainuu" in text
