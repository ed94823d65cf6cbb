import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from portal.demo_utils import DemoDataError
from portal.indexing import deferred_indexing

# Each app contributes a ``build()``; later builders may rely on earlier ones.
BUILDERS = ["portal.demo.build", "models_library.demo.build", "models_library.pathway_demo.build",
            "training.demo.build"]
# Run only with the development settings; each returns lines telling how to sign in.
DEV_BUILDERS = ["training.demo.build_trainees"]


class Command(BaseCommand):
    help = "Build the demo site in code. Safe to run repeatedly: it updates, never duplicates."

    def handle(self, *args, **options):
        try:
            with deferred_indexing(), transaction.atomic():
                for path in BUILDERS:
                    import_string(path)()
                sign_ins = []
                if settings.DEBUG:
                    for path in DEV_BUILDERS:
                        sign_ins += import_string(path)()
        except DemoDataError as error:  # nothing was written: the transaction rolled back
            raise CommandError(f"The demo data cannot be used: {error}") from error
        address = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"Demo content is in place: {address}/fi/"))
        if settings.DEBUG:
            self._ensure_local_admin()
            for line in sign_ins:
                self.stdout.write(line)

    def _ensure_local_admin(self):
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "tyokyky-demo")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": "admin@example.fi"}
        )
        if created or not user.is_superuser:
            user.is_superuser = user.is_staff = True
            user.set_password(password)
            user.save()
        self.stdout.write(
            f"Admin: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/  "
            f"user: {username}  password: {password}"
            + ("" if created else " (unless you changed it)")
        )
