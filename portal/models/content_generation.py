import datetime

from django.conf import settings
from django.db import connection, models
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
        """(value, changed_at) in one query, creating the row on first use.

        Every request reads it (a cached page is served on it alone), so the query is
        sent as plain SQL: building it through the ORM cost more than running it."""
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT value, changed_at FROM {table} WHERE id = 1")  # noqa: S608
            row = cursor.fetchone()
        if row is None:
            obj, _created = cls.objects.get_or_create(pk=1)
            return (obj.value, obj.changed_at)
        value, changed_at = row
        if settings.USE_TZ and timezone.is_naive(changed_at):  # SQLite: naive UTC
            changed_at = timezone.make_aware(changed_at, datetime.UTC)
        return (value, changed_at)

    @classmethod
    def bump(cls):
        updated = cls.objects.filter(pk=1).update(value=F("value") + 1, changed_at=timezone.now())
        if not updated:
            cls.objects.get_or_create(pk=1, defaults={"value": 2})
