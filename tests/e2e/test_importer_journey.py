"""An editor imports an Innokylä description in the admin: upload, preview, create a draft."""

from pathlib import Path

from playwright.sync_api import expect

from models_library.models import OperatingModelPage
from tests.builders import build_library

FIXTURE = (Path(__file__).resolve().parents[1] / "models_library" / "fixtures" / "innokyla"
           / "toimintamalli_kaikki_osiot.txt")


def test_upload_preview_and_create_a_draft(page, site, django_user_model):
    from portal.models import HomePage

    build_library(HomePage.objects.get(locale__language_code="fi"))
    django_user_model.objects.create_superuser("toimittaja", "toimitus@example.fi", "salasana-1")
    page.goto(site + "/admin/login/")
    page.locator("input[name=username]").fill("toimittaja")
    page.locator("input[name=password]").fill("salasana-1")
    page.get_by_role("button", name="Kirjaudu sisään").click()

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
