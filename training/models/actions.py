"""State-changing actions of trainees (POST with CSRF), served by the course pages' routes.

The page models' routes hand the request and the page to these functions, which use
the learner records and the progress module beside them and reach other pages only
through the pages' own methods, so nothing here imports the page models back.

Every action re-checks on the server what the page offered: enrolment, prerequisites,
attempt limits, waiting times and the quiz's questions. A refused action changes
nothing and says why.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from training.models.progress import (
    complete_lesson,
    enrolment_for,
    lesson_context,
    missing_prerequisites,
)
from training.models.records import Enrolment, LessonCompletion, QuizAttempt
from training.quiz import QuizIncomplete, QuizRefused, grade, read_answers


def _guard(request, page):
    """A response that ends the action early (wrong method, not signed in), or None."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    return None


def enrol(request, course):
    if (early := _guard(request, course)) is not None:
        return early
    if enrolment_for(request.user, course) is not None:
        messages.info(request, _("You are already enrolled in this course."))
    elif not course.self_enrolment:
        messages.error(request, _("This course is not open for self-enrolment."))
    elif missing := missing_prerequisites(course, request):
        text = (_("You need a valid certificate from these courses first: %(courses)s.")
                if course.needs_certificates else _("Complete these courses first: %(courses)s."))
        messages.error(request, text % {"courses": ", ".join(page.title for page in missing)})
    else:
        try:
            with transaction.atomic():
                Enrolment.objects.create(user=request.user, course_key=course.translation_key)
        except IntegrityError:  # a double click: the first request enrolled
            pass
        messages.success(request, _("You are enrolled. Welcome to the course!"))
    return redirect(course.url)


def leave(request, course):
    if (early := _guard(request, course)) is not None:
        return early
    deleted, _details = Enrolment.objects.filter(
        user=request.user, course_key=course.translation_key).delete()
    if deleted:
        messages.success(request, _(
            "You have left the course. Your completed lessons and quiz results are kept "
            "if you enrol again."))
    else:
        messages.info(request, _("You were not enrolled in this course."))
    return redirect(course.url)


def _course_of(lesson):
    course = lesson.get_course()
    if course is None:
        raise Http404
    return course


def mark_done(request, lesson):
    if (early := _guard(request, lesson)) is not None:
        return early
    course = _course_of(lesson)
    if enrolment_for(request.user, course) is None:
        messages.error(request, _("Enrol in the course to record your progress."))
    elif lesson.has_quiz:
        messages.error(request, _("This lesson is completed by passing its quiz."))
    elif lesson.has_assignment:
        messages.error(request, _("This lesson is completed when a trainer accepts your "
                                  "assignment."))
    else:
        complete_lesson(request.user, lesson, course, LessonCompletion.Via.MARKED)
        messages.success(request, _("Lesson marked as done."))
    return redirect(lesson.url)


def _refuse(request, lesson, message):
    messages.error(request, message)
    return redirect(lesson.url + "#quiz")


def submit_quiz(request, lesson):
    if (early := _guard(request, lesson)) is not None:
        return early
    context = lesson_context(lesson, request)
    quiz, course = context["quiz"], context["course"]
    if quiz is None:
        return _refuse(request, lesson, _("This lesson has no quiz."))
    if context["enrolment"] is None:
        return _refuse(request, lesson, _("Enrol in the course to take the quiz."))
    if request.POST.get("quiz") != str(quiz.block.id):
        return _refuse(request, lesson, _(
            "The quiz has changed since you opened it. Your answers were not sent; "
            "please answer the quiz again."))
    if quiz.passed:
        return _refuse(request, lesson, _("You have already passed this quiz."))
    if quiz.attempts_left == 0:
        return _refuse(request, lesson, _("You have used all your attempts at this quiz."))
    if quiz.wait_until is not None:
        return _refuse(request, lesson, _("You can try again after %(time)s.") % {
            "time": formats.time_format(timezone.localtime(quiz.wait_until), "H:i")})
    if request.POST.get("attempt") != str(quiz.next_number):
        return _refuse(request, lesson, _("These answers were already sent once."))
    try:
        answers = read_answers(quiz.questions, request.POST)
    except QuizRefused as refusal:
        return _refuse(request, lesson, str(refusal))
    except QuizIncomplete as incomplete:
        return lesson.render(request, context_overrides={
            "quiz_error": str(incomplete),
            "quiz_answers": {key: request.POST.getlist(key) for key in request.POST},
        })
    value = quiz.block.value
    score, total, percent, passed, graded = grade(quiz.questions, answers, value["pass_mark"])
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                user=request.user, course_key=course.translation_key,
                lesson_key=lesson.translation_key, quiz_id=str(quiz.block.id),
                number=quiz.next_number, score=score, max_score=total, percent=percent,
                pass_mark=value["pass_mark"], passed=passed, quiz_title=value["heading"],
                answers=graded,
            )
            if passed:
                complete_lesson(request.user, lesson, course, LessonCompletion.Via.QUIZ)
    except IntegrityError:  # the same sheet sent twice at once: the first one counts
        return _refuse(request, lesson, _("These answers were already sent once."))
    return redirect(lesson.url + lesson.reverse_subpage("attempt", args=[attempt.pk]))


def attempt_result(request, lesson, attempt_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = QuizAttempt.objects.filter(
        pk=attempt_id, user=request.user, lesson_key=lesson.translation_key).first()
    if attempt is None:
        raise Http404
    return lesson.render(request, template="training/attempt_result.html",
                         context_overrides={"attempt": attempt})
