from portal.models.content_generation import ContentGeneration
from portal.models.mixins import BasePage, SummaryMixin
from portal.models.pages import AccessibilityStatementPage, HomePage, StandardPage
from portal.models.site_settings import PortalSettings

__all__ = [
    "AccessibilityStatementPage",
    "BasePage",
    "ContentGeneration",
    "HomePage",
    "PortalSettings",
    "StandardPage",
    "SummaryMixin",
]
