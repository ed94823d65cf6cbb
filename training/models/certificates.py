"""Certificates: issued when a course's completion rule is met, verifiable by anyone.

A certificate points at its course by ``translation_key`` (like the other learner
records) and keeps the course's title and credits as they were at issue. The holder's
name is read from their account, so when the account is deleted the certificate keeps
no personal data and verifies as "removed".

The verification code is 16 characters from an alphabet without look-alikes (80 random
bits from ``secrets``), shown in groups of four; what a visitor types is normalised
(case, spaces and dashes do not matter) before it is looked up.
"""

import re
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16
_SEPARATORS = re.compile(r"[\s\-]+")


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _n in range(CODE_LENGTH))


def normalise_code(text):
    """The stored form of a typed code, or None when it cannot be a code at all."""
    code = _SEPARATORS.sub("", (text or "")[:64]).upper()
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return None
    return code


def display_code(code):
    return "-".join(code[n:n + 4] for n in range(0, len(code), 4))


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")
        REMOVED = "removed", _("removed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="certificates",
                             verbose_name=_("trainee"))
    course_key = models.UUIDField(_("course"), db_index=True)
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True)
    course_title = models.CharField(_("course title at issue"), max_length=255)
    credits = models.DecimalField(_("credits (op)"), max_digits=4, decimal_places=1)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True, max_length=1000)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("revoked by"))
    removed_at = models.DateTimeField(_("holder's account deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"],
                                    name="one_certificate_per_course")
        ]
        permissions = [("revoke_certificate", _("Can revoke certificates"))]
        ordering = ["-issued_at"]

    def __str__(self):
        return f"{self.course_title} · {self.display_code}"

    @property
    def display_code(self):
        return display_code(self.code)

    @property
    def status(self):
        if self.removed_at is not None or self.user_id is None:
            return self.Status.REMOVED
        if self.revoked_at is not None:
            return self.Status.REVOKED
        return self.Status.VALID

    @property
    def holder_name(self):
        return "" if self.user is None else self.user.get_full_name()

    def revoke(self, by, reason):
        """Revoke once; revoking a revoked certificate changes nothing. True if it changed."""
        changed = Certificate.objects.filter(pk=self.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason=reason, revoked_by=by)
        self.refresh_from_db()
        return bool(changed)


def valid_certificates(user):
    return Certificate.objects.filter(user=user, revoked_at__isnull=True,
                                      removed_at__isnull=True)


def issue_certificate(user, course):
    """The user's certificate for the course, issued now if they have none (idempotent)."""
    existing = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
    if existing is not None:
        return existing
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    user=user, course_key=course.translation_key, code=new_code(),
                    course_title=course.title, credits=course.credits)
        except IntegrityError:  # issued at the same moment by another request, or a code clash
            existing = Certificate.objects.filter(
                user=user, course_key=course.translation_key).first()
            if existing is not None:
                return existing
    raise RuntimeError("Could not find an unused certificate code.")
