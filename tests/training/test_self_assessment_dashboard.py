"""Competence self-assessments, and the trainer's dashboard, charts and CSV export."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.builders import build_trainee
from tests.training.coursework import (
    answer,
    build_cohort,
    build_coursework_course,
    build_trainer,
    lesson,
    route,
)
from training.dashboard import safe_cell
from training.models import LessonCompletion, QuizAttempt, SelfAssessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home):
    return build_coursework_course(home)


def rate(client, assessment_lesson, ratings):
    data = {"competences": str(len(ratings))}
    data.update({f"c-{n}": str(value) for n, value in enumerate(ratings) if value is not None})
    return client.post(route(assessment_lesson, "self_assessment"), data, follow=True)


# -- self-assessment -----------------------------------------------------------------------
def test_trainee_rates_at_start_and_end_and_sees_the_change(client, course):
    trainee = build_trainee()
    build_cohort(course, build_trainer(), members=[trainee])
    client.force_login(trainee)
    start, end = lesson(course, "Alkuarvio"), lesson(course, "Loppuarvio")
    page = client.get(start.url).content.decode()
    assert "Osaan ohjata asiakasta" in page and "Itsearviointi alussa" in page
    rate(client, start, [2, 1, 3])
    rate(client, end, [4, 3, 3])
    saved = SelfAssessment.objects.get(user=trainee, phase="end")
    assert saved.ratings == [4, 3, 3]
    page = client.get(end.url).content.decode()
    assert "Miten oma arviosi muuttui" in page
    assert "<td>+2</td>" in page and "<td>0</td>" in page


def test_unrated_competences_are_listed_and_the_given_ratings_kept(client, course):
    trainee = build_trainee()
    build_cohort(course, build_trainer(), members=[trainee])
    client.force_login(trainee)
    response = rate(client, lesson(course, "Alkuarvio"), [4, None, None])
    page = response.content.decode()
    assert "Arvioi osaamisalue 2." in page and "Arvioi osaamisalue 3." in page
    assert 'id="c-0-4" name="c-0" value="4" checked' in page
    assert not SelfAssessment.objects.exists()


def test_ratings_outside_the_scale_are_refused(client, course):
    trainee = build_trainee()
    build_cohort(course, build_trainer(), members=[trainee])
    client.force_login(trainee)
    rate(client, lesson(course, "Alkuarvio"), [9, 1, 1])
    assert not SelfAssessment.objects.exists()


def test_not_enrolled_cannot_save_a_self_assessment(client, course):
    client.force_login(build_trainee())
    rate(client, lesson(course, "Alkuarvio"), [1, 1, 1])
    assert not SelfAssessment.objects.exists()


# -- dashboard ---------------------------------------------------------------------------
def populate(course, trainer, size, prefix="t"):
    """``size`` trainees at different stages, each with records of every kind."""
    members = [build_trainee(email=f"{prefix}{n}@example.fi") for n in range(size)]
    cohort = build_cohort(course, trainer, name=f"Ryhmä {prefix}", members=members)
    lessons = list(course.visible_lessons())
    quiz_lesson = lesson(course, "Tentti")
    for n, user in enumerate(members):
        for item in lessons[: n % (len(lessons) + 1)]:
            LessonCompletion.objects.create(user=user, course_key=course.translation_key,
                                            lesson_key=item.translation_key, via="marked")
        QuizAttempt.objects.create(
            user=user, course_key=course.translation_key, lesson_key=quiz_lesson.translation_key,
            quiz_id="x", number=1, score=n % 2, max_score=1, percent=(n * 37) % 101,
            pass_mark=70, passed=False, quiz_title="Tentti")
        for phase, ratings in (("start", [1, 2, 2]), ("end", [3, 3, 4])):
            SelfAssessment.objects.create(user=user, course_key=course.translation_key,
                                          phase=phase, competences=course.competence_list(),
                                          ratings=ratings)
    return cohort, members


def test_dashboard_shows_each_trainee_charts_and_tables(client, course):
    trainer = build_trainer()
    cohort, members = populate(course, trainer, 3)
    client.force_login(members[0])
    answer(client, lesson(course, "Tehtävä"), text="Arvioitava")
    client.force_login(trainer)
    page = client.get(f"/fi/opinnot/kouluttaja/ryhmat/{cohort.pk}/").content.decode()
    for member in members:
        assert member.email in page
    assert "1/4 (25 %)" in page and "2/4 (50 %)" in page
    assert "37 %" in page and "74 %" in page
    assert "1.7 → 3.3 (+1.6)" in page or "1,7 → 3,3 (+1,6)" in page
    assert "Oman alueen palvelukartta (v1)" in page
    assert page.count('role="img"') == 2
    assert '<title id="progress-chart-title">' in page
    assert '<desc id="score-chart-desc">' in page
    assert "Tenttitulosten jakauma taulukkona" in page
    assert "Osaan ohjata asiakasta" in page  # the cohort's competence table


def test_dashboard_costs_the_same_queries_at_two_cohort_sizes(client, course):
    trainer = build_trainer()
    small, _members = populate(course, trainer, 2, prefix="s")
    large, _members = populate(course, trainer, 12, prefix="l")
    client.force_login(trainer)
    counts = []
    for cohort in (small, large):
        url = f"/fi/opinnot/kouluttaja/ryhmat/{cohort.pk}/"
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 20, counts


def test_csv_export_lists_the_trainees_and_defuses_formulas(client, course):
    trainer = build_trainer()
    cohort, members = populate(course, trainer, 2)
    members[0].first_name = "=HYPERLINK(\"http://paha.example\")"
    members[0].save()
    client.force_login(trainer)
    response = client.get(f"/fi/opinnot/kouluttaja/ryhmat/{cohort.pk}/csv/")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Koulutettava" and "Paras tulos (%): Tentti" in rows[0]
    names = [row[0] for row in rows[1:]]
    assert any(name.startswith("'=HYPERLINK") for name in names)
    assert {row[1] for row in rows[1:]} == {member.email for member in members}
    assert rows[1][2] == timezone.localdate().isoformat()


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+358", "'+358"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("Maija", "Maija"), (5, 5), (-1.5, -1.5), (None, ""),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_dashboard_in_swedish(client, course):
    from tests.builders import translate_tree

    translate_tree(course, "sv")
    trainer = build_trainer()
    cohort, _members = populate(course, trainer, 1)
    client.force_login(trainer)
    page = client.get(f"/sv/opinnot/kouluttaja/ryhmat/{cohort.pk}/").content.decode()
    assert "Fördelningen av förhörsresultat" in page and "Ladda ner som CSV" in page
