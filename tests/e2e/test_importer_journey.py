"""An editor imports an Innokylä description in the admin: upload, preview, create a draft."""

from pathlib import Path

from playwright.sync_api import expect

from models_library.models import OperatingModelPage
from tests.builders import build_library

FIXTURE = (Path(__file__).resolve().parents[1] / "models_library" / "fixtures" / "innokyla"
           / "toimintamalli_kaikki_osiot.txt")


def sign_in_as_editor(page, site, django_user_model):
    django_user_model.objects.create_superuser("toimittaja", "toimitus@example.fi", "salasana-1")
    page.goto(site + "/admin/login/")
    page.locator("input[name=username]").fill("toimittaja")
    page.locator("input[name=password]").fill("salasana-1")
    page.get_by_role("button", name="Kirjaudu sisään").click()


def test_upload_preview_and_create_a_draft(page, site, django_user_model):
    from portal.models import HomePage

    build_library(HomePage.objects.get(locale__language_code="fi"))
    sign_in_as_editor(page, site, django_user_model)

    page.goto(site + "/admin/innokyla-tuonti/")
    page.locator("input[type=file]").set_input_files(str(FIXTURE))
    page.get_by_role("button", name="Esikatselu").click()
    expect(page.get_by_text("Työkykyvalmentaja sote-keskuksessa").first).to_be_visible()
    assert not OperatingModelPage.objects.exists()  # the preview saves nothing

    page.get_by_role("button", name="Luo luonnokset").click()
    expect(page.get_by_text("Työkykyvalmentaja sote-keskuksessa").first).to_be_visible()
    imported = OperatingModelPage.objects.get()
    assert imported.title == "Työkykyvalmentaja sote-keskuksessa"
    assert not imported.live


TABS = FIXTURE.parent / "valilehdet"


def test_a_development_path_is_imported_onto_an_existing_model_and_shown_on_its_page(
        page, site, django_user_model):
    from models_library.importer.service import Importer
    from portal.models import HomePage

    base = "https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo-kirjastossa"
    library = build_library(HomePage.objects.get(locale__language_code="fi"))
    Importer(parent=library).import_bytes("kuvaus.txt", (TABS / "kuvaus_ohjaamo.txt").read_bytes(),
                                          source_url=base)
    model = OperatingModelPage.objects.get()
    model.get_latest_revision().publish()
    sign_in_as_editor(page, site, django_user_model)

    page.goto(site + "/admin/innokyla-tuonti/")
    page.locator("input[type=file]").set_input_files(str(TABS / "polku_ohjaamo.txt"))
    page.get_by_label("Lähteen osoite").fill(f"{base}/kehittamisen-polku")
    page.get_by_role("button", name="Esikatselu").click()
    expect(page.get_by_text("päivittää olemassa olevan sivun uudella versiolla")).to_be_visible()
    expect(page.locator(".innokyla-preview__tab")).to_contain_text("kehittämisen polku")

    page.get_by_role("button", name="Luo luonnokset").click()
    expect(page.get_by_role("cell", name="kehittämisen polku")).to_be_visible()
    assert OperatingModelPage.objects.count() == 1

    page.goto(f"{site}/admin/pages/{model.pk}/view_draft/")
    expect(page.get_by_role("heading", name="Kehittämisen polku", level=2)).to_be_visible()
    expect(page.get_by_role("heading", name="Pilotointi ja arviointi", level=3)).to_be_visible()
    expect(page.get_by_text("Ryhmään kutsuttiin kirjastonhoitaja")).to_be_visible()
    expect(page.get_by_role("heading", name="Ratkaisun perusidea")).to_be_visible()
