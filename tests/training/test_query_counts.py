"""Training pages cost a fixed number of queries, whatever the number of lessons and attempts.

The project-wide budget of 10 queries per public page type is asserted by the shared
table-driven query-budget test, which lists these page types too.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import (
    build_course,
    build_course_index,
    build_lesson,
    build_library,
    build_model,
    build_module,
    question,
    quiz,
)
from training.models import Enrolment, LessonCompletion, QuizAttempt

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def course_of_size(index, size, library_page, slug):
    course = build_course(index, title=f"Kurssi {slug}", slug=slug)
    lessons = []
    for m in range(size):
        module = build_module(course, title=f"Moduuli {m}")
        for n in range(size):
            lessons.append(build_lesson(module, title=f"Oppitunti {m}-{n}", body=[
                ("library_page", {"page": library_page, "note": ""}),
                quiz(*[question(f"K{q}?") for q in range(size)]),
            ]))
    return course, lessons


@pytest.fixture
def two_sizes(home):
    library = build_library(home)
    model = build_model(library, title="Malli")
    index = build_course_index(home)
    small = course_of_size(index, 1, model, "pieni")
    large = course_of_size(index, 4, model, "suuri")
    return index, small, large, model


def urls(course, lessons):
    return {"course": course.url, "module": lessons[-1].get_parent().url,
            "lesson": lessons[-1].url}


def test_anonymous_training_pages_constant(client, two_sizes):
    index, (small, small_lessons), (large, large_lessons), model = two_sizes
    small_urls, large_urls = urls(small, small_lessons), urls(large, large_lessons)
    for name in small_urls:
        assert count_queries(client, small_urls[name]) == count_queries(client, large_urls[name])


def test_library_page_lists_lessons_at_a_fixed_cost(client, home):
    library = build_library(home)
    model = build_model(library, title="Malli")
    index = build_course_index(home)
    course_of_size(index, 1, model, "pieni")
    few = count_queries(client, model.url)
    course_of_size(index, 4, model, "suuri")
    assert count_queries(client, model.url) == few


def test_trainee_pages_constant_in_lessons_and_attempts(client, two_sizes, trainee):
    _index, (small, small_lessons), (large, large_lessons), _model = two_sizes
    client.force_login(trainee)
    for course, lessons in ((small, small_lessons), (large, large_lessons)):
        Enrolment.objects.create(user=trainee, course_key=course.translation_key,
                                 last_lesson_key=lessons[0].translation_key)
        for lesson in lessons[:-1]:
            LessonCompletion.objects.create(user=trainee, course_key=course.translation_key,
                                            lesson_key=lesson.translation_key, via="quiz")
        for number in range(1, len(lessons) + 1):
            QuizAttempt.objects.create(
                user=trainee, course_key=course.translation_key,
                lesson_key=lessons[-1].translation_key, quiz_id="x", number=number, score=0,
                max_score=1, percent=0, pass_mark=70, passed=False, quiz_title="T")
    small_urls, large_urls = urls(small, small_lessons), urls(large, large_lessons)
    for name in small_urls:
        assert count_queries(client, small_urls[name]) == count_queries(client, large_urls[name])
    count = count_queries(client, "/fi/opinnot/")
    Enrolment.objects.filter(user=trainee, course_key=large.translation_key).delete()
    assert count_queries(client, "/fi/opinnot/") == count
