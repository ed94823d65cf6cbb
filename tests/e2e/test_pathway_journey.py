"""A professional filters the pathway catalogue, follows a pathway to its operating model
and downloads a step's document; catalogue, pathway and document pages pass axe in fi/sv/en."""

import pytest
from playwright.sync_api import expect

from models_library.models import Region, TargetGroup
from portal.demo_utils import upsert_translation
from tests.builders import (
    branch,
    build_document,
    build_library,
    build_model,
    build_pathway,
    build_pathway_index,
    step,
    step_value,
    term,
)
from tests.models_library import files


@pytest.fixture
def pathway_site(site):
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="fi")
    library = build_library(home)
    model = build_model(library, title="Työkyvyn tuen tiimi",
                        regions=[term(Region, "kymenlaakso")])
    catalogue = build_pathway_index(home)
    document = build_document(title="Lähete tiimiin", filename="lahete.docx",
                              data=files.docx(title="Lähete tiimiin"),
                              description="Lomakepohja lähetteelle.")
    pathway = build_pathway(
        catalogue, title="Kotkan työkykypolku", summary="Ohjauksesta työhönvalmennukseen.",
        target_groups=[term(TargetGroup, "osatyokykyiset")], regions=[term(Region, "kymenlaakso")],
        steps=[
            step("Ohjaus tiimiin", "Työllisyyspalvelut", "municipal_employment", models=[model],
                 documents=[document], client_gets="Yhteyshenkilön."),
            branch("Onko asiakas työkykyinen?",
                   ("Työkykyinen", [step_value("Työhönvalmennus", "Järjestö", "ngo")], "rejoin"),
                   ("Tarvitsee kuntoutusta", [step_value("Kuntoutus", "Kela", "kela")], "rejoin")),
            step("Seuranta", "Työllisyyspalvelut", "municipal_employment"),
        ])
    build_pathway(catalogue, title="Lapin nuorten polku", regions=[term(Region, "lappi")],
                  steps=[step("Ohjaamo", "Ohjaamo", "municipal_employment")])
    translations = {}
    for language, (index_title, pathway_title) in {
        "sv": ("Servicestigar", "Arbetsförmågestigen i Kotka"),
        "en": ("Service pathways", "Kotka work-ability pathway"),
    }.items():
        index = upsert_translation(catalogue, language, title=index_title)
        translations[language] = (index, upsert_translation(pathway, language,
                                                            title=pathway_title))
    return site, catalogue, pathway, model, document, translations


def test_filter_open_follow_and_download(page, pathway_site, assert_accessible):
    site, catalogue, pathway, model, document, translations = pathway_site
    page.goto(site + catalogue.url)
    assert_accessible(page)
    page.get_by_role("checkbox", name="Kymenlaakson hyvinvointialue").check()
    page.get_by_role("button", name="Käytä rajauksia").click()
    assert "region=kymenlaakso" in page.url
    cards = page.locator(".card__title a")
    expect(cards).to_have_count(1)
    cards.first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kotkan työkykypolku")
    expect(page.get_by_role("heading", name="Haara A: Työkykyinen")).to_be_visible()
    expect(page.get_by_text("Haarat yhtyvät taas vaiheessa 2.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Työkyvyn tuen tiimi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Työkyvyn tuen tiimi")
    expect(page.get_by_role("link", name="Kotkan työkykypolku")).to_be_visible()
    page.go_back()

    page.locator("#step-1").get_by_role("link", name="Lähete tiimiin").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lähete tiimiin")
    expect(page.get_by_text("Word (DOCX)")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lataa Lähete tiimiin").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    with open(download.path(), "rb") as handle:
        assert handle.read().startswith(b"PK")

    for index, translated in translations.values():
        for url in (index.url, translated.url, f"{index.url}asiakirjat/{document.pk}/"):
            response = page.goto(site + url)
            assert response.status == 200, url
            assert_accessible(page)


def test_pathway_at_phone_width_and_without_javascript(browser, pathway_site):
    site, _catalogue, pathway, *_rest = pathway_site
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(site + pathway.url)
    expect(page.get_by_role("heading", name="Haara B: Tarvitsee kuntoutusta")).to_be_visible()
    # Nothing is wider than the screen: branches stack instead of scrolling sideways.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    context.close()
