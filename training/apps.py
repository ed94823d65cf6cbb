from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        # The privacy registry's parts register themselves when their modules load.
        from training import privacy  # noqa: F401
