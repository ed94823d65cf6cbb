"""Delete Innokylä import previews that have expired (run it from cron, e.g. hourly).

    python manage.py purge_import_previews

Previews are also purged whenever an editor makes a new one; this command covers
quiet periods, so uploaded texts never linger in the database.
"""

from django.core.management.base import BaseCommand

from models_library.models import ImportPreview


class Command(BaseCommand):
    help = "Delete expired Innokylä import previews."

    def handle(self, *args, **options):
        deleted = ImportPreview.purge_stale()
        self.stdout.write(f"Deleted {deleted} expired import preview(s).")
