"""Cohorts, reviews and the trainer dashboard (trainers), and joining a cohort (trainees).

Trainers are the ``trainers`` group; a trainer reaches only their own cohorts and the
answers of their own cohorts' trainees: any other id answers 404. Assignment files are
served here, to their owner and to the trainers who review them, never from a public URL.
"""

from allauth.core.internal import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from portal.visibility import visible_pages
from training import dashboard, notifications
from training.forms import CohortForm, JoinForm, ReviewForm
from training.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from training.models.assignments import Review, Submission
from training.models.cohorts import Cohort, CohortMembership, is_trainer, normalise_code
from training.models.progress import complete_lesson, missing_prerequisites

JOIN_RATE = {"join_cohort": "10/10m/user,30/10m/ip"}


def trainer_required(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def localized(pages, request=None):
    """One page per translation key, in the current language where it exists."""
    language = get_language()
    chosen = {}
    for page in visible_pages(pages, request).select_related("locale"):
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return chosen


def course_for(key, request=None):
    return localized(CoursePage.objects.filter(translation_key=key), request).get(key)


def reviewable(trainer):
    """The submissions this trainer reviews: by trainees of their cohorts on that course."""
    return Submission.objects.filter(Exists(CohortMembership.objects.filter(
        cohort__trainer=trainer, cohort__course_key=OuterRef("course_key"),
        user=OuterRef("user"))))


# -- trainer: cohorts ---------------------------------------------------------------------
@trainer_required
@require_http_methods(["GET", "POST"])
def trainer_home(request):
    courses = list(visible_pages(CoursePage.objects.filter(locale=Locale.get_active()),
                                 request).order_by("path"))
    form = CohortForm(request.POST or None, courses=courses)
    if request.method == "POST" and form.is_valid():
        cohort = Cohort.objects.create(name=form.cleaned_data["name"],
                                       course_key=form.cleaned_data["course"],
                                       trainer=request.user)
        messages.success(request, _("The cohort was created. Share its join code %(code)s "
                                    "with the trainees.") % {"code": cohort.display_code})
        return redirect("training:cohort", cohort.pk)
    own = Cohort.objects.filter(trainer=request.user)
    sizes = dashboard.cohort_sizes(own)
    titles = {str(course.translation_key): course.title for course in courses}
    missing = {cohort.course_key for cohort in own if str(cohort.course_key) not in titles}
    if missing:
        titles.update({str(key): page.title for key, page in localized(
            CoursePage.objects.filter(translation_key__in=missing), request).items()})
    cohorts = [{"cohort": cohort, "size": sizes.get(cohort.pk, 0),
                "course_title": titles.get(str(cohort.course_key), "–")} for cohort in own]
    return render(request, "training/trainer_home.html", {"form": form, "cohorts": cohorts})


def own_cohort(request, pk):
    cohort = get_object_or_404(Cohort, pk=pk, trainer=request.user)
    course = course_for(cohort.course_key, request)
    if course is None:
        raise Http404
    return cohort, course


@trainer_required
def cohort_dashboard(request, pk):
    cohort, course = own_cohort(request, pk)
    data = dashboard.cohort_data(cohort, course)
    return render(request, "training/cohort_dashboard.html",
                  {"cohort": cohort, "course": course, **data})


@trainer_required
def cohort_csv(request, pk):
    cohort, course = own_cohort(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}.csv"'
    response.write("\ufeff")  # a BOM, so spreadsheets read the UTF-8 names right
    return dashboard.write_csv(response, cohort, course, dashboard.cohort_data(cohort, course))


# -- trainer: reviews ---------------------------------------------------------------------
@trainer_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    submission = get_object_or_404(reviewable(request.user).select_related("user"), pk=pk)
    history = list(Submission.objects.filter(user=submission.user,
                                             lesson_key=submission.lesson_key)
                   .select_related("review").order_by("version"))
    lesson = localized(LessonPage.objects.filter(translation_key=submission.lesson_key),
                       request).get(submission.lesson_key)
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        if Review.objects.filter(submission=submission).exists():
            messages.info(request, _("This answer has already been reviewed; nothing was "
                                     "changed."))
            return redirect("training:review", submission.pk)
        if form.is_valid():
            return _save_review(request, submission, lesson, form.cleaned_data)
    return render(request, "training/review.html", {
        "submission": submission, "history": history, "lesson": lesson, "form": form,
        "trainee": submission.user.get_full_name() or submission.user.email,
    })


def _save_review(request, submission, lesson, data):
    accept = data["decision"] == Review.Decision.ACCEPT
    try:
        with transaction.atomic():
            review_ = Review.objects.create(submission=submission, reviewer=request.user,
                                            decision=data["decision"],
                                            feedback=data["feedback"].strip())
            submission.status = (Submission.Status.ACCEPTED if accept
                                 else Submission.Status.REVISION)
            submission.save(update_fields=["status"])
            if accept and lesson is not None:
                course = course_for(submission.course_key)
                if course is not None:
                    complete_lesson(submission.user, lesson, course,
                                    LessonCompletion.Via.ASSIGNMENT)
    except IntegrityError:  # two trainers at once: the first decision stands
        messages.info(request, _("This answer has already been reviewed; nothing was "
                                 "changed."))
        return redirect("training:review", submission.pk)
    notifications.review_given(request, review_, lesson.url + "#assignment" if lesson else "")
    messages.success(request, _("Your review was saved and the trainee was told by e-mail."))
    return redirect("training:review", submission.pk)


@login_required
def submission_file(request, pk):
    """An assignment file, as a download, for its owner or a reviewing trainer only."""
    submission = Submission.objects.filter(pk=pk, user=request.user).first()
    if submission is None and is_trainer(request.user):
        submission = reviewable(request.user).filter(pk=pk).first()
    if submission is None or not submission.file:
        raise Http404
    try:
        handle = submission.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True,
                            filename=submission.file_name or "answer",
                            content_type="application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    return response


# -- trainee: joining ----------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def join(request):
    form = JoinForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, app="training", action="join_cohort",
                                 config=JOIN_RATE):
            status = 429
            form.add_error("code", _("Too many attempts. Wait a few minutes and try again."))
        else:
            result = _join(request, normalise_code(form.cleaned_data["code"]))
            if result is not None:
                return result
            form.add_error("code", _("No open cohort has this code. Check the code and try "
                                     "again."))
    return render(request, "training/join.html", {"form": form}, status=status)


def _join(request, code):
    cohort = Cohort.objects.filter(join_code=code, open_for_joining=True).first()
    if cohort is None:
        return None
    course = course_for(cohort.course_key, request)
    if course is None:
        return None
    if missing := missing_prerequisites(course, request):
        messages.error(request, _("Complete these courses first: %(courses)s.") % {
            "courses": ", ".join(page.title for page in missing)})
        return redirect("training:join")
    _membership, created = CohortMembership.objects.get_or_create(cohort=cohort,
                                                                  user=request.user)
    Enrolment.objects.get_or_create(user=request.user, course_key=cohort.course_key)
    if created:
        messages.success(request, _("You joined the cohort %(cohort)s and are enrolled in "
                                    "the course.") % {"cohort": cohort.name})
    else:
        messages.info(request, _("You are already in the cohort %(cohort)s.") % {
            "cohort": cohort.name})
    return redirect(course.url)
