from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Signal handlers import models, which cannot be imported before the registry is ready.
        from portal import content_signals, lookups  # noqa: PLC0415

        lookups.register()
        content_signals.connect()
