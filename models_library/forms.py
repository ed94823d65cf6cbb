from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from models_library.blocks import REQUIRED_SECTIONS, SECTION_HEADINGS


class OperatingModelPageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing (or submitting for moderation) may not."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        description = cleaned_data.get("description")
        present = {
            block.block_type for block in (description or [])
            if str(block.value.get("body", "")).strip()
        }
        missing = [key for key in REQUIRED_SECTIONS if key not in present]
        if missing:
            names = ", ".join(str(SECTION_HEADINGS[key]) for key in missing)
            self.add_error(
                "description",
                _("Fill in these required sections before publishing: %(names)s.")
                % {"names": names},
            )
        return cleaned_data
