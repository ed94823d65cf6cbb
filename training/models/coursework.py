"""Assignments and self-assessments on a lesson: what the trainee sees and sends.

The lesson page's context and routes call these functions with the page; other pages
are reached only through the page's own methods (``get_course``), so this module never
imports the page models. A refused submission stores nothing, says why, and gives the
trainee's text back in the form.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from models_library.text_extraction import RefusedFile, check_upload
from training import notifications
from training.models.actions import _guard
from training.models.assignments import SelfAssessment, Submission
from training.models.cohorts import CohortMembership
from training.models.progress import enrolment_for

MAX_TEXT = 20000
SCALE = (1, 2, 3, 4, 5)


@dataclass
class AssignmentState:
    block: object
    submissions: list

    @property
    def latest(self):
        return self.submissions[-1] if self.submissions else None

    @property
    def accepted(self):
        return any(item.status == Submission.Status.ACCEPTED for item in self.submissions)

    @property
    def pending(self):
        return self.latest is not None and self.latest.status == Submission.Status.PENDING

    @property
    def can_submit(self):
        return not self.accepted and not self.pending

    @property
    def next_version(self):
        return len(self.submissions) + 1


def assignment_state(lesson, user):
    block = lesson.assignment_block()
    if block is None:
        return None
    submissions = []
    if user.is_authenticated:
        submissions = list(Submission.objects.filter(user=user, lesson_key=lesson.translation_key)
                           .select_related("review").order_by("version"))
    return AssignmentState(block=block, submissions=submissions)


@dataclass
class SelfAssessmentState:
    block: object
    competences: list
    start: object
    end: object

    @property
    def phase(self):
        return self.block.value["phase"]

    @property
    def own(self):
        return self.start if self.phase == SelfAssessment.Phase.START else self.end

    @property
    def change_rows(self):
        """(competence, start, end, change) for each competence rated both times."""
        if self.start is None or self.end is None:
            return []
        return change_rows(self.start, self.end)


def change_rows(start, end):
    rows = []
    for position, competence in enumerate(end.competences):
        if position < len(start.ratings) and position < len(end.ratings):
            before, after = start.ratings[position], end.ratings[position]
            rows.append((competence, before, after, after - before))
    return rows


def self_assessment_state(lesson, course, user):
    block = lesson.self_assessment_block()
    if block is None or course is None:
        return None
    found = {}
    if user.is_authenticated:
        found = {item.phase: item for item in SelfAssessment.objects.filter(
            user=user, course_key=course.translation_key)}
    return SelfAssessmentState(block=block, competences=course.competence_list(),
                               start=found.get("start"), end=found.get("end"))


def coursework_context(lesson, course, user):
    """Extra lesson context; costs queries only for the blocks the lesson has."""
    return {
        "assignment": assignment_state(lesson, user) if course else None,
        "self_assessment": self_assessment_state(lesson, course, user),
        "rating_scale": SCALE,
    }


def _back(request, lesson, anchor, message=None, level=messages.error):
    if message:
        level(request, message)
    return redirect(lesson.url + anchor)


def read_file(uploaded):
    """The upload's name if it passes the content check; raise RefusedFile otherwise."""
    limit = settings.TRAINING_UPLOAD_MAX_BYTES
    if uploaded.size is not None and uploaded.size > limit:
        raise RefusedFile(_("The file is too large. The largest allowed size is %(max)s MB.")
                          % {"max": round(limit / (1024 * 1024), 1)})
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    uploaded.seek(0)
    check_upload(data, uploaded.name, limit)
    return uploaded.name[-200:]


def trainers_of(user, course_key):
    """The trainers of the trainee's cohorts on the course (who review their work)."""
    return [membership.cohort.trainer for membership in CohortMembership.objects.filter(
        user=user, cohort__course_key=course_key).select_related("cohort__trainer")]


def submit_assignment(request, lesson):
    if (early := _guard(request, lesson)) is not None:
        return early
    course = lesson.get_course()
    state = assignment_state(lesson, request.user)
    if course is None or state is None:
        return _back(request, lesson, "", _("This lesson has no assignment."))
    if enrolment_for(request.user, course) is None:
        return _back(request, lesson, "#assignment",
                     _("Enrol in the course to send your assignment."))
    if request.POST.get("assignment") != str(state.block.id):
        return _back(request, lesson, "#assignment", _(
            "The assignment has changed since you opened it. Please check the instructions "
            "and send your answer again."))
    if state.accepted:
        return _back(request, lesson, "#assignment",
                     _("Your assignment has already been accepted."))
    if state.pending:
        return _back(request, lesson, "#assignment",
                     _("Your answer is waiting for review; you can send a new version if "
                       "the trainer asks for a revision."))
    if request.POST.get("version") != str(state.next_version):
        return _back(request, lesson, "#assignment", _("This answer was already sent once."))
    text = (request.POST.get("text") or "").strip()
    uploaded = request.FILES.get("file") if state.block.value["allow_file"] else None
    errors = {}
    if len(text) > MAX_TEXT:
        errors["text"] = _("The answer is too long: at most %(max)d characters.") % {
            "max": MAX_TEXT}
    file_name = ""
    if uploaded is not None:
        try:
            file_name = read_file(uploaded)
        except RefusedFile as refusal:
            errors["file"] = str(refusal)
    if not errors and not text and uploaded is None:
        errors["text"] = _("Write your answer or attach a file.")
    if errors:
        return lesson.render(request, context_overrides={
            "assignment_errors": errors, "assignment_text": text})
    try:
        with transaction.atomic():
            submission = Submission(
                user=request.user, course_key=course.translation_key,
                lesson_key=lesson.translation_key, assignment_id=str(state.block.id),
                assignment_title=state.block.value["heading"][:200],
                version=state.next_version, text=text, file_name=file_name,
                language=get_language() or settings.LANGUAGE_CODE)
            if uploaded is not None:
                submission.file.save(file_name, uploaded, save=False)
            submission.save()
    except IntegrityError:  # sent twice at once: the first one counts
        return _back(request, lesson, "#assignment", _("This answer was already sent once."))
    notifications.submission_sent(request, submission, lesson,
                                  trainers_of(request.user, course.translation_key))
    return _back(request, lesson, "#assignment",
                 _("Your answer was sent. You will get an e-mail when a trainer has "
                   "reviewed it."), level=messages.success)


def read_ratings(competences, data):
    """The ratings in ``data`` in competence order, and the positions left unrated."""
    ratings, missing = [], []
    for position in range(len(competences)):
        value = data.get(f"c-{position}", "")
        if value not in {str(number) for number in SCALE}:
            missing.append(position)
            ratings.append(None)
        else:
            ratings.append(int(value))
    return ratings, missing


def submit_self_assessment(request, lesson):
    if (early := _guard(request, lesson)) is not None:
        return early
    course = lesson.get_course()
    state = self_assessment_state(lesson, course, request.user)
    if state is None or not state.competences:
        return _back(request, lesson, "", _("This lesson has no self-assessment."))
    if enrolment_for(request.user, course) is None:
        return _back(request, lesson, "#self-assessment",
                     _("Enrol in the course to save your self-assessment."))
    if request.POST.get("competences") != str(len(state.competences)):
        return _back(request, lesson, "#self-assessment", _(
            "The competences have changed since you opened the page. Please rate them "
            "again."))
    ratings, missing = read_ratings(state.competences, request.POST)
    if missing:
        return lesson.render(request, context_overrides={
            "self_assessment_missing": missing,
            "self_assessment_given": {f"c-{n}": value for n, value in enumerate(ratings)
                                      if value is not None},
        })
    SelfAssessment.objects.update_or_create(
        user=request.user, course_key=course.translation_key, phase=state.phase,
        defaults={"competences": state.competences, "ratings": ratings})
    return _back(request, lesson, "#self-assessment", _("Your self-assessment was saved."),
                 level=messages.success)
