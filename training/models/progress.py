"""What a trainee sees of their own studies: progress, next steps, quiz state.

The course pages call these functions for their context; they reach other pages of
the course tree through the pages' own query methods (``CoursePage.visible_lessons``
and the like), so this module imports the learner records but never the page models.
Every function here costs a fixed number of queries, however many lessons, modules,
enrolments or attempts there are; the page types' query-budget tests hold them to it.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from wagtail.models import Page

from portal.visibility import visible_pages
from training.models.certificates import issue_certificate, valid_certificates
from training.models.records import Enrolment, LessonCompletion, QuizAttempt
from training.quiz import questions_of

LESSON_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "locale_id",
                 "translation_key", "has_quiz", "has_assignment", "estimated_minutes",
                 "summary")


@dataclass
class Progress:
    done: int
    total: int

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self):
        return self.total > 0 and self.done >= self.total


def course_lessons(course, request=None):
    return list(course.visible_lessons(request).only(*LESSON_FIELDS))


def completed_keys(user, course_key):
    if not user.is_authenticated:
        return set()
    return set(LessonCompletion.objects.filter(user=user, course_key=course_key)
               .values_list("lesson_key", flat=True))


def enrolment_for(user, course):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course_key=course.translation_key).first()


def next_lesson(lessons, done, last_key=None):
    """Where to continue: the last lesson visited if unfinished, else the next unfinished."""
    if last_key is not None:
        keys = [lesson.translation_key for lesson in lessons]
        if last_key in keys:
            start = keys.index(last_key)
            ordered = lessons[start:] + lessons[:start]
            return next((lesson for lesson in ordered if lesson.translation_key not in done),
                        None)
    return next((lesson for lesson in lessons if lesson.translation_key not in done), None)


def missing_prerequisites(course, request):
    """The prerequisite courses (in the course's language) the user has not completed, or
    (when the course's rule asks for certificates) holds no valid certificate from."""
    user = request.user
    required = list(course.prerequisite_courses(request))
    if not required:
        return []
    completed = set()
    keys = [page.translation_key for page in required]
    if user.is_authenticated and course.needs_certificates:
        completed = set(valid_certificates(user).filter(course_key__in=keys)
                        .values_list("course_key", flat=True))
    elif user.is_authenticated:
        completed = set(Enrolment.objects.filter(
            user=user, completed_at__isnull=False, course_key__in=keys,
        ).values_list("course_key", flat=True))
    return [page for page in required if page.translation_key not in completed]


def refresh_completion(user, course):
    """Mark the enrolment completed when the course's completion rule is met, and issue
    the course's certificate to a trainee who has completed it and has none yet."""
    enrolment = enrolment_for(user, course)
    if enrolment is None:
        return enrolment
    if enrolment.completed_at is None:
        lessons = course_lessons(course)
        done = completed_keys(user, course.translation_key)
        counted = lessons
        if course.completed_by_quizzes:
            counted = [lesson for lesson in lessons if lesson.has_quiz] or lessons
        if counted and all(lesson.translation_key in done for lesson in counted):
            enrolment.completed_at = timezone.now()
            enrolment.save(update_fields=["completed_at"])
    if enrolment.completed_at is not None:
        issue_certificate(user, course)
    return enrolment


def complete_lesson(user, lesson, course, via):
    LessonCompletion.objects.get_or_create(
        user=user, lesson_key=lesson.translation_key,
        defaults={"course_key": course.translation_key, "via": via},
    )
    return refresh_completion(user, course)


def _modules_with_lessons(modules, lessons, done):
    result = []
    for module in modules:
        own = [lesson for lesson in lessons if lesson.path.startswith(module.path)]
        for lesson in own:
            lesson.is_done = lesson.translation_key in done
        result.append({
            "page": module, "lessons": own,
            "progress": Progress(sum(lesson.is_done for lesson in own), len(own)),
        })
    return result


def course_context(course, request):
    user = request.user
    modules = list(course.visible_modules(request))
    lessons = course_lessons(course, request)
    enrolment = enrolment_for(user, course)
    done = completed_keys(user, course.translation_key) if enrolment else set()
    missing = missing_prerequisites(course, request)
    return {
        "modules": _modules_with_lessons(modules, lessons, done),
        "lessons": lessons,
        "enrolment": enrolment,
        "progress": Progress(sum(lesson.translation_key in done for lesson in lessons),
                             len(lessons)),
        "next_lesson": next_lesson(lessons, done, enrolment and enrolment.last_lesson_key)
        if enrolment else (lessons[0] if lessons else None),
        "missing_prerequisites": missing,
        "can_enrol": course.self_enrolment and not missing,
    }


def module_context(module, request):
    user = request.user
    course = module.get_course()
    lessons = list(module.visible_lessons(request).only(*LESSON_FIELDS))
    enrolment = enrolment_for(user, course) if course else None
    done = completed_keys(user, course.translation_key) if enrolment else set()
    for lesson in lessons:
        lesson.is_done = lesson.translation_key in done
    return {
        "course": course,
        "enrolment": enrolment,
        "lessons": lessons,
        "progress": Progress(sum(lesson.is_done for lesson in lessons), len(lessons)),
    }


@dataclass
class QuizState:
    block: object
    questions: list
    attempts: list
    limit: int
    wait: datetime.timedelta

    @property
    def passed(self):
        return any(attempt.passed for attempt in self.attempts)

    @property
    def next_number(self):
        return len(self.attempts) + 1

    @property
    def attempts_left(self):
        return None if not self.limit else max(self.limit - len(self.attempts), 0)

    @property
    def wait_until(self):
        if not self.wait or not self.attempts:
            return None
        until = self.attempts[-1].submitted_at + self.wait
        return until if until > timezone.now() else None

    @property
    def can_attempt(self):
        return not self.passed and self.attempts_left != 0 and self.wait_until is None


def quiz_state(lesson, course, user):
    block = lesson.quiz_block()
    if block is None:
        return None
    attempts = []
    if user.is_authenticated:
        attempts = list(QuizAttempt.objects.filter(user=user, lesson_key=lesson.translation_key)
                        .order_by("number"))
    return QuizState(block=block, questions=questions_of(block.value), attempts=attempts,
                     limit=course.quiz_attempt_limit,
                     wait=datetime.timedelta(minutes=course.quiz_wait_minutes))


def lesson_context(lesson, request):
    user = request.user
    course = lesson.get_course()
    module = lesson.get_module()
    lessons = course_lessons(course, request) if course else []
    keys = [item.translation_key for item in lessons]
    position = keys.index(lesson.translation_key) if lesson.translation_key in keys else None
    enrolment = enrolment_for(user, course) if course else None
    done = set()
    if enrolment is not None:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            last_lesson_key=lesson.translation_key, last_visited_at=timezone.now())
        done = completed_keys(user, course.translation_key)
    return {
        "course": course,
        "module": module,
        "enrolment": enrolment,
        "is_done": lesson.translation_key in done,
        "progress": Progress(sum(key in done for key in keys), len(keys)),
        "previous_lesson": lessons[position - 1] if position else None,
        "following_lesson": lessons[position + 1]
        if position is not None and position + 1 < len(lessons) else None,
        "quiz": quiz_state(lesson, course, user) if course else None,
        "library_cards": library_cards(lesson, request),
    }


def library_cards(lesson, request):
    """The library pages a lesson's cards point to, by block id: each in the reader's
    language where translated, only when visible (one query per page type)."""
    chosen = {block.id: block.value["page"] for block in lesson.body
              if block.block_type == "library_page" and block.value["page"] is not None}
    if not chosen:
        return {}
    keys = {page.translation_key for page in chosen.values()}
    found = {}
    for page in visible_pages(Page.objects.filter(translation_key__in=keys), request).filter(
            models.Q(locale_id=lesson.locale_id) | models.Q(pk__in=[p.pk for p in chosen.values()])
    ).specific():
        if page.translation_key not in found or page.locale_id == lesson.locale_id:
            found[page.translation_key] = page
    return {block_id: found.get(page.translation_key) for block_id, page in chosen.items()}


def course_listing(index, request):
    user = request.user
    courses = list(index.visible_courses(request))
    enrolments = {}
    if user.is_authenticated:
        enrolments = {e.course_key: e for e in Enrolment.objects.filter(
            user=user, course_key__in=[course.translation_key for course in courses])}
    for course in courses:
        course.user_enrolment = enrolments.get(course.translation_key)
    return courses
