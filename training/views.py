"""The trainee's own pages outside the course tree: My studies."""

from django.contrib.auth.decorators import login_required
from django.db import models
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale

from portal.visibility import visible_pages
from training.models import (
    Certificate,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from training.models.certificates import issue_certificate
from training.models.cohorts import is_trainer
from training.models.progress import LESSON_FIELDS, Progress, next_lesson


def my_studies(request):
    """Every course the user is enrolled in, in the current language where it exists."""
    user = request.user
    enrolments = list(Enrolment.objects.filter(user=user).order_by("-enrolled_at"))
    keys = [enrolment.course_key for enrolment in enrolments]
    language = get_language()
    chosen = {}
    courses = visible_pages(CoursePage.objects.filter(translation_key__in=keys), request)
    for course in courses.select_related("locale"):
        current = chosen.get(course.translation_key)
        if current is None or course.locale.language_code == language:
            chosen[course.translation_key] = course
    paths = models.Q()
    for course in chosen.values():
        paths |= models.Q(path__startswith=course.path)
    lessons = (list(visible_pages(LessonPage.objects.filter(paths), request).order_by("path")
                    .only(*LESSON_FIELDS)) if chosen else [])
    done = set(LessonCompletion.objects.filter(user=user).values_list("lesson_key", flat=True))
    certificates = {certificate.course_key: certificate
                    for certificate in Certificate.objects.filter(user=user)}
    rows = []
    for enrolment in enrolments:
        course = chosen.get(enrolment.course_key)
        if course is None:
            continue
        if enrolment.completed_at and enrolment.course_key not in certificates:
            # Completed before certificates existed: issued on the first visit here.
            certificates[enrolment.course_key] = issue_certificate(user, course)
        own = [lesson for lesson in lessons if lesson.path.startswith(course.path)]
        rows.append({
            "course": course,
            "enrolment": enrolment,
            "certificate": certificates.get(enrolment.course_key),
            "progress": Progress(sum(lesson.translation_key in done for lesson in own),
                                 len(own)),
            "next_lesson": None if enrolment.completed_at else next_lesson(
                own, done, enrolment.last_lesson_key),
        })
    return rows


@login_required
def my_studies_view(request):
    courses = visible_pages(CourseIndexPage.objects.filter(locale=Locale.get_active()),
                            request).first()
    return render(request, "training/my_studies.html",
                  {"rows": my_studies(request), "course_index": courses,
                   "is_trainer": is_trainer(request.user)})
