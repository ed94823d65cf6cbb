"""A trainee finishes a course, downloads the certificate PDF, an employer verifies it,
staff revoke it; the trainee downloads their data and deletes their account.

axe checks the verification page (form, result, error summary) and the privacy page,
in Finnish in the journey and in Swedish and English after it.
"""

import io
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.builders import build_trainee, translate_tree
from tests.e2e import test_training_journey
from tests.e2e.conftest import path_of

course_site = test_training_journey.course_site  # the same course as the training journey

PASSWORD = "Vahva-salasana-2026"


def sign_in(page, site, email, language="fi"):
    page.goto(site + f"/{language}/tili/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    assert path_of(page.url) == f"/{language}/opinnot/"


def finish_course(page, site, course):
    page.goto(site + course.url)
    page.get_by_role("button", name="Ilmoittaudu kurssille").click()
    page.get_by_role("link", name="Aloita kurssi").click()
    page.get_by_role("button", name="Merkitse tehdyksi").click()
    page.get_by_role("link", name=re.compile("Seuraava oppitunti")).click()
    page.get_by_label("Koordinaattori ja verkosto").check()
    page.get_by_role("button", name="Lähetä vastaukset").click()
    expect(page.get_by_text("Hyväksytty.", exact=False).first).to_be_visible()


def trainee_named(email):
    user = build_trainee(email=email, password=PASSWORD)
    user.first_name, user.last_name = "Kaino", "Esimerkki"
    user.save()
    return user


def test_certificate_verify_revoke_export_and_delete(page, browser, course_site,
                                                     assert_accessible):
    site, course = course_site
    trainee_named("todistus@example.fi")
    staff = build_trainee(email="henkilokunta@example.fi", password=PASSWORD)
    staff.user_permissions.add(Permission.objects.get(codename="revoke_certificate"))

    sign_in(page, site, "todistus@example.fi")
    finish_course(page, site, course)
    page.get_by_role("link", name="Omat opinnot").click()
    expect(page.get_by_text(re.compile("Suoritettu"))).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Lataa todistus \\(PDF\\)")).click()
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = pdf.pages[0].extract_text()
    for expected in ("Todistus", "Kaino Esimerkki", "on suorittanut kurssin",
                     "Työkyvyn tuen perusteet", "2 op", "Tarkistuskoodi"):
        assert expected in text, expected
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", text).group(0)
    url = re.search(r"https?://\S+/fi/opinnot/tarkista/" + code + "/", text).group(0)

    # An employer, not signed in, checks the code on the public page.
    employer = browser.new_context(locale="fi-FI").new_page()
    employer.goto(site + "/fi/opinnot/tarkista/")
    assert_accessible(employer)
    employer.get_by_label("Tarkistuskoodi").fill("väärä")
    employer.get_by_role("button", name="Tarkista").click()
    expect(employer.get_by_role("heading", name="Tarkista nämä:")).to_be_visible()
    assert_accessible(employer)
    employer.get_by_label("Tarkistuskoodi").fill(code.lower())
    employer.get_by_role("button", name="Tarkista").click()
    expect(employer.get_by_role("heading", name="Todistus on voimassa")).to_be_visible()
    expect(employer.get_by_text("Kaino Esimerkki")).to_be_visible()
    assert_accessible(employer)
    employer.goto(url)
    expect(employer.get_by_role("heading", name="Todistus on voimassa")).to_be_visible()

    # Staff revoke it with a reason.
    staff_page = browser.new_context(locale="fi-FI").new_page()
    sign_in(staff_page, site, "henkilokunta@example.fi")
    staff_page.goto(url)
    staff_page.get_by_role("button", name="Peru", exact=True).click()
    expect(staff_page.get_by_role("heading", name="Tarkista nämä:")).to_be_visible()
    assert_accessible(staff_page)
    staff_page.get_by_label("Perumisen syy").fill("Suoritus kirjattiin väärin.")
    staff_page.get_by_role("button", name="Peru", exact=True).click()
    expect(staff_page.get_by_text("Todistus peruttiin.")).to_be_visible()
    employer.reload()
    expect(employer.get_by_role("heading", name="Todistus on peruttu")).to_be_visible()
    expect(employer.get_by_text("väärin")).to_have_count(0)

    # The trainee downloads their data and deletes the account.
    page.get_by_role("link", name=re.compile("Omat tietosi")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Omat tietosi")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa tietosi (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "todistus@example.fi"
    assert data["certificates"][0]["verification_code"] == code
    assert data["certificates"][0]["status"] == "revoked"
    assert len(data["quiz_attempts"]) == 1
    page.get_by_label("Salasanasi").fill("väärä salasana")
    page.get_by_role("button", name="Poista tilini").click()
    expect(page.get_by_role("heading", name="Tarkista nämä:")).to_be_visible()
    expect(page.get_by_text("Salasana ei ole oikein.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Salasanasi").fill(PASSWORD)
    page.get_by_role("button", name="Poista tilini").click()
    expect(page.get_by_text("Tilisi ja henkilötietosi on poistettu.", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Kirjaudu sisään")).to_be_visible()
    employer.reload()
    expect(employer.get_by_role("heading", name="Todistus on poistettu")).to_be_visible()
    expect(employer.get_by_text("Kaino Esimerkki")).to_have_count(0)
    assert_accessible(employer)


@pytest.mark.parametrize("language,code_label,verify,valid,privacy", [
    ("sv", "Verifieringskod", "Verifiera", "Intyget är giltigt", "Dina uppgifter"),
    ("en", "Verification code", "Verify", "The certificate is valid", "Your data"),
])
def test_certificate_and_privacy_pages_accessible_in_swedish_and_english(
        page, course_site, assert_accessible, language, code_label, verify, valid, privacy):
    from training.models.certificates import issue_certificate

    site, course = course_site
    translate_tree(course, language)
    user = trainee_named(f"kieli-{language}@example.fi")
    certificate = issue_certificate(user, course)
    page.goto(site + f"/{language}/opinnot/tarkista/")
    assert_accessible(page)
    page.get_by_label(code_label).fill("x")
    page.get_by_role("button", name=verify).click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label(code_label).fill(certificate.display_code)
    page.get_by_role("button", name=verify).click()
    expect(page.get_by_role("heading", name=valid)).to_be_visible()
    assert_accessible(page)

    sign_in(page, site, user.email, language)
    page.goto(site + f"/{language}/opinnot/tietosuoja/")
    expect(page.get_by_role("heading", level=1)).to_have_text(privacy)
    assert_accessible(page)
    page.locator("input[name=password]").fill("wrong")
    page.locator("input[name=password]").press("Enter")
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
