"""A trainee's own data: the JSON download, account deletion and the retention purge."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from tests.training.test_certificates import finish, named
from tests.training.test_studies import messages_of
from training import privacy
from training.models import Certificate, Enrolment, LessonCompletion, QuizAttempt

pytestmark = pytest.mark.django_db
PASSWORD = "Salasana-123"  # tests.builders.build_trainee's


def export(client):
    response = client.get("/fi/opinnot/tietosuoja/tiedot.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


def test_privacy_page_needs_sign_in(client, db):
    for url in ("/fi/opinnot/tietosuoja/", "/fi/opinnot/tietosuoja/tiedot.json"):
        response = client.get(url)
        assert response.status_code == 302 and "/tili/login/" in response["Location"]
    response = client.post("/fi/opinnot/tietosuoja/poista/", {"password": "x"})
    assert response.status_code == 302 and "/tili/login/" in response["Location"]


def test_privacy_page_in_three_languages(client, trainee):
    client.force_login(trainee)
    for language, heading in (("fi", "Omat tietosi"), ("sv", "Dina uppgifter"),
                              ("en", "Your data")):
        response = client.get(f"/{language}/opinnot/tietosuoja/")
        assert heading in response.content.decode()
        assert "no-store" in response["Cache-Control"]


@pytest.fixture
def certificate(client, course, trainee, other_trainee):
    """The trainee has finished the course (its certificate is returned) and another
    trainee is enrolled in it; the client is signed in as the trainee."""
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    client.force_login(other_trainee)
    client.post(course.url + course.reverse_subpage("enrol"))
    client.force_login(trainee)
    return certificate


def test_export_has_the_trainees_records_and_nobody_elses(client, course, trainee,
                                                           other_trainee, certificate):
    data = export(client)
    assert data["account"]["email"] == "harjoittelija@example.fi"
    assert data["account"]["first_name"] == "Testi"
    assert data["account"]["email_addresses"] == [
        {"email": "harjoittelija@example.fi", "verified": True, "primary": True}]
    assert [row["course"] for row in data["enrolments"]] == ["Työkyvyn tuen perusteet"]
    assert data["enrolments"][0]["completed_at"]
    assert sorted(row["lesson"] for row in data["lesson_completions"]) == [
        "Mitä työkyky on", "Tuen tarve"]
    [attempt] = data["quiz_attempts"]
    assert attempt["quiz"] == "Perusteiden tentti" and attempt["passed"] is True
    assert attempt["answers"]  # the graded answer sheet
    assert data["certificates"] == [{
        "course": "Työkyvyn tuen perusteet", "credits": "2.0",
        "verification_code": certificate.display_code,
        "issued_at": certificate.issued_at.isoformat(), "status": "valid",
        "revoked_at": None, "revoked_reason": ""}]
    assert "toinen@example.fi" not in json.dumps(data)
    client.force_login(other_trainee)
    other = export(client)
    assert other["certificates"] == [] and other["quiz_attempts"] == []
    assert len(other["enrolments"]) == 1


def test_name_form(client, trainee):
    client.force_login(trainee)
    response = client.post("/fi/opinnot/tietosuoja/nimi/", {"first_name": "", "last_name": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tarkista nämä:" in html and "Anna etunimesi." in html
    response = client.post("/fi/opinnot/tietosuoja/nimi/",
                           {"first_name": "Testi", "last_name": "Opiskelija"}, follow=True)
    assert messages_of(response) == ["Nimesi tallennettiin."]
    trainee.refresh_from_db()
    assert trainee.get_full_name() == "Testi Opiskelija"


def test_delete_needs_the_password(client, trainee):
    client.force_login(trainee)
    response = client.post("/fi/opinnot/tietosuoja/poista/", {"password": "väärä"})
    assert response.status_code == 400
    assert "Salasana ei ole oikein." in response.content.decode()
    response = client.post("/fi/opinnot/tietosuoja/poista/", {})
    assert "Vahvista antamalla salasanasi." in response.content.decode()
    assert client.get("/fi/opinnot/tietosuoja/poista/").status_code == 405
    assert get_user_model().objects.filter(pk=trainee.pk).exists()


def test_delete_removes_personal_data_keeps_anonymous_statistics(client, course, trainee,
                                                                  other_trainee, certificate):
    response = client.post("/fi/opinnot/tietosuoja/poista/", {"password": PASSWORD},
                           follow=True)
    assert messages_of(response)[-1] == (
        "Tilisi ja henkilötietosi on poistettu. Todistuksesi näkyvät tarkistuksessa nyt "
        "poistettuina. Kiitos, että opiskelit kanssamme.")
    assert "Kirjaudu sisään" in response.content.decode()  # signed out
    assert not get_user_model().objects.filter(pk=trainee.pk).exists()
    assert not get_user_model().objects.filter(email="harjoittelija@example.fi").exists()
    # The course's statistics keep anonymous rows: one completed enrolment, two lessons,
    # one passed attempt, without the answers.
    assert Enrolment.objects.filter(user=None, completed_at__isnull=False).count() == 1
    assert Enrolment.objects.filter(user=other_trainee).count() == 1
    assert LessonCompletion.objects.filter(user=None).count() == 2
    attempt = QuizAttempt.objects.get()
    assert attempt.user is None and attempt.passed and attempt.answers == []
    certificate.refresh_from_db()
    assert certificate.user is None and certificate.status == "removed"
    html = client.get(f"/fi/opinnot/tarkista/{certificate.code}/").content.decode()
    assert "Todistus on poistettu" in html and "Testi" not in html


def test_retention_purges_old_answer_details_once(course, trainee, client, settings):
    client.force_login(trainee)
    finish(client, course)
    attempt = QuizAttempt.objects.get()
    assert attempt.answers
    settings.TRAINING_RETENTION_DAYS = 30
    out = io.StringIO()
    call_command("purge_training_records", stdout=out)
    assert "quiz_attempts: 0 purged (older than 30 days)" in out.getvalue()
    attempt.refresh_from_db()
    assert attempt.answers  # still within the period
    QuizAttempt.objects.update(submitted_at=timezone.now() - datetime.timedelta(days=31))
    assert privacy.purge_expired(timezone.now() - datetime.timedelta(days=30))[
        "quiz_attempts"] == 1
    attempt.refresh_from_db()
    assert attempt.answers == [] and attempt.passed and attempt.score == attempt.max_score
    # A second run (the next day) changes nothing.
    assert privacy.purge_expired(timezone.now() - datetime.timedelta(days=30))[
        "quiz_attempts"] == 0


def test_every_part_exports_and_deleted_parts_forget(trainee):
    names = [part.name for part in privacy.parts()]
    assert names[:5] == ["account", "enrolments", "lesson_completions", "quiz_attempts",
                         "certificates"]
    data = privacy.export_data(trainee)
    assert set(names) <= set(data)
    assert Certificate.objects.count() == 0


# -- the assignment, self-assessment and cohort records ---------------------------------
@pytest.fixture
def coursework(home):
    from tests.training.coursework import build_coursework_course

    return build_coursework_course(home)


def test_coursework_is_exported_and_deleted_with_the_account(client, coursework):
    from tests.builders import build_trainee
    from tests.training.coursework import (
        answer,
        build_cohort,
        build_trainer,
        lesson,
        pdf_upload,
    )
    from training.models import CohortMembership, Review, SelfAssessment, Submission

    trainee = build_trainee()
    trainer = build_trainer()
    build_cohort(coursework, trainer, name="Kevään ryhmä", members=[trainee])
    client.force_login(trainee)
    answer(client, lesson(coursework, "Tehtävä"), text="Palvelukarttani.", file=pdf_upload())
    submission = Submission.objects.get()
    Review.objects.create(submission=submission, reviewer=trainer, decision="revise",
                          feedback="Lisää järjestöt.")
    SelfAssessment.objects.create(user=trainee, course_key=coursework.translation_key,
                                  phase="start", competences=["Tunnen palvelut"], ratings=[3])
    data = export(client)
    [sent] = data["assignment_submissions"]
    assert sent["text"] == "Palvelukarttani." and sent["file_name"] == "kartta.pdf"
    assert sent["file_kept"] is True
    assert sent["review"]["feedback"] == "Lisää järjestöt."
    assert data["self_assessments"][0]["ratings"] == [3]
    assert data["cohort_memberships"] == [{
        "cohort": "Kevään ryhmä", "course": "Koordinaattorikoulutus",
        "joined_at": CohortMembership.objects.get().joined_at.isoformat()}]
    assert data["cohorts_as_trainer"] == []

    stored = submission.file.path
    client.post("/fi/opinnot/tietosuoja/poista/", {"password": PASSWORD})
    assert not Submission.objects.exists() and not Review.objects.exists()
    assert not SelfAssessment.objects.exists() and not CohortMembership.objects.exists()
    import os
    assert not os.path.exists(stored)


def test_a_trainer_with_cohorts_is_asked_to_hand_them_over_first(client, coursework):
    from tests.training.coursework import build_cohort, build_trainer

    trainer = build_trainer()
    build_cohort(coursework, trainer)
    client.force_login(trainer)
    assert [row["cohort"] for row in export(client)["cohorts_as_trainer"]] == ["Syksyn ryhmä"]
    response = client.post("/fi/opinnot/tietosuoja/poista/", {"password": PASSWORD})
    assert response.status_code == 400
    assert "Vedät ryhmiä kouluttajana." in response.content.decode()
    assert get_user_model().objects.filter(pk=trainer.pk).exists()


def test_retention_purges_old_submitted_files_once(client, coursework):
    import os

    from tests.builders import build_trainee
    from tests.training.coursework import answer, lesson, pdf_upload
    from training.models import Submission

    trainee = build_trainee()
    client.force_login(trainee)
    client.post(coursework.url + coursework.reverse_subpage("enrol"))
    answer(client, lesson(coursework, "Tehtävä"), text="Vastaus.", file=pdf_upload())
    submission = Submission.objects.get()
    stored = submission.file.path
    cutoff = timezone.now() - datetime.timedelta(days=30)
    assert privacy.purge_expired(cutoff)["assignment_submissions"] == 0
    Submission.objects.update(submitted_at=timezone.now() - datetime.timedelta(days=31))
    assert privacy.purge_expired(cutoff)["assignment_submissions"] == 1
    submission.refresh_from_db()
    assert not submission.file and submission.text == "Vastaus."
    assert not os.path.exists(stored)
    assert privacy.purge_expired(cutoff)["assignment_submissions"] == 0
