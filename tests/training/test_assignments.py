"""Assignments: trainees send text and files, trainers accept or ask for revision."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from tests.builders import build_trainee
from tests.training.coursework import (
    answer,
    build_cohort,
    build_coursework_course,
    build_trainer,
    lesson,
    pdf_upload,
)
from training.models import Enrolment, LessonCompletion, Review, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(home):
    course = build_coursework_course(home)
    trainer = build_trainer()
    trainee = build_trainee()
    cohort = build_cohort(course, trainer, members=[trainee])
    return course, trainer, trainee, cohort


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_trainee_sends_text_and_file_and_the_trainer_is_told(client, setup):
    course, trainer, trainee, _cohort = setup
    task = lesson(course, "Tehtävä")
    client.force_login(trainee)
    page = client.get(task.url).content.decode()
    assert "Kuvaa oman alueesi palvelut" in page
    assert "Merkitse tehdyksi" not in page  # the review completes this lesson
    response = answer(client, task, text="Alueellani toimii kolme palvelua.", file=pdf_upload())
    assert "Vastauksesi lähetettiin." in " ".join(messages_of(response))
    submission = Submission.objects.get(user=trainee)
    assert submission.version == 1 and submission.status == "pending"
    assert submission.file_name == "kartta.pdf"
    assert mail.outbox[-1].to == [trainer.email]
    assert "Oman alueen palvelukartta" in mail.outbox[-1].subject
    assert f"/fi/opinnot/kouluttaja/palautukset/{submission.pk}/" in mail.outbox[-1].body
    page = client.get(task.url).content.decode()
    assert "Vastauksesi odottaa arviointia" in page
    assert not LessonCompletion.objects.filter(user=trainee).exists()


@pytest.mark.parametrize("name,data,message", [
    ("ohjelma.pdf", b"MZ\x90\x00" + b"\x00" * 100, "Ohjelmia"),
    ("kuva.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>x</script></svg>",
     "tyyppisiä"),
    ("vale.pdf", b"just some text pretending to be a pdf", "ei vastaa"),
])
def test_wrong_files_are_refused_and_the_text_is_kept(client, setup, name, data, message):
    course, _trainer, trainee, _cohort = setup
    client.force_login(trainee)
    response = answer(client, lesson(course, "Tehtävä"), text="Tärkeä luonnos, jota en halua "
                      "kadottaa.", file=SimpleUploadedFile(name, data))
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "Tärkeä luonnos, jota en halua kadottaa." in page
    assert 'role="alert"' in page and 'href="#file"' in page
    assert not Submission.objects.exists()
    assert not mail.outbox


@override_settings(TRAINING_UPLOAD_MAX_BYTES=1000)
def test_oversized_files_are_refused(client, setup):
    course, _trainer, trainee, _cohort = setup
    client.force_login(trainee)
    response = answer(client, lesson(course, "Tehtävä"), text="Teksti",
                      file=SimpleUploadedFile("iso.txt", b"a" * 2000))
    assert "liian suuri" in response.content.decode()
    assert not Submission.objects.exists()


def test_an_empty_answer_is_refused(client, setup):
    course, _trainer, trainee, _cohort = setup
    client.force_login(trainee)
    response = answer(client, lesson(course, "Tehtävä"), text="   ")
    assert "Kirjoita vastauksesi tai liitä tiedosto." in response.content.decode()
    assert not Submission.objects.exists()


def test_not_enrolled_cannot_send(client, home):
    course = build_coursework_course(home)
    outsider = build_trainee(email="ulkopuolinen@example.fi")
    client.force_login(outsider)
    answer(client, lesson(course, "Tehtävä"))
    assert not Submission.objects.exists()


def test_a_second_answer_waits_for_the_review(client, setup):
    course, _trainer, trainee, _cohort = setup
    task = lesson(course, "Tehtävä")
    client.force_login(trainee)
    answer(client, task)
    answer(client, task, text="Toinen", version=2)
    answer(client, task, text="Kaksoisklikkaus", version=1)
    assert Submission.objects.count() == 1


def test_revision_then_acceptance_keeps_the_history_and_completes_the_lesson(client, setup):
    course, trainer, trainee, _cohort = setup
    task = lesson(course, "Tehtävä")
    client.force_login(trainee)
    answer(client, task, text="Ensimmäinen versio")
    first = Submission.objects.get()

    client.force_login(trainer)
    page = client.get(f"/fi/opinnot/kouluttaja/palautukset/{first.pk}/").content.decode()
    assert "Ensimmäinen versio" in page
    response = client.post(f"/fi/opinnot/kouluttaja/palautukset/{first.pk}/",
                           {"decision": "revise", "feedback": ""})
    assert "Kerro koulutettavalle, mitä pitää korjata." in response.content.decode()
    assert not Review.objects.exists()
    client.post(f"/fi/opinnot/kouluttaja/palautukset/{first.pk}/",
                {"decision": "revise", "feedback": "Lisää työllisyyspalvelut."})
    first.refresh_from_db()
    assert first.status == "revision"
    assert mail.outbox[-1].to == [trainee.email]
    assert "Lisää työllisyyspalvelut." in mail.outbox[-1].body
    assert "korjaa" in mail.outbox[-1].subject.lower()

    client.force_login(trainee)
    page = client.get(task.url).content.decode()
    assert "Lisää työllisyyspalvelut." in page and "Korjattu vastauksesi" in page
    answer(client, task, text="Toinen versio, jossa myös työllisyyspalvelut", version=2)
    second = Submission.objects.get(version=2)

    client.force_login(trainer)
    client.post(f"/fi/opinnot/kouluttaja/palautukset/{second.pk}/",
                {"decision": "accept", "feedback": "Hyvä!"})
    second.refresh_from_db()
    assert second.status == "accepted"
    assert LessonCompletion.objects.get(user=trainee, lesson_key=task.translation_key).via \
        == "accepted"
    assert "hyväksyttiin" in mail.outbox[-1].subject

    page = client.get(f"/fi/opinnot/kouluttaja/palautukset/{second.pk}/").content.decode()
    assert "Ensimmäinen versio" in page and "Toinen versio" in page
    assert Submission.objects.filter(user=trainee).count() == 2
    assert Review.objects.count() == 2

    client.force_login(trainee)
    page = client.get(task.url).content.decode()
    assert "Tehtäväsi on hyväksytty." in page
    assert "Ensimmäinen versio" in page


def test_a_second_review_changes_nothing(client, setup):
    course, trainer, trainee, _cohort = setup
    client.force_login(trainee)
    answer(client, lesson(course, "Tehtävä"))
    submission = Submission.objects.get()
    client.force_login(trainer)
    url = f"/fi/opinnot/kouluttaja/palautukset/{submission.pk}/"
    client.post(url, {"decision": "accept", "feedback": ""})
    sent = len(mail.outbox)
    response = client.post(url, {"decision": "revise", "feedback": "Myöhästynyt mielipide"},
                           follow=True)
    assert "on jo arvioitu" in " ".join(messages_of(response))
    submission.refresh_from_db()
    assert submission.status == "accepted"
    assert Review.objects.get().decision == "accept"
    assert len(mail.outbox) == sent


def test_accepting_completes_the_course_when_its_rule_is_met(client, home):
    from tests.builders import build_course, build_course_index, build_lesson, build_module
    from tests.training.coursework import assignment

    index = build_course_index(home)
    course = build_course(index, title="Yhden tehtävän kurssi")
    task = build_lesson(build_module(course), title="Ainoa", body=[assignment()])
    trainer, trainee = build_trainer(), build_trainee()
    build_cohort(course, trainer, members=[trainee])
    client.force_login(trainee)
    answer(client, task)
    client.force_login(trainer)
    client.post(f"/fi/opinnot/kouluttaja/palautukset/{Submission.objects.get().pk}/",
                {"decision": "accept"})
    assert Enrolment.objects.get(user=trainee).completed_at is not None


# -- who sees what -----------------------------------------------------------------------
def test_files_are_served_only_to_the_owner_and_the_reviewing_trainer(client, setup):
    course, trainer, trainee, _cohort = setup
    client.force_login(trainee)
    answer(client, lesson(course, "Tehtävä"), file=pdf_upload())
    submission = Submission.objects.get()
    url = f"/fi/opinnot/palautukset/{submission.pk}/tiedosto/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    client.force_login(trainer)
    assert client.get(url).status_code == 200

    other_trainer = build_trainer(email="muu.kouluttaja@example.fi")
    build_cohort(course, other_trainer, name="Toinen ryhmä")
    client.force_login(other_trainer)
    assert client.get(url).status_code == 404
    client.force_login(build_trainee(email="utelias@example.fi"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_files_have_no_public_address(setup, client):
    course, _trainer, trainee, _cohort = setup
    client.force_login(trainee)
    answer(client, lesson(course, "Tehtävä"), file=pdf_upload())
    submission = Submission.objects.get()
    from django.conf import settings

    assert str(settings.PRIVATE_MEDIA_ROOT) in submission.file.path
    assert not submission.file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        submission.file.url  # noqa: B018 — a private storage has no URL


def test_review_pages_answer_404_to_other_trainers_and_403_to_trainees(client, setup):
    course, _trainer, trainee, _cohort = setup
    client.force_login(trainee)
    answer(client, lesson(course, "Tehtävä"))
    submission = Submission.objects.get()
    url = f"/fi/opinnot/kouluttaja/palautukset/{submission.pk}/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "accept"}).status_code == 403
    other_trainer = build_trainer(email="muu.kouluttaja@example.fi")
    client.force_login(other_trainer)
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "accept"}).status_code == 404
    assert not Review.objects.exists()
    assert client.get("/fi/opinnot/kouluttaja/palautukset/999999/").status_code == 404


def test_a_trainee_sees_only_their_own_answers(client, setup):
    course, _trainer, trainee, cohort = setup
    task = lesson(course, "Tehtävä")
    client.force_login(trainee)
    answer(client, task, text="Salainen vastaukseni")
    other = build_trainee(email="toinen@example.fi")
    build_cohort(course, cohort.trainer, name="Toinen", members=[other])
    client.force_login(other)
    assert "Salainen vastaukseni" not in client.get(task.url).content.decode()


def test_emails_follow_the_trainees_language(client, setup):
    from tests.builders import translate_tree

    course, _trainer, trainee, _cohort = setup
    translated = translate_tree(course, "sv")
    task = lesson(translated, "Tehtävä (sv)")
    client.force_login(trainee)
    answer(client, task)
    assert "Nytt svar att granska" in mail.outbox[-1].subject
