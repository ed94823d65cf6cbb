"""A professional filters the library, reads a model, compares variants, downloads a file."""

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from models_library.models import (
    OperatingModelAttachment,
    OperatingModelPage,
    Region,
    TargetGroup,
)
from tests.builders import build_library, build_model, build_programme, sections, term

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture
def library_site(site):
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="fi")
    library = build_library(home)
    programme = build_programme(library, title="Kymenlaakson työkykyhanke",
                                regions=[term(Region, "kymenlaakso")])
    document = get_document_model().objects.create(title="Tiimin prosessikuvaus",
                                       file=ContentFile(PDF, name="prosessi.pdf"))
    root = build_model(
        programme, title="Työkyvyn tuen tiimi, Kotka", programme=programme,
        regions=[term(Region, "kymenlaakso")], target_groups=[term(TargetGroup, "tyottomat")],
        implementation_place="Kotka",
        description=sections(basic_idea="Kotkassa tiimi kokoontuu viikoittain."),
        attachments=[OperatingModelAttachment(document=document)],
    )
    build_model(library, title="Työkyvyn tuen tiimi, Lappeenranta", variant_of=root,
                regions=[term(Region, "etela-karjala")],
                target_groups=[term(TargetGroup, "tyottomat")],
                description=sections(basic_idea="Lappeenrannassa tiimi toimii sote-keskuksessa."))
    build_model(library, title="Nuorten ohjaamo", regions=[term(Region, "kymenlaakso")],
                target_groups=[term(TargetGroup, "nuoret")])
    return site, library, programme


def test_filter_read_compare_download(page, library_site, assert_accessible):
    site, library, programme = library_site
    page.goto(site + library.url)
    assert_accessible(page)
    page.get_by_role("checkbox", name="Kymenlaakson hyvinvointialue").check()
    page.get_by_role("checkbox", name="Työttömät").check()
    page.get_by_role("button", name="Käytä rajauksia").click()
    assert "region=kymenlaakso" in page.url and "target_group=tyottomat" in page.url
    cards = page.locator(".card__title a")
    expect(cards).to_have_count(1)
    expect(cards.first).to_have_text("Työkyvyn tuen tiimi, Kotka")
    assert_accessible(page)

    cards.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Työkyvyn tuen tiimi, Kotka")
    expect(page.get_by_text("Kotkassa tiimi kokoontuu viikoittain.")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tiimin prosessikuvaus").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read().startswith(b"%PDF")

    page.get_by_role("link", name="Vertaa versioita rinnakkain").click()
    lappeenranta = "Työkyvyn tuen tiimi, Lappeenranta"
    expect(page.get_by_role("columnheader", name=lappeenranta)).to_be_visible()
    cell_text = "Lappeenrannassa tiimi toimii sote-keskuksessa."
    expect(page.get_by_role("cell", name=cell_text)).to_be_visible()
    assert_accessible(page)

    page.goto(site + programme.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kymenlaakson työkykyhanke")
    assert_accessible(page)


def test_filters_work_by_keyboard_without_javascript(browser, library_site):
    site, library, _programme = library_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + library.url)
    # Without JS the filter panel starts closed (a phone sees results first);
    # its summary opens it from the keyboard.
    page.locator("summary", has_text="Suodattimet").focus()
    page.keyboard.press("Enter")
    page.get_by_role("checkbox", name="Nuoret").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Käytä rajauksia").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**target_group=nuoret**")
    expect(page.locator(".card__title a")).to_have_text(["Nuorten ohjaamo"])
    context.close()


def test_library_pages_fit_a_narrow_screen(page, library_site):
    site, library, programme = library_site
    page.set_viewport_size({"width": 320, "height": 640})
    model = programme.get_children().first()
    models = library.get_descendants().type(OperatingModelPage)[:2]
    compare_ids = "&".join(f"m={other.pk}" for other in models)
    for path in (library.url, programme.url, model.url, f"{library.url}vertaa/?{compare_ids}"):
        page.goto(site + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
