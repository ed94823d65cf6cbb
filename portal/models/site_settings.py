from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.site_memo import site_setting


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Työkykyportaali"
    )
    feedback_email = models.EmailField(
        _("feedback e-mail"), blank=True,
        help_text=_("A role address, never a private person's address. Leave empty to use "
                    "the address in the server settings."),
    )

    @property
    def feedback_address(self):
        """The feedback address, or "" when none is set (the link is then left out)."""
        return self.feedback_email or settings.FEEDBACK_EMAIL
    supervising_authority = models.CharField(
        _("supervising authority"), max_length=200, blank=True,
        help_text=_("Leave empty to use the authority named in the server settings."),
    )
    supervising_authority_url = models.URLField(
        _("supervising authority's web address"), blank=True
    )

    @classmethod
    def for_request(cls, request):
        """Kept in the site memo: every page's footer reads it."""
        if request is None:
            return super().for_request(request)
        return site_setting(request, cls)

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("feedback_email"),
        MultiFieldPanel(
            [FieldPanel("supervising_authority"), FieldPanel("supervising_authority_url")],
            heading=_("Accessibility supervision"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")
