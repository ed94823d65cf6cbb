import pytest
from django.core.cache import caches

from tests.builders import (
    build_course,
    build_course_index,
    build_lesson,
    build_module,
    build_trainee,
    question,
    quiz,
)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the cache; every test starts from zero."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home(demo_site):
    return demo_site


@pytest.fixture
def course(home):
    """An open course: one module, a reading lesson, and a lesson with a two-question quiz."""
    index = build_course_index(home)
    course = build_course(index, title="Työkyvyn tuen perusteet", quiz_attempt_limit=3)
    module = build_module(course, title="Perusteet")
    build_lesson(module, title="Mitä työkyky on")
    build_lesson(module, title="Tuen tarve", body=[
        quiz(question("Kuka tukee?", choices=(("Koordinaattori", True), ("Ei kukaan", False))),
             question("Valitse kaksi", kind="multiple",
                      choices=(("A", True), ("B", True), ("C", False))),
             heading="Perusteiden tentti", pass_mark=100),
    ])
    return course


@pytest.fixture
def trainee(db):
    return build_trainee()


@pytest.fixture
def other_trainee(db):
    return build_trainee(email="toinen@example.fi")
