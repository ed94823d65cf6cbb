from django.db import models
from django.db.models import F
from django.utils import timezone


class ContentGeneration(models.Model):
    """One row: a number bumped by every change to what public pages show.

    The shared page cache puts the number in its keys, so a change makes every
    cached response stale at once. It lives in the database, in the same
    transaction as the change, so no request can see the new number before the
    new content, and a cache server being down cannot lose a bump.
    """

    value = models.BigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "content generation"

    def __str__(self):
        return f"content generation {self.value}"

    @classmethod
    def current(cls):
        """(value, changed_at) in one query, creating the row on first use."""
        row = cls.objects.filter(pk=1).values_list("value", "changed_at").first()
        if row is None:
            obj, _created = cls.objects.get_or_create(pk=1)
            row = (obj.value, obj.changed_at)
        return row

    @classmethod
    def bump(cls):
        updated = cls.objects.filter(pk=1).update(value=F("value") + 1, changed_at=timezone.now())
        if not updated:
            cls.objects.get_or_create(pk=1, defaults={"value": 2})
