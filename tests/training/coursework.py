"""Builders for the assignment, self-assessment and cohort tests."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.rich_text import RichText

from models_library.demo_media import simple_pdf
from tests.builders import build_course, build_course_index, build_lesson, build_module, quiz
from tests.builders import build_trainee as _build_trainee
from training.models import Cohort, CohortMembership, Enrolment, LessonPage

COMPETENCES = "Tunnen palvelujärjestelmän\nOsaan ohjata asiakasta\nTunnen lainsäädännön"


def assignment(heading="Oman alueen palvelukartta", allow_file=True):
    return ("assignment", {
        "heading": heading,
        "instructions": RichText("<p>Kuvaa oman alueesi palvelut ja niiden vastuut.</p>"),
        "allow_file": allow_file,
    })


def self_assessment(phase="start"):
    return ("self_assessment", {"phase": phase, "intro": RichText("<p>Arvioi osaamisesi.</p>")})


def build_coursework_course(home, title="Koordinaattorikoulutus", slug=None):
    index = build_course_index(home, slug=f"koulutukset-{slug}" if slug else "koulutukset")
    course = build_course(index, title=title, slug=slug, competences=COMPETENCES)
    module = build_module(course, title="Moduuli")
    build_lesson(module, title="Alkuarvio", body=[self_assessment("start")])
    build_lesson(module, title="Tehtävä", body=[assignment()])
    build_lesson(module, title="Tentti", body=[quiz(heading="Tentti")])
    build_lesson(module, title="Loppuarvio", body=[self_assessment("end")])
    return course


def lesson(course, title):
    return LessonPage.objects.descendant_of(course).get(title=title)


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def build_trainer(email="kouluttaja@example.fi"):
    user = _build_trainee(email=email)
    user.groups.add(Group.objects.get_or_create(name="trainers")[0])
    return user


def build_cohort(course, trainer, name="Syksyn ryhmä", members=()):
    cohort = Cohort.objects.create(name=name, course_key=course.translation_key,
                                   trainer=trainer)
    for user in members:
        CohortMembership.objects.create(cohort=cohort, user=user)
        Enrolment.objects.get_or_create(user=user, course_key=course.translation_key)
    return cohort


def pdf_upload(name="kartta.pdf"):
    return SimpleUploadedFile(name, simple_pdf("Palvelukartta", ["Sisältöä."]),
                              content_type="application/pdf")


def answer(client, assignment_lesson, text="Vastaukseni.", version=1, file=None):
    block = assignment_lesson.assignment_block()
    data = {"assignment": str(block.id), "version": str(version), "text": text}
    if file is not None:
        data["file"] = file
    return client.post(route(assignment_lesson, "assignment"), data, follow=True)
