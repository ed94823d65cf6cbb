"""Learner records: plain Django models, never pages.

Records point at course and lesson pages by their ``translation_key``, so progress made
in one language shows in every language, and a record outlives edits to the page.

A record also outlives its trainee: when an account is deleted (``training.privacy``)
the records lose their user and every personal detail, and stay only as anonymous
rows for the courses' statistics.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             related_name="enrolments", verbose_name=_("trainee"))
    course_key = models.UUIDField(_("course"), db_index=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_lesson_key = models.UUIDField(_("last lesson visited"), null=True, blank=True)
    last_visited_at = models.DateTimeField(_("last visited at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]
        ordering = ["-enrolled_at"]

    def __str__(self):
        return f"{self.user_id} → {self.course_key}"


class LessonCompletion(models.Model):
    class Via(models.TextChoices):
        MARKED = "marked", _("marked as done")
        QUIZ = "quiz", _("quiz passed")
        ASSIGNMENT = "accepted", _("assignment accepted")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             related_name="lesson_completions", verbose_name=_("trainee"))
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"))
    via = models.CharField(_("completed by"), max_length=8, choices=Via.choices)
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_completion_per_lesson")
        ]
        indexes = [models.Index(fields=["user", "course_key"])]

    def __str__(self):
        return f"{self.user_id} ✓ {self.lesson_key}"


class QuizAttempt(models.Model):
    """One submitted answer sheet, graded on the server and stored as it was graded.

    ``answers`` keeps the questions, the answers given and the verdicts as they stood at
    grading time, so editing the quiz later never rewrites a trainee's result.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             related_name="quiz_attempts", verbose_name=_("trainee"))
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"))
    quiz_id = models.CharField(_("quiz"), max_length=64)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    score = models.PositiveSmallIntegerField(_("points"))
    max_score = models.PositiveSmallIntegerField(_("maximum points"))
    percent = models.PositiveSmallIntegerField(_("score (%)"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    passed = models.BooleanField(_("passed"))
    quiz_title = models.CharField(_("quiz title"), max_length=200)
    answers = models.JSONField(_("graded answers"), default=list)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key", "number"],
                                    name="one_attempt_per_number")
        ]
        ordering = ["lesson_key", "number"]

    def __str__(self):
        return f"{self.quiz_title} #{self.number}: {self.percent} %"
