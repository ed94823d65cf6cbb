"""What visitors searched for, per day: counts only, no user, session or address."""

import re

from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_LOGGED_LENGTH = 100
# Queries that may name a person are not logged: e-mail addresses, phone numbers,
# Finnish personal identity codes and anything with a long run of digits.
PERSONAL_RE = re.compile(r"@|\d{5,}|\d{6}[-+a-fA-FU-Yu-y]\d{3}[0-9a-zA-Z]|\+\d")


class SearchQueryLog(models.Model):
    query_string = models.CharField(_("search"), max_length=MAX_LOGGED_LENGTH)
    language = models.CharField(_("language"), max_length=8)
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search log entry")
        verbose_name_plural = _("search log")
        constraints = [
            models.UniqueConstraint(fields=["query_string", "language", "date"],
                                    name="search_log_one_row_per_day"),
        ]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, language, found):
        """Count one search in one statement (an upsert on SQLite and PostgreSQL)."""
        text = " ".join(query_string.lower().split())
        if not text or len(text) > MAX_LOGGED_LENGTH or PERSONAL_RE.search(text):
            return
        table = connection.ops.quote_name(cls._meta.db_table)
        zero = 0 if found else 1
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (query_string, language, date, searches, zero_results) "
                "VALUES (%s, %s, %s, 1, %s) "
                "ON CONFLICT (query_string, language, date) DO UPDATE SET "
                "searches = " + table + ".searches + 1, "
                "zero_results = " + table + ".zero_results + excluded.zero_results",
                [text, language[:8], timezone.localdate(), zero],
            )
