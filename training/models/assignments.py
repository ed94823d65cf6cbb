"""Assignment submissions with their reviews, and competence self-assessments.

Records point at lessons and courses by ``translation_key`` (as the part 1 records do).
A submission is never edited: a revised answer is a new version, and every review is
its own record, so the whole history stays. Files live in a private storage outside
MEDIA_ROOT and are served only by ``training.views.submission_file``.
"""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _


class PrivateStorage(FileSystemStorage):
    """Files with no address of their own: a view that checks the user serves them."""

    def url(self, name):
        raise ValueError("Private files have no public URL; use the training file view.")


def private_storage():
    return PrivateStorage(location=settings.PRIVATE_MEDIA_ROOT)


def submission_path(instance, filename):
    # A random folder name: nothing about the trainee or the lesson in the stored path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"assignments/{uuid.uuid4().hex}.{extension}"


class Submission(models.Model):
    """One version of a trainee's answer to a lesson's assignment.

    Personal data: ``user``, ``text``, ``file`` and ``file_name`` (the trainee's work
    and the name of their file), ``submitted_at`` and ``language``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        REVISION = "revision", _("revision requested")
        ACCEPTED = "accepted", _("accepted")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="submissions", verbose_name=_("trainee"))
    course_key = models.UUIDField(_("course"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"))
    assignment_id = models.CharField(_("assignment"), max_length=64)
    assignment_title = models.CharField(_("assignment title"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("answer"), blank=True, max_length=20000)
    file = models.FileField(_("file"), upload_to=submission_path, storage=private_storage,
                            blank=True, max_length=200)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, default="fi")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.PENDING, db_index=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment submission")
        verbose_name_plural = _("assignment submissions")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key", "version"],
                                    name="one_submission_per_version")
        ]
        ordering = ["lesson_key", "version"]

    def __str__(self):
        return f"{self.assignment_title} v{self.version}"


class Review(models.Model):
    """A trainer's decision on one submission; at most one per submission.

    Personal data: ``reviewer`` (the trainer) and ``feedback`` (written about the
    trainee's work), ``reviewed_at``.
    """

    class Decision(models.TextChoices):
        ACCEPT = "accept", _("accept")
        REVISE = "revise", _("ask for revision")

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE,
                                      related_name="review", verbose_name=_("submission"))
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, related_name="reviews_given",
                                 verbose_name=_("reviewer"))
    decision = models.CharField(_("decision"), max_length=8, choices=Decision.choices)
    feedback = models.TextField(_("feedback"), blank=True, max_length=5000)
    reviewed_at = models.DateTimeField(_("reviewed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"{self.submission_id}: {self.decision}"


class SelfAssessment(models.Model):
    """A trainee's ratings of the course's competences at its start or end.

    ``competences`` keeps the statements as rated, ``ratings`` the scores (1–5) in
    the same order, so later edits to the course never rewrite an answer.
    Personal data: ``user``, ``ratings``, ``submitted_at``.
    """

    class Phase(models.TextChoices):
        START = "start", _("at the start of the course")
        END = "end", _("at the end of the course")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="self_assessments", verbose_name=_("trainee"))
    course_key = models.UUIDField(_("course"), db_index=True)
    phase = models.CharField(_("phase"), max_length=5, choices=Phase.choices)
    competences = models.JSONField(_("competences"), default=list)
    ratings = models.JSONField(_("ratings"), default=list)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key", "phase"],
                                    name="one_self_assessment_per_phase")
        ]

    def __str__(self):
        return f"{self.user_id} {self.phase}"
