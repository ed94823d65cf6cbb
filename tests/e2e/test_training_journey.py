"""A trainee signs up, verifies the address, enrols, studies and passes a quiz.

axe checks the course, lesson, quiz, result, sign-up, sign-in and my-studies pages,
in Finnish in the journey and in Swedish and English after it.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.builders import (
    build_course,
    build_course_index,
    build_lesson,
    build_module,
    build_trainee,
    question,
    quiz,
    translate_tree,
)
from tests.e2e.conftest import path_of

PASSWORD = "Vahva-salasana-2026"


@pytest.fixture
def course_site(site):
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="fi")
    index = build_course_index(home)
    course = build_course(index, title="Työkyvyn tuen perusteet", quiz_attempt_limit=3)
    module = build_module(course, title="Perusteet")
    build_lesson(module, title="Mitä työkyky on")
    build_lesson(module, title="Tuen tarve", body=[quiz(
        question("Kuka tukee työkykyä?",
                 choices=(("Koordinaattori ja verkosto", True), ("Ei kukaan", False)),
                 explanation="Tuki syntyy yhteistyössä."),
        heading="Perusteiden tentti", pass_mark=100)])
    return site, course


def answer_and_send(page, choice):
    page.get_by_label(choice).check()
    page.get_by_role("button", name="Lähetä vastaukset").click()


def test_sign_up_verify_enrol_study_and_pass(page, course_site, assert_accessible):
    site, course = course_site
    page.goto(site + "/fi/tili/signup/")
    assert_accessible(page)
    page.locator("input[name=email]").fill("uusi.opiskelija@example.fi")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)

    page.goto(site + link)
    assert_accessible(page)
    page.get_by_role("button", name="Vahvista").click()
    expect(page.get_by_role("link", name="Kirjaudu ulos")).to_be_visible()

    page.goto(site + course.url)
    assert_accessible(page)
    page.get_by_role("button", name="Ilmoittaudu kurssille").click()
    expect(page.get_by_text("Olet ilmoittautunut. Tervetuloa kurssille!")).to_be_visible()
    page.get_by_role("link", name="Aloita kurssi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitä työkyky on")
    assert_accessible(page)
    page.get_by_role("button", name="Merkitse tehdyksi").click()
    expect(page.get_by_text("Oppitunti merkitty tehdyksi.")).to_be_visible()
    expect(page.get_by_text("1/2 oppituntia tehty (50 %)")).to_be_visible()

    page.get_by_role("link", name=re.compile("Seuraava oppitunti")).click()
    expect(page.get_by_role("heading", name="Perusteiden tentti")).to_be_visible()
    assert_accessible(page)
    answer_and_send(page, "Ei kukaan")
    expect(page.get_by_text("Ei vielä hyväksytty.")).to_be_visible()
    expect(page.get_by_text("Tuki syntyy yhteistyössä.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Takaisin oppituntiin").click()
    answer_and_send(page, "Koordinaattori ja verkosto")
    expect(page.get_by_text("Hyväksytty.", exact=False).first).to_be_visible()

    page.get_by_role("link", name="Omat opinnot").click()
    assert path_of(page.url) == "/fi/opinnot/"
    expect(page.get_by_text("2/2 oppituntia tehty (100 %)")).to_be_visible()
    expect(page.get_by_text(re.compile("Suoritettu"))).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language,sign_in,enrol,send", [
    ("sv", "Logga in", "Anmäl dig till kursen", "Skicka svaren"),
    ("en", "Sign In", "Enrol in the course", "Submit answers"),
])
def test_training_pages_accessible_in_swedish_and_english(page, course_site, assert_accessible,
                                                         language, sign_in, enrol, send):
    site, course = course_site
    translated = translate_tree(course, language)
    build_trainee(email="kielet@example.fi", password=PASSWORD)
    page.goto(site + f"/{language}/tili/signup/")
    assert_accessible(page)
    page.goto(site + f"/{language}/tili/login/")
    assert_accessible(page)
    page.locator("input[name=login]").fill("kielet@example.fi")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    assert path_of(page.url) == f"/{language}/opinnot/"
    assert_accessible(page)

    page.goto(site + translated.url)
    assert_accessible(page)
    page.get_by_role("button", name=enrol).click()
    page.goto(site + translated.url)
    page.locator(".lesson-list a").last.click()
    expect(page.get_by_role("button", name=send)).to_be_visible()
    assert_accessible(page)
    page.goto(site + f"/{language}/opinnot/")
    expect(page.get_by_role("heading", level=2)).to_contain_text(translated.title)
    assert_accessible(page)
