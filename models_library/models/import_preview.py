"""A previewed Innokylä import waiting for "Create drafts": short-lived, one use only."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long an editor has between the preview and "Create drafts".
PREVIEW_LIFETIME = timedelta(hours=2)


def new_token():
    return secrets.token_urlsafe(32)


class ImportPreview(models.Model):
    """The decoded texts of one preview, keyed by an unguessable token bound to its user."""

    token = models.CharField(max_length=64, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    parent = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    source_url = models.URLField(max_length=500, blank=True)
    # [[name, text], ...] for the inputs that can be imported.
    inputs = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("import preview")
        verbose_name_plural = _("import previews")

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def stale(cls, now=None):
        return cls.objects.filter(created_at__lt=(now or timezone.now()) - PREVIEW_LIFETIME)

    @classmethod
    def purge_stale(cls):
        """Delete previews nobody can use any more; returns how many were deleted."""
        deleted, _rows = cls.stale().delete()
        return deleted

    @classmethod
    def replace_for(cls, user, **fields):
        """A new preview for this user; their earlier previews and stale ones are dropped."""
        cls.purge_stale()
        cls.objects.filter(user=user).delete()
        return cls.objects.create(token=new_token(), user=user, **fields)

    @classmethod
    @transaction.atomic
    def consume(cls, token, user, use):
        """Call ``use(preview)`` once for a live preview of this user, then it is gone.

        Deleting the row claims it: of two submits racing for the same token, only one
        deletes a row (the other waits for the row lock, then finds nothing), so the
        inputs are imported once. If ``use`` fails, the deletion rolls back with it.
        Returns ``use``'s result, or None when the token is unknown, expired or used.
        """
        if not token:
            return None
        preview = cls.objects.filter(
            token=token, user=user, created_at__gte=timezone.now() - PREVIEW_LIFETIME
        ).first()
        if preview is None:
            return None
        deleted, _rows = cls.objects.filter(pk=preview.pk).delete()
        if not deleted:
            return None
        return use(preview)
