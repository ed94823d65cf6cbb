"""A trainer runs a cohort: the trainee joins with a code and sends an assignment, the
trainer asks for a revision and then accepts it, and reads the dashboard and its CSV.

axe checks the join, lesson (assignment and self-assessment), review, trainer and
dashboard pages in Finnish in the journey, and in Swedish and English after it.
"""

import csv
import io
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.builders import build_trainee, translate_tree
from tests.e2e.conftest import path_of
from tests.training.coursework import build_cohort, build_coursework_course, build_trainer

PASSWORD = "Salasana-123"


@pytest.fixture
def cohort_site(site):
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="fi")
    course = build_coursework_course(home)
    trainer = build_trainer()
    trainee = build_trainee(email="ryhmalainen@example.fi")
    return site, course, trainer, trainee


def sign_in(browser, site, email, language="fi"):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site + f"/{language}/tili/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_be_visible()
    return page


def lesson_url(course, title):
    from training.models import LessonPage

    return LessonPage.objects.descendant_of(course).get(title=title).url


def test_join_submit_revise_accept_and_read_the_dashboard(browser, cohort_site,
                                                          assert_accessible):
    site, course, trainer, trainee = cohort_site
    coach = sign_in(browser, site, trainer.email)
    coach.goto(site + "/fi/opinnot/kouluttaja/")
    assert_accessible(coach)
    coach.get_by_role("button", name="Luo ryhmä").click()
    expect(coach.get_by_role("alert")).to_contain_text("Ryhmän nimi")
    assert_accessible(coach)
    coach.get_by_label("Ryhmän nimi").fill("Kevään ryhmä")
    coach.get_by_label("Kurssi").select_option(label=course.title)
    coach.get_by_role("button", name="Luo ryhmä").click()
    expect(coach.get_by_role("heading", level=1)).to_have_text("Kevään ryhmä")
    code = coach.locator("main code").first.inner_text()
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", code)

    learner = sign_in(browser, site, trainee.email)
    learner.goto(site + "/fi/opinnot/")
    learner.get_by_role("link", name="Liity ryhmään koodilla").click()
    assert_accessible(learner)
    learner.get_by_label("Liittymiskoodi").fill("VAARA-KOODI")
    learner.get_by_role("button", name="Liity").click()
    expect(learner.get_by_text("Millään avoimella ryhmällä ei ole tätä koodia.").first) \
        .to_be_visible()
    assert_accessible(learner)
    learner.get_by_label("Liittymiskoodi").fill(code.lower())
    learner.get_by_role("button", name="Liity").click()
    expect(learner.get_by_text("Liityit ryhmään Kevään ryhmä")).to_be_visible()
    assert path_of(learner.url) == course.url

    learner.goto(site + lesson_url(course, "Alkuarvio"))
    for position, value in enumerate((2, 1, 3)):
        learner.locator(f"#c-{position}-{value}").check()
    learner.get_by_role("button", name="Tallenna itsearviointisi").click()
    expect(learner.get_by_text("Itsearviointisi tallennettiin.")).to_be_visible()
    assert_accessible(learner)

    learner.goto(site + lesson_url(course, "Tehtävä"))
    assert_accessible(learner)
    learner.get_by_label("Vastauksesi").fill("Alueellani toimivat hyvinvointialue ja Kela.")
    learner.get_by_label("Liitä tiedosto (vapaaehtoinen)").set_input_files(
        files=[{"name": "ohjelma.pdf", "mimeType": "application/pdf",
                "buffer": b"MZ\x90\x00" + b"\x00" * 64}])
    learner.get_by_role("button", name="Lähetä vastauksesi").click()
    expect(learner.get_by_role("alert")).to_contain_text("Ohjelmia")
    expect(learner.get_by_label("Vastauksesi")).to_have_value(
        "Alueellani toimivat hyvinvointialue ja Kela.")
    assert_accessible(learner)
    learner.get_by_label("Liitä tiedosto (vapaaehtoinen)").set_input_files(
        files=[{"name": "kartta.txt", "mimeType": "text/plain",
                "buffer": b"Palvelukartta: hyvinvointialue, Kela."}])
    learner.get_by_role("button", name="Lähetä vastauksesi").click()
    expect(learner.get_by_text("Vastauksesi lähetettiin.")).to_be_visible()
    assert mail.outbox[-1].to == [trainer.email]
    review_link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)

    coach.goto(site + review_link)
    expect(coach.get_by_text("Alueellani toimivat hyvinvointialue ja Kela.")).to_be_visible()
    assert_accessible(coach)
    coach.get_by_label("pyydä korjaamaan").check()
    coach.get_by_role("button", name="Tallenna arvio").click()
    expect(coach.get_by_role("alert")).to_contain_text("Kerro koulutettavalle")
    assert_accessible(coach)
    coach.get_by_label("Palaute koulutettavalle").fill("Lisää työllisyyspalvelut.")
    coach.get_by_role("button", name="Tallenna arvio").click()
    expect(coach.get_by_text("Arviosi tallennettiin")).to_be_visible()
    assert mail.outbox[-1].to == [trainee.email]

    learner.goto(site + lesson_url(course, "Tehtävä"))
    expect(learner.get_by_text("Lisää työllisyyspalvelut.")).to_be_visible()
    assert_accessible(learner)
    learner.get_by_label("Korjattu vastauksesi").fill("Mukana myös työllisyyspalvelut.")
    learner.get_by_role("button", name="Lähetä vastauksesi").click()
    expect(learner.get_by_text("Vastauksesi lähetettiin.")).to_be_visible()
    second_link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)

    coach.goto(site + second_link)
    coach.get_by_label("hyväksy").check()
    coach.get_by_role("button", name="Tallenna arvio").click()
    expect(coach.get_by_text("Arviosi tallennettiin")).to_be_visible()
    learner.goto(site + lesson_url(course, "Tehtävä"))
    expect(learner.get_by_text("Tehtäväsi on hyväksytty.")).to_be_visible()

    coach.goto(site + "/fi/opinnot/kouluttaja/")
    coach.get_by_role("link", name="Kevään ryhmä").click()
    expect(coach.locator("table.dashboard td").first).to_have_text("1/4 (25 %)")
    expect(coach.locator("svg[role=img]")).to_have_count(2)
    expect(coach.get_by_role("img", name=re.compile("Ryhmän keskimääräinen eteneminen")))\
        .to_be_visible()
    assert_accessible(coach)
    with coach.expect_download() as download:
        coach.get_by_role("link", name="Lataa CSV-tiedostona").click()
    with open(download.value.path(), encoding="utf-8-sig") as exported:
        rows = list(csv.reader(io.StringIO(exported.read())))
    assert rows[0][0] == "Koulutettava"
    assert rows[1][1] == trainee.email and rows[1][5] == "25"
    coach.context.close()
    learner.context.close()


@pytest.mark.parametrize("language,send,csv_link", [
    ("sv", "Skicka ditt svar", "Ladda ner som CSV"),
    ("en", "Send your answer", "Download as CSV"),
])
def test_cohort_pages_accessible_in_swedish_and_english(browser, cohort_site, assert_accessible,
                                                       language, send, csv_link):
    site, course, trainer, trainee = cohort_site
    translated = translate_tree(course, language)
    cohort = build_cohort(course, trainer, members=[trainee])
    learner = sign_in(browser, site, trainee.email, language)
    learner.goto(site + f"/{language}/opinnot/liity/")
    assert_accessible(learner)
    learner.goto(site + lesson_url(translated, f"Tehtävä ({language})"))
    learner.locator("#text").fill("Svar / answer")
    learner.get_by_role("button", name=send).click()
    expect(learner.locator(".submission")).to_have_count(1)
    assert_accessible(learner)
    learner.goto(site + lesson_url(translated, f"Alkuarvio ({language})"))
    assert_accessible(learner)

    coach = sign_in(browser, site, trainer.email, language)
    coach.goto(site + f"/{language}/opinnot/kouluttaja/")
    assert_accessible(coach)
    coach.goto(site + f"/{language}/opinnot/kouluttaja/ryhmat/{cohort.pk}/")
    expect(coach.get_by_role("link", name=csv_link)).to_be_visible()
    assert_accessible(coach)
    coach.locator("td a").first.click()
    assert_accessible(coach)
    coach.context.close()
    learner.context.close()
