"""The demo courses and trainees, built from training/data by load_demo_content."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from training.models import (
    Certificate,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
)
from training.references import lessons_using_page

pytestmark = pytest.mark.django_db


def records():
    return (Enrolment.objects.count(), LessonCompletion.objects.count(),
            QuizAttempt.objects.count(), Revision.objects.count(),
            list(Certificate.objects.values_list("code", flat=True)))


def test_demo_courses_and_trainees(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo_content")
    first = records()
    call_command("load_demo_content")
    assert records() == first  # idempotent, learner records included
    output = capsys.readouterr().out
    assert "Trainee: opiskelija@example.fi" in output

    courses = {c.slug: c for c in CoursePage.objects.filter(locale__language_code="fi")}
    coordinator = courses["tyokykykoordinaattorin-koulutus"]
    assert (coordinator.credits, coordinator.track) == (10, "coordinator")
    modules = list(ModulePage.objects.child_of(coordinator))
    assert [module.credits for module in modules] == [5, 5]
    for module in modules:
        lessons = list(LessonPage.objects.child_of(module))
        assert len([lesson for lesson in lessons if not lesson.has_quiz]) >= 3
        assert any(lesson.has_quiz for lesson in lessons)
    trainer = courses["kouluttajakoulutus"]
    assert trainer.credits == 1
    assert [c.slug for c in trainer.prerequisites.all()] == [coordinator.slug]
    basics = courses["tyovyn-tuen-perusteet".replace("tyovyn", "tyokyvyn")]
    assert basics.credits == 2 and basics.track == "open"
    last = LessonPage.objects.descendant_of(basics).order_by("path").last()
    assert last.has_quiz
    assert {p.locale.language_code for p in
            LessonPage.objects.filter(translation_key=last.translation_key)} == {"fi", "sv", "en"}

    from models_library.models import OperatingModelPage

    team = OperatingModelPage.objects.get(slug="tyokyvyn-tuen-tiimi", locale__language_code="fi")
    assert "Palvelut työkyvyn tukena" in [lesson.title for lesson in lessons_using_page(team)]

    halfway = Enrolment.objects.get(user__email="opiskelija@example.fi",
                                    course_key=coordinator.translation_key)
    assert halfway.completed_at is None
    attempts = QuizAttempt.objects.filter(user__email="opiskelija@example.fi")
    assert [a.passed for a in attempts.order_by("number")] == [False, True]
    assert Enrolment.objects.get(user__email="kouluttajaksi@example.fi",
                                 course_key=coordinator.translation_key).completed_at

    # One issued certificate, for the trainee who completed the coordinator course; it is
    # what lets them into the trainer course, whose prerequisite asks for a certificate.
    [certificate] = Certificate.objects.all()
    assert certificate.user.email == "kouluttajaksi@example.fi"
    assert certificate.holder_name == "Kaino Esimerkki"
    assert certificate.course_key == coordinator.translation_key
    assert certificate.status == "valid" and certificate.credits == 10
    assert trainer.prerequisite_rule == "certificate"
    assert Enrolment.objects.filter(user__email="kouluttajaksi@example.fi",
                                    course_key=trainer.translation_key).exists()


def test_no_demo_trainees_without_debug(settings):
    settings.DEBUG = False
    call_command("load_demo_content")
    assert CoursePage.objects.filter(slug="kouluttajakoulutus").exists()
    assert not Enrolment.objects.exists()
