from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, HomeStreamBlock, StandardStreamBlock
from portal.models.mixins import BasePage
from portal.models.site_settings import PortalSettings


class HomePage(BasePage):
    """The front door: search, entry points to the portal's sections, the newest
    and featured content, all blocks an editor arranges."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(BasePage):
    body = StreamField(StandardStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class AccessibilityStatementPage(BasePage):
    """Saavutettavuusseloste, as the Act on the Provision of Digital Services requires."""

    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    compliance_status = models.CharField(
        _("compliance status"), max_length=10, choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    body = RichTextField(_("statement"), features=RICH_TEXT_FEATURES, blank=True)
    known_issues = RichTextField(
        _("known issues"), features=RICH_TEXT_FEATURES, blank=True,
        help_text=_("Content that is not yet accessible, why, and how to get it otherwise."),
    )
    feedback_text = RichTextField(
        _("feedback channel"), features=RICH_TEXT_FEATURES, blank=True,
        help_text=_("How to report an accessibility problem and how soon we answer."),
    )
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("statement last reviewed on"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("compliance_status"),
        FieldPanel("body"),
        FieldPanel("known_issues"),
        FieldPanel("feedback_text"),
        MultiFieldPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")], heading=_("Dates")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("known_issues"),
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        portal_settings = PortalSettings.for_request(request)
        context["supervising_authority"] = (
            portal_settings.supervising_authority or settings.ACCESSIBILITY_SUPERVISING_AUTHORITY
        )
        context["supervising_authority_url"] = (
            portal_settings.supervising_authority_url
            or settings.ACCESSIBILITY_SUPERVISING_AUTHORITY_URL
        )
        return context
