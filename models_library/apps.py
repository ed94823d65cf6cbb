from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModelsLibraryConfig(AppConfig):
    name = "models_library"
    verbose_name = _("Operating-model library")

    def ready(self):
        from models_library.signal_handlers import register_signal_handlers

        register_signal_handlers()
