"""Course pages as anonymous visitors and trainees see them."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from tests.builders import build_lesson, build_library, build_model
from training.models import CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def lesson(course, slug):
    return LessonPage.objects.descendant_of(course).get(slug=slug)


def test_course_page_states_its_facts_and_invites_anonymous_to_sign_in(client, course):
    response = client.get(course.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Työkyvyn tuen perusteet" in html
    assert "2 op" in html
    assert "54 tuntia" in html
    assert "Kirjaudu sisään" in html
    assert 'action="' not in html.split("<main", 1)[1] or "ilmoittaudu" not in html


def test_anonymous_lesson_shows_public_text_and_sign_in_not_the_quiz(client, course):
    reading = lesson(course, "mita-tyokyky-on")
    response = client.get(reading.url)
    assert response.status_code == 200
    assert "Mitä työkyky on: oppitunnin teksti." in response.content.decode()
    quiz_lesson = lesson(course, "tuen-tarve")
    html = client.get(quiz_lesson.url).content.decode()
    assert "Perusteiden tentti" in html
    assert "Kuka tukee?" not in html  # questions only for enrolled trainees
    assert "Kirjaudu sisään ja ilmoittaudu kurssille" in html


def test_module_page_lists_its_lessons(client, course):
    module = ModulePage.objects.child_of(course).get()
    html = client.get(module.url).content.decode()
    assert "Mitä työkyky on" in html and "Tuen tarve" in html


def test_video_needs_a_transcript():
    block = LessonPage.body.field.stream_block.child_blocks["video"]
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"url": "https://www.youtube.com/watch?v=x", "title": "V",
                                     "transcript": ""}))


@pytest.mark.parametrize("kind,choices,accepted", [
    ("single", [("A", True), ("B", True)], ""),
    ("single", [("A", True)], ""),
    ("multiple", [("A", False), ("B", False)], ""),
    ("short", [], ""),
])
def test_quiz_question_must_be_answerable(kind, choices, accepted):
    block = LessonPage.body.field.stream_block.child_blocks["quiz"].child_blocks["questions"]
    value = block.child_block.to_python({
        "kind": kind, "question": "Q", "accepted_answers": accepted, "explanation": "",
        "choices": [{"text": text, "correct": correct} for text, correct in choices],
    })
    with pytest.raises(ValidationError):
        block.child_block.clean(value)


def test_library_card_in_lesson_and_lessons_listed_on_library_page(client, home, course):
    library = build_library(home)
    model = build_model(library, title="Työkykykoordinaattorin malli", summary="Lyhyt kuvaus.")
    module = ModulePage.objects.child_of(course).get()
    using = build_lesson(module, title="Koordinaattorin työ", body=[
        ("paragraph", RichText("<p>Lue malli.</p>")),
        ("library_page", {"page": model, "note": "Katso erityisesti vastuut."}),
    ])
    build_lesson(module, title="Luonnos", live=False, body=[
        ("library_page", {"page": model, "note": ""})])
    html = client.get(using.url).content.decode()
    assert "Työkykykoordinaattorin malli" in html
    assert "Katso erityisesti vastuut." in html
    assert "Lyhyt kuvaus." in html
    library_html = client.get(model.url).content.decode()
    assert "Koordinaattorin työ" in library_html
    assert "Luonnos" not in library_html


def test_library_card_hidden_when_page_is_not_live(client, home, course):
    library = build_library(home)
    draft = build_model(library, title="Keskeneräinen malli", live=False)
    module = ModulePage.objects.child_of(course).get()
    using = build_lesson(module, title="Viittaa luonnokseen", body=[
        ("library_page", {"page": draft, "note": ""})])
    html = client.get(using.url).content.decode()
    assert "Keskeneräinen malli" not in html


def test_draft_course_is_not_shown(client, home, course):
    from tests.builders import build_course

    index = course.get_parent()
    hidden = build_course(index, title="Salainen kurssi", live=False)
    assert "Salainen kurssi" not in client.get(index.url).content.decode()
    assert client.get(CoursePage.objects.get(pk=hidden.pk).url or "/fi/x/").status_code == 404
