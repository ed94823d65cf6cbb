"""Clear learner-record details older than settings.TRAINING_RETENTION_DAYS.

Safe to run daily: each registered part clears only what still has details, so a second
run on the same day changes nothing.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from training.privacy import purge_expired


class Command(BaseCommand):
    help = "Purge quiz answer details and submitted files older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None,
                            help="Retention in days (default: TRAINING_RETENTION_DAYS).")

    def handle(self, *args, days=None, **options):
        days = settings.TRAINING_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        for name, count in purge_expired(cutoff).items():
            self.stdout.write(f"{name}: {count} purged (older than {days} days)")
