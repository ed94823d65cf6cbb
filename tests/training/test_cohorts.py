"""Cohorts: trainers create them and share codes, trainees join and are enrolled."""

import pytest
from django.core.cache import caches

from tests.builders import build_trainee
from tests.training.coursework import build_cohort, build_coursework_course, build_trainer
from training.models import Cohort, CohortMembership, Enrolment
from training.models.cohorts import CODE_LENGTH, new_join_code, normalise_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home):
    return build_coursework_course(home)


def test_a_trainer_creates_a_cohort_and_sees_its_code(client, course):
    trainer = build_trainer()
    client.force_login(trainer)
    page = client.get("/fi/opinnot/kouluttaja/").content.decode()
    assert "Luo ryhmä" in page and course.title in page
    response = client.post("/fi/opinnot/kouluttaja/",
                           {"name": "Kevään ryhmä", "course": str(course.translation_key)},
                           follow=True)
    cohort = Cohort.objects.get()
    assert cohort.trainer == trainer and cohort.course_key == course.translation_key
    assert cohort.display_code in response.content.decode()
    assert "Kevään ryhmä" in client.get("/fi/opinnot/kouluttaja/").content.decode()


def test_the_cohort_form_refuses_bad_input_with_a_summary(client, course):
    client.force_login(build_trainer())
    response = client.post("/fi/opinnot/kouluttaja/", {"name": "", "course": "ei-kurssi"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page and 'href="#id_name"' in page and 'href="#id_course"' in page
    assert not Cohort.objects.exists()


def test_only_trainers_reach_the_trainer_pages(client, course):
    client.force_login(build_trainee())
    assert client.get("/fi/opinnot/kouluttaja/").status_code == 403
    assert client.post("/fi/opinnot/kouluttaja/", {"name": "x", "course": str(
        course.translation_key)}).status_code == 403
    assert not Cohort.objects.exists()
    client.logout()
    assert client.get("/fi/opinnot/kouluttaja/").status_code == 302


def test_a_trainer_sees_only_their_own_cohorts(client, course):
    mine, theirs = build_trainer(), build_trainer(email="toinen.kouluttaja@example.fi")
    build_cohort(course, mine, name="Oma ryhmä")
    other = build_cohort(course, theirs, name="Vieras ryhmä")
    client.force_login(mine)
    page = client.get("/fi/opinnot/kouluttaja/").content.decode()
    assert "Oma ryhmä" in page and "Vieras ryhmä" not in page
    assert client.get(f"/fi/opinnot/kouluttaja/ryhmat/{other.pk}/").status_code == 404
    assert client.get(f"/fi/opinnot/kouluttaja/ryhmat/{other.pk}/csv/").status_code == 404


def test_join_codes_are_long_random_and_unique():
    codes = {new_join_code() for _n in range(200)}
    assert len(codes) == 200
    assert all(len(code) == CODE_LENGTH for code in codes)
    assert normalise_code(" abcde-23456 ") == "ABCDE23456"


def test_a_trainee_joins_with_a_code_and_is_enrolled(client, course):
    cohort = build_cohort(course, build_trainer())
    trainee = build_trainee()
    client.force_login(trainee)
    assert "Liittymiskoodi" in client.get("/fi/opinnot/liity/").content.decode()
    response = client.post("/fi/opinnot/liity/",
                           {"code": cohort.display_code.lower()}, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert CohortMembership.objects.filter(cohort=cohort, user=trainee).exists()
    assert Enrolment.objects.filter(user=trainee, course_key=course.translation_key).exists()
    response = client.post("/fi/opinnot/liity/", {"code": cohort.join_code}, follow=True)
    assert CohortMembership.objects.count() == 1


def test_a_wrong_code_gives_a_message(client, course):
    build_cohort(course, build_trainer())
    client.force_login(build_trainee())
    response = client.post("/fi/opinnot/liity/", {"code": "VAARAKOODI"})
    page = response.content.decode()
    assert "Millään avoimella ryhmällä ei ole tätä koodia." in page
    assert 'aria-invalid="true"' in page
    assert not CohortMembership.objects.exists()


def test_a_closed_cohort_cannot_be_joined(client, course):
    cohort = build_cohort(course, build_trainer())
    cohort.open_for_joining = False
    cohort.save()
    client.force_login(build_trainee())
    client.post("/fi/opinnot/liity/", {"code": cohort.join_code})
    assert not CohortMembership.objects.exists()


def test_joining_is_rate_limited(client, course):
    cohort = build_cohort(course, build_trainer())
    client.force_login(build_trainee())
    for n in range(10):
        client.post("/fi/opinnot/liity/", {"code": f"ARVAUS{n:04d}"})
    response = client.post("/fi/opinnot/liity/", {"code": cohort.join_code})
    assert response.status_code == 429
    assert "Liian monta yritystä" in response.content.decode()
    assert not CohortMembership.objects.exists()
    for cache in caches.all():
        cache.clear()
    client.post("/fi/opinnot/liity/", {"code": cohort.join_code})
    assert CohortMembership.objects.count() == 1


def test_joining_needs_a_signed_in_user(client, course):
    response = client.get("/fi/opinnot/liity/")
    assert response.status_code == 302 and "/tili/login/" in response["Location"]


def test_trainer_pages_are_never_cached(client, course):
    trainer = build_trainer()
    cohort = build_cohort(course, trainer)
    client.force_login(trainer)
    for url in ("/fi/opinnot/kouluttaja/", f"/fi/opinnot/kouluttaja/ryhmat/{cohort.pk}/",
                "/fi/opinnot/liity/"):
        assert "no-store" in client.get(url)["Cache-Control"]
