"""Cohorts: a trainer's group of trainees on one course, joined with a shared code.

Trainers are the members of the Django group ``trainers`` (``TRAINERS_GROUP``). A
trainer sees only the cohorts they created; a trainee joins with the cohort's code,
which also enrols them in the course.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

TRAINERS_GROUP = "trainers"
# Join codes: 10 characters from an alphabet without look-alikes (0/O, 1/I/L), about
# 50 bits from ``secrets``; joining is rate-limited on top of that.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def is_trainer(user):
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_is_trainer", None)
    if cached is None:
        cached = user.groups.filter(name=TRAINERS_GROUP).exists()
        user._is_trainer = cached
    return cached


def new_join_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _n in range(CODE_LENGTH))


def normalise_code(text):
    """What a person typed, as a code: case and spaces and dashes do not matter."""
    return "".join(str(text or "").split()).replace("-", "").upper()[:40]


class Cohort(models.Model):
    """A trainer's group on one course.

    Personal data: ``trainer`` (the user who runs the cohort). The name and the join
    code are the trainer's working data, not about a trainee.
    """

    name = models.CharField(_("name"), max_length=120)
    course_key = models.UUIDField(_("course"), db_index=True)
    trainer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="cohorts_trained", verbose_name=_("trainer"))
    join_code = models.CharField(_("join code"), max_length=CODE_LENGTH, unique=True,
                                 default=new_join_code, editable=False)
    open_for_joining = models.BooleanField(_("open for joining"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    @property
    def display_code(self):
        return f"{self.join_code[:5]}-{self.join_code[5:]}"


class CohortMembership(models.Model):
    """A trainee in a cohort.

    Personal data: ``user`` (the trainee) and ``joined_at``.
    """

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships",
                               verbose_name=_("cohort"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="cohort_memberships", verbose_name=_("trainee"))
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort membership")
        verbose_name_plural = _("cohort memberships")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="one_membership_per_cohort")
        ]
        ordering = ["joined_at"]

    def __str__(self):
        return f"{self.user_id} ∈ {self.cohort_id}"
