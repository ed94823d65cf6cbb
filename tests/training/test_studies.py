"""Enrolment, progress, quizzes graded on the server, and a trainee's own records."""

import datetime

import pytest
from django.utils import timezone

from tests.builders import build_course, build_lesson, build_module, question, quiz
from training.models import Enrolment, LessonCompletion, LessonPage, QuizAttempt

pytestmark = pytest.mark.django_db


def lesson(course, slug):
    return LessonPage.objects.descendant_of(course).get(slug=slug)


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def enrol(client, course):
    return client.post(route(course, "enrol"), follow=True)


def sheet(quiz_lesson, attempt=1, **answers):
    block = quiz_lesson.quiz_block()
    questions = list(block.value["questions"].bound_blocks)
    data = {"quiz": str(block.id), "attempt": str(attempt)}
    for position, choice_positions in answers.items():
        item = questions[int(position[1:])]
        choices = list(item.value["choices"].bound_blocks)
        data[f"q-{item.id}"] = [str(choices[n].id) for n in choice_positions]
    return data


RIGHT = {"a0": [0], "a1": [0, 1]}
WRONG = {"a0": [1], "a1": [0]}


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# -- enrolment ---------------------------------------------------------------------------
def test_trainee_enrols_and_leaves(client, course, trainee):
    client.force_login(trainee)
    response = enrol(client, course)
    assert "Olet ilmoittautunut. Tervetuloa kurssille!" in messages_of(response)
    assert Enrolment.objects.filter(user=trainee, course_key=course.translation_key).exists()
    assert "Eroa kurssilta" in response.content.decode()
    response = client.post(route(course, "leave"), follow=True)
    assert not Enrolment.objects.filter(user=trainee).exists()
    assert any("Erosit kurssilta" in message for message in messages_of(response))


def test_enrolment_is_post_only_and_needs_csrf(course, trainee):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    assert client.get(route(course, "enrol")).status_code == 405
    assert client.post(route(course, "enrol")).status_code == 403
    assert not Enrolment.objects.exists()


def test_anonymous_enrol_goes_to_sign_in(client, course):
    response = client.post(route(course, "enrol"))
    assert response.status_code == 302 and "/tili/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_prerequisite_is_enforced(client, course, trainee):
    trainer_course = build_course(course.get_parent(), title="Kouluttajakurssi",
                                  track="trainer", credits=1, prerequisites=[course])
    client.force_login(trainee)
    page = client.get(trainer_course.url).content.decode()
    assert "Ennen kuin voit ilmoittautua, suorita:" in page
    response = enrol(client, trainer_course)
    assert messages_of(response) == ["Suorita ensin nämä kurssit: Työkyvyn tuen perusteet."]
    assert not Enrolment.objects.filter(course_key=trainer_course.translation_key).exists()

    Enrolment.objects.create(user=trainee, course_key=course.translation_key,
                             completed_at=timezone.now())
    enrol(client, trainer_course)
    assert Enrolment.objects.filter(course_key=trainer_course.translation_key).exists()


def test_closed_course_refuses_self_enrolment(client, course, trainee):
    closed = build_course(course.get_parent(), title="Suljettu", self_enrolment=False)
    client.force_login(trainee)
    response = enrol(client, closed)
    assert messages_of(response) == ["Kurssille ei voi ilmoittautua itse."]
    assert not Enrolment.objects.exists()


# -- progress ----------------------------------------------------------------------------
def test_mark_as_done_progress_and_continue(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    reading = lesson(course, "mita-tyokyky-on")
    assert "Aloita kurssi" in client.get(course.url).content.decode()
    client.get(reading.url)
    response = client.post(route(reading, "mark_done"), follow=True)
    assert messages_of(response) == ["Oppitunti merkitty tehdyksi."]
    assert LessonCompletion.objects.filter(user=trainee, via="marked").count() == 1
    html = client.get(course.url).content.decode()
    assert "1/2 oppituntia tehty (50 %)" in html
    assert "Jatka siitä, mihin jäit" in html and "Tuen tarve" in html
    studies = client.get("/fi/opinnot/").content.decode()
    assert "Työkyvyn tuen perusteet" in studies
    assert "1/2 oppituntia tehty (50 %)" in studies
    assert "Seuraavaksi:" in studies and "Tuen tarve" in studies


def test_quiz_lesson_cannot_be_marked_done(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    response = client.post(route(lesson(course, "tuen-tarve"), "mark_done"), follow=True)
    assert messages_of(response) == ["Oppitunti suoritetaan läpäisemällä sen tentti."]
    assert not LessonCompletion.objects.exists()


def test_mark_done_needs_enrolment(client, course, trainee):
    client.force_login(trainee)
    client.post(route(lesson(course, "mita-tyokyky-on"), "mark_done"))
    assert not LessonCompletion.objects.exists()


# -- quizzes -----------------------------------------------------------------------------
def test_fail_then_pass_completes_lesson_and_course(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    html = client.get(quiz_lesson.url).content.decode()
    assert "Kuka tukee?" in html and "Sinulla on 3 yrityskertaa jäljellä." in html

    response = client.post(route(quiz_lesson, "quiz"), sheet(quiz_lesson, 1, **WRONG),
                           follow=True)
    html = response.content.decode()
    assert "Ei vielä hyväksytty." in html and "0/2 oikein (0 %)" in html
    assert "Selitys." in html
    response = client.post(route(quiz_lesson, "quiz"), sheet(quiz_lesson, 2, **RIGHT),
                           follow=True)
    assert "Hyväksytty." in response.content.decode()
    attempts = list(QuizAttempt.objects.filter(user=trainee).order_by("number"))
    assert [(a.number, a.percent, a.passed) for a in attempts] == [(1, 0, False), (2, 100, True)]
    assert LessonCompletion.objects.get(user=trainee).via == "quiz"

    client.post(route(lesson(course, "mita-tyokyky-on"), "mark_done"))
    enrolment = Enrolment.objects.get(user=trainee)
    assert enrolment.completed_at is not None
    assert "Suoritettu" in client.get("/fi/opinnot/").content.decode()


def test_client_claims_of_score_are_ignored(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    data = {**sheet(quiz_lesson, 1, **WRONG), "score": "100", "passed": "1", "percent": "100"}
    client.post(route(quiz_lesson, "quiz"), data)
    attempt = QuizAttempt.objects.get()
    assert (attempt.percent, attempt.passed) == (0, False)
    assert not LessonCompletion.objects.exists()


def test_short_answer_ignores_case_and_spaces(client, home, trainee):
    from tests.builders import build_course_index

    course = build_course(build_course_index(home, slug="kurssit2"), title="Lyhyet")
    module = build_module(course)
    short = build_lesson(module, title="Lyhyt", body=[quiz(question(
        "Mikä lyhenne?", kind="short", choices=(), accepted="TYK\nTyökyky"))])
    client.force_login(trainee)
    enrol(client, course)
    block = short.quiz_block()
    item = next(iter(block.value["questions"].bound_blocks))
    client.post(route(short, "quiz"), {"quiz": str(block.id), "attempt": "1",
                                       f"q-{item.id}": "  työKYKY "})
    assert QuizAttempt.objects.get().passed


def post_and_messages(client, quiz_lesson, data):
    return messages_of(client.post(route(quiz_lesson, "quiz"), data, follow=True))


@pytest.mark.parametrize("tamper,message", [
    (lambda data, other: {**data, "q-" + "0" * 8: "x"},
     "Vastaukset eivät kuulu tähän tenttiin. Mitään ei tallennettu."),
    (lambda data, other: {**data, **{k: ["unknown"] for k in data if k.startswith("q-")}},
     "Vastaus ei ole mikään kysymyksen vaihtoehdoista. Mitään ei tallennettu."),
    (lambda data, other: {**data, **{k: v + v for k, v in data.items() if k.startswith("q-")}},
     "Sama vaihtoehto lähetettiin kahdesti. Mitään ei tallennettu."),
    (lambda data, other: {**data, **other}, "Vastaukset eivät kuulu tähän tenttiin. "
     "Mitään ei tallennettu."),
    (lambda data, other: {**data, "attempt": "7"},
     "Nämä vastaukset on jo lähetetty kerran. Mitään ei tallennettu uudelleen."),
    (lambda data, other: {**data, "quiz": "vanha"},
     "Tentti on muuttunut sen jälkeen, kun avasit sen. Vastauksiasi ei lähetetty; vastaa "
     "tenttiin uudelleen."),
])
def test_tampered_posts_are_refused(client, course, trainee, tamper, message):
    module = lesson(course, "tuen-tarve").get_parent()
    other = build_lesson(module, title="Toinen tentti", body=[quiz(question("Toinen?"))])
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    other_answers = {k: v for k, v in sheet(other, 1, a0=[0]).items() if k.startswith("q-")}
    data = tamper(sheet(quiz_lesson, 1, **RIGHT), other_answers)
    assert post_and_messages(client, quiz_lesson, data) == [message]
    assert not QuizAttempt.objects.exists()
    assert not LessonCompletion.objects.exists()


def test_single_choice_takes_one_answer(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    data = sheet(quiz_lesson, 1, a0=[0, 1], a1=[0, 1])
    assert post_and_messages(client, quiz_lesson, data) == [
        "Kysymykseen voi valita vain yhden vastauksen. Mitään ei tallennettu."]
    assert not QuizAttempt.objects.exists()


def test_replayed_post_is_refused(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    data = sheet(quiz_lesson, 1, **WRONG)
    client.post(route(quiz_lesson, "quiz"), data)
    assert post_and_messages(client, quiz_lesson, data) == [
        "Nämä vastaukset on jo lähetetty kerran. Mitään ei tallennettu uudelleen."]
    assert QuizAttempt.objects.count() == 1


def test_unanswered_question_keeps_the_answers_and_stores_nothing(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    data = sheet(quiz_lesson, 1, a0=[0])
    response = client.post(route(quiz_lesson, "quiz"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vastaa kaikkiin kysymyksiin: 1 kysymys on vastaamatta." in html
    chosen = next(v for k, v in data.items() if k.startswith("q-"))[0]
    assert f'value="{chosen}" checked' in html
    assert not QuizAttempt.objects.exists()


def test_attempt_limit_and_waiting_time(client, course, trainee):
    course.quiz_attempt_limit = 1
    course.save_revision().publish()
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    client.post(route(quiz_lesson, "quiz"), sheet(quiz_lesson, 1, **WRONG))
    assert post_and_messages(client, quiz_lesson, sheet(quiz_lesson, 2, **RIGHT)) == [
        "Olet käyttänyt kaikki yrityskertasi tähän tenttiin."]
    assert "Olet käyttänyt kaikki yrityskertasi." in client.get(quiz_lesson.url).content.decode()

    course.quiz_attempt_limit, course.quiz_wait_minutes = 0, 60
    course.save_revision().publish()
    messages = post_and_messages(client, quiz_lesson, sheet(quiz_lesson, 2, **RIGHT))
    assert len(messages) == 1 and messages[0].startswith("Voit yrittää uudelleen kello")
    QuizAttempt.objects.update(submitted_at=timezone.now() - datetime.timedelta(minutes=61))
    client.post(route(quiz_lesson, "quiz"), sheet(quiz_lesson, 2, **RIGHT))
    assert QuizAttempt.objects.filter(passed=True).count() == 1


def test_editing_the_quiz_never_rewrites_stored_results(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    response = client.post(route(quiz_lesson, "quiz"), sheet(quiz_lesson, 1, **RIGHT))
    result_url = response["Location"]
    quiz_lesson.body = [quiz(question("Täysin uusi kysymys?"), heading="Uusi tentti")]
    quiz_lesson.save_revision().publish()
    html = client.get(result_url).content.decode()
    assert "Kuka tukee?" in html and "Täysin uusi kysymys?" not in html
    attempt = QuizAttempt.objects.get()
    assert (attempt.percent, attempt.passed) == (100, True)
    assert attempt.quiz_title == "Perusteiden tentti"


# -- a trainee's own records -------------------------------------------------------------
def test_another_users_attempt_is_404(client, course, trainee, other_trainee):
    client.force_login(trainee)
    enrol(client, course)
    quiz_lesson = lesson(course, "tuen-tarve")
    client.post(route(quiz_lesson, "quiz"), sheet(quiz_lesson, 1, **WRONG))
    attempt = QuizAttempt.objects.get()
    assert client.get(route(quiz_lesson, "attempt", attempt.pk)).status_code == 200
    client.force_login(other_trainee)
    assert client.get(route(quiz_lesson, "attempt", attempt.pk)).status_code == 404
    assert client.get(route(quiz_lesson, "attempt", 999999)).status_code == 404
    studies = client.get("/fi/opinnot/").content.decode()
    assert "Työkyvyn tuen perusteet" not in studies


def test_per_user_pages_are_private(client, course, trainee):
    anonymous = client.get(course.url)
    assert "private" not in anonymous.get("Cache-Control", "")
    assert "Cookie" in anonymous["Vary"]
    client.force_login(trainee)
    for url in (course.url, lesson(course, "tuen-tarve").url, "/fi/opinnot/"):
        response = client.get(url)
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_my_studies_needs_sign_in(client, db):
    response = client.get("/fi/opinnot/")
    assert response.status_code == 302 and "/fi/tili/login/" in response["Location"]
