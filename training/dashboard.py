"""The trainer's view of one cohort: rows per trainee, two charts and a CSV export.

Everything is read in a fixed number of queries whatever the size of the cohort
(members, completions, attempts, self-assessments and pending answers each in one).
The charts are drawn on the server as SVG; their numbers are also given as tables.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from training.models import Enrolment, LessonCompletion, QuizAttempt
from training.models.assignments import SelfAssessment, Submission
from training.models.coursework import change_rows
from training.models.progress import Progress, course_lessons


@dataclass
class TraineeRow:
    user: object
    joined_at: object
    progress: Progress
    completed_at: object = None
    quiz_scores: list = field(default_factory=list)  # best percent per quiz, or None
    start_average: float | None = None
    end_average: float | None = None
    pending: list = field(default_factory=list)

    @property
    def name(self):
        return self.user.get_full_name() or self.user.email or self.user.username

    @property
    def change(self):
        if self.start_average is None or self.end_average is None:
            return None
        return round(self.end_average - self.start_average, 1)


def _average(values):
    return round(sum(values) / len(values), 1) if values else None


def cohort_data(cohort, course):
    key = cohort.course_key
    members = list(cohort.memberships.select_related("user").order_by("joined_at", "pk"))
    users = cohort.memberships.values("user_id")
    lessons = course_lessons(course)
    lesson_keys = {lesson.translation_key for lesson in lessons}
    quiz_lessons = [lesson for lesson in lessons if lesson.has_quiz]
    done = defaultdict(list)
    for user_id, lesson_key, when in LessonCompletion.objects.filter(
            user_id__in=users, course_key=key).values_list("user_id", "lesson_key",
                                                           "completed_at"):
        if lesson_key in lesson_keys:
            done[user_id].append(when)
    best = {}
    for user_id, lesson_key, percent in QuizAttempt.objects.filter(
            user_id__in=users, course_key=key).values_list("user_id", "lesson_key", "percent"):
        best[user_id, lesson_key] = max(best.get((user_id, lesson_key), 0), percent)
    assessments = defaultdict(dict)
    for item in SelfAssessment.objects.filter(user_id__in=users, course_key=key):
        assessments[item.user_id][item.phase] = item
    pending = defaultdict(list)
    for submission in Submission.objects.filter(
            user_id__in=users, course_key=key, status=Submission.Status.PENDING
    ).order_by("submitted_at"):
        pending[submission.user_id].append(submission)
    completed = dict(Enrolment.objects.filter(user_id__in=users, course_key=key)
                     .values_list("user_id", "completed_at"))
    rows = []
    for membership in members:
        uid = membership.user_id
        own = assessments.get(uid, {})
        rows.append(TraineeRow(
            user=membership.user, joined_at=membership.joined_at,
            progress=Progress(len(done.get(uid, [])), len(lessons)),
            completed_at=completed.get(uid),
            quiz_scores=[best.get((uid, lesson.translation_key)) for lesson in quiz_lessons],
            start_average=_average(own["start"].ratings) if "start" in own else None,
            end_average=_average(own["end"].ratings) if "end" in own else None,
            pending=pending.get(uid, []),
        ))
    return {
        "rows": rows, "lessons": lessons, "quiz_lessons": quiz_lessons,
        "competences": competence_summary(assessments),
        "progress_chart": progress_chart(done, len(members), len(lessons)),
        "score_chart": score_chart([score for row in rows for score in row.quiz_scores
                                    if score is not None]),
        "pending_total": sum(len(row.pending) for row in rows),
    }


def competence_summary(assessments):
    """Per competence: the cohort's average at the start and at the end, and the change."""
    sums = defaultdict(lambda: [[], []])
    order = []
    for own in assessments.values():
        if "start" in own and "end" in own:
            for competence, before, after, _change in change_rows(own["start"], own["end"]):
                if competence not in sums:
                    order.append(competence)
                sums[competence][0].append(before)
                sums[competence][1].append(after)
    result = []
    for competence in order:
        before, after = sums[competence]
        start, end = _average(before), _average(after)
        result.append({"competence": competence, "start": start, "end": end,
                       "change": round(end - start, 1), "count": len(before)})
    return result


# -- charts -----------------------------------------------------------------------------
WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 640, 260, 48, 40, 16, 16
MAX_POINTS = 60


@dataclass
class Chart:
    points: list  # (label, value, x, y) for lines, (label, value, x, y, width, height) for bars
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_bottom: int = HEIGHT - BOTTOM
    plot_right: int = WIDTH - RIGHT
    plot_top: int = TOP
    grid: list = field(default_factory=list)  # (label, y)

    @property
    def polyline(self):
        return " ".join(f"{point[2]},{point[3]}" for point in self.points)


def _y(value, maximum):
    span = HEIGHT - BOTTOM - TOP
    return round(HEIGHT - BOTTOM - span * (value / maximum if maximum else 0), 1)


def progress_chart(done, members, lessons):
    """The cohort's average progress (%) at the end of each day a lesson was completed."""
    per_day = defaultdict(int)
    for dates in done.values():
        for when in dates:
            per_day[timezone.localdate(when)] += 1
    days = sorted(per_day)
    total = members * lessons
    values, running = [], 0
    for day in days:
        running += per_day[day]
        values.append((day, round(100 * running / total) if total else 0))
    values = values[-MAX_POINTS:]
    span = WIDTH - LEFT - RIGHT
    step = span / (len(values) - 1) if len(values) > 1 else 0
    points = [(day, value, round(LEFT + (step * n if len(values) > 1 else span / 2), 1),
               _y(value, 100)) for n, (day, value) in enumerate(values)]
    return Chart(points=points, grid=[(f"{v} %", _y(v, 100)) for v in (0, 25, 50, 75, 100)])


BUCKETS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))


def score_chart(scores):
    """How many best quiz results fall in each fifth of the scale."""
    counts = [sum(low <= score <= high for score in scores) for low, high in BUCKETS]
    maximum = max(counts + [1])
    span = WIDTH - LEFT - RIGHT
    slot = span / len(BUCKETS)
    points = []
    for n, ((low, high), count) in enumerate(zip(BUCKETS, counts, strict=True)):
        y = _y(count, maximum)
        points.append((f"{low}–{high} %", count, round(LEFT + slot * n + slot * 0.15, 1), y,
                       round(slot * 0.7, 1), round(HEIGHT - BOTTOM - y, 1)))
    ticks = sorted({0, maximum // 2, maximum})
    return Chart(points=points, grid=[(str(v), _y(v, maximum)) for v in ticks])


# -- CSV ----------------------------------------------------------------------------------
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def safe_cell(value):
    """A cell a spreadsheet shows as text: never a formula (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_csv(response, cohort, course, data):
    writer = csv.writer(response)
    header = [_("Trainee"), _("E-mail"), _("Joined"), _("Lessons done"), _("Lessons"),
              _("Progress (%)"), _("Completed"),
              *[_("Best score (%%): %(quiz)s") % {"quiz": lesson.title}
                for lesson in data["quiz_lessons"]],
              _("Self-assessment at start"), _("Self-assessment at end"),
              _("Self-assessment change"), _("Answers waiting for review")]
    writer.writerow([safe_cell(cell) for cell in header])
    for row in data["rows"]:
        writer.writerow([safe_cell(cell) for cell in [
            row.name, row.user.email, timezone.localtime(row.joined_at).date().isoformat(),
            row.progress.done, row.progress.total, row.progress.percent,
            timezone.localtime(row.completed_at).date().isoformat() if row.completed_at else "",
            *row.quiz_scores, row.start_average, row.end_average, row.change,
            len(row.pending)]])
    return response


def cohort_sizes(cohorts):
    return dict(cohorts.annotate(size=Count("memberships")).values_list("pk", "size"))
