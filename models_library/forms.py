from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from models_library.blocks import SECTION_HEADINGS, missing_required_sections


class OperatingModelPageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing (or submitting for moderation) may not."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        missing = missing_required_sections(cleaned_data.get("description"))
        if missing:
            names = ", ".join(str(SECTION_HEADINGS[key]) for key in missing)
            self.add_error(
                "description",
                _("Fill in these required sections before publishing: %(names)s.")
                % {"names": names},
            )
        return cleaned_data
