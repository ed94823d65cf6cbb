"""The demo trainer, cohort, assignments and self-assessments from training/data."""

import pytest
from django.core.management import call_command

from training.models import (
    Cohort,
    CohortMembership,
    CoursePage,
    LessonCompletion,
    LessonPage,
    Review,
    SelfAssessment,
    Submission,
)
from training.models.cohorts import is_trainer

pytestmark = pytest.mark.django_db


def records():
    return tuple(model.objects.count() for model in (
        Cohort, CohortMembership, Submission, Review, SelfAssessment, LessonCompletion))


def test_demo_cohort_has_trainees_at_different_stages(settings, client, capsys):
    settings.DEBUG = True
    call_command("load_demo_content")
    first = records()
    call_command("load_demo_content")
    assert records() == first
    assert "Trainer: kouluttaja@example.fi" in capsys.readouterr().out

    coordinator = CoursePage.objects.get(slug="tyokykykoordinaattorin-koulutus",
                                         locale__language_code="fi")
    assert len(coordinator.competence_list()) == 5
    with_assignment = LessonPage.objects.descendant_of(coordinator).filter(has_assignment=True)
    assert {lesson.get_parent().slug for lesson in with_assignment} == {
        "palvelujarjestelma-ja-lainsaadanto", "ohjaustyo-verkostot-ja-tyohon-paluu"}

    cohort = Cohort.objects.get(join_code="SYKSY26DEM")
    assert is_trainer(cohort.trainer) and cohort.memberships.count() == 4
    assert Submission.objects.filter(status="pending").count() == 1
    revised = Submission.objects.filter(user__email="opiskelija@example.fi").order_by("version")
    assert [item.status for item in revised] == ["revision", "accepted"]
    assert revised[0].review.feedback
    dates = {completion.completed_at.date() for completion in
             LessonCompletion.objects.filter(course_key=coordinator.translation_key)}
    assert len(dates) > 3  # a history for the progress chart

    client.force_login(cohort.trainer)
    page = client.get(f"/fi/opinnot/kouluttaja/ryhmat/{cohort.pk}/").content.decode()
    assert "ryhmalainen@example.fi" in page
    assert "Oman alueen palvelukartta (v1)" in page
    assert "<polyline" in page and "<rect" in page
